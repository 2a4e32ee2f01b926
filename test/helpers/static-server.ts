// Serves a built site on 127.0.0.1 for browser tests: the same server the PDF step prints from.
export { serve, type StaticServer } from '../../src/pdf/serve-static.ts';

// A tiny static file server on 127.0.0.1 for a built site: what Chromium prints the PDFs from (and what the
// browser tests open). Serves files under `root` only; a folder serves its index.html.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { normalizeBase } from '../model/base-path.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The URL path the site was built for (`--base`); requests outside it get 404. */
  base?: string;
  /** Extra HTML pages, by path under the base (e.g. `__print/`), served before the files. */
  pages?: Record<string, string>;
}

export async function serve(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = resolve(root);
  const prefix = normalizeBase(options.base);
  const server: Server = createServer(async (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (!`${path}/`.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    path = `/${path.slice(prefix.length)}`;
    if (options.pages && Object.hasOwn(options.pages, path.slice(1))) {
      res.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' }).end(options.pages[path.slice(1)]);
      return;
    }
    let file = resolve(base, `.${path}`);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(404).end('not found');
      return;
    }
    if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file).catch(() => undefined);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    // Assets are cached for the browser's session: the PDF step opens some 30 pages that share fonts and scripts.
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': file.endsWith('.html') ? 'no-cache' : 'max-age=600' }).end(body);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// Tests of the page kit (src/site/components), rendered with Astro's container API: Astro's Vite plugins
// compile the .astro files, and the project's astro.config.mjs provides the example plan's data module.
import { getViteConfig } from 'astro/config';

export default getViteConfig({ test: { name: 'components', include: ['test/components/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 120_000 } });

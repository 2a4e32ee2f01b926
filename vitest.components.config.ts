// Tests of the page kit (src/site/components), rendered with Astro's container API: Astro's Vite plugins
// compile the .astro files, and the site's integration provides the data module — of the blank seed, the
// smallest plan, so starting the test run stays quick.
import { getViteConfig } from 'astro/config';
import { siteConfig } from './src/site/astro-config.ts';

export default getViteConfig(
  { test: { name: 'components', include: ['test/components/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 120_000 } },
  { ...siteConfig({ planDir: 'seeds/blank' }), configFile: false },
);

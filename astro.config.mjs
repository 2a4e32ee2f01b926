// For `astro dev` / `astro build` run directly; `shopplan build` passes the same config inline.
import { siteConfig } from './src/site/astro-config.ts';

const { root: _root, ...config } = siteConfig({ planDir: process.env.SHOPPLAN_PLAN_DIR ?? 'content' });
export default config;

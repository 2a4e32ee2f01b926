// The Astro configuration of a plan site, shared by astro.config.mjs and `shopplan build`.
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig } from 'astro';
import { shopplan, type ShopplanIntegrationOptions } from './integration.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteConfigOptions extends ShopplanIntegrationOptions {
  outDir?: string;
  /** Sub-path the site is served under, e.g. `/plan/`. */
  base?: string;
}

export function siteConfig(options: SiteConfigOptions): AstroInlineConfig {
  return {
    root: PROJECT_ROOT,
    srcDir: fileURLToPath(new URL('./', import.meta.url)),
    publicDir: fileURLToPath(new URL('../../public/', import.meta.url)),
    ...(options.outDir ? { outDir: options.outDir } : {}),
    ...(options.base ? { base: options.base } : {}),
    output: 'static',
    trailingSlash: 'ignore',
    build: { format: 'directory' },
    // The dev toolbar is Astro's, not the plan's: `shopplan dev` serves the site only.
    devToolbar: { enabled: false },
    integrations: [shopplan(options)],
  } as AstroInlineConfig;
}

// The real BuildEffects: the file system, stderr for progress, and Astro's programmatic build.
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BuildEffects } from './build-site.ts';
import { indexSite } from './search-index.ts';

export function nodeBuildEffects(log: (message: string) => void): BuildEffects {
  return {
    log,
    async buildSite(check, planDir, outDir) {
      process.env.ASTRO_TELEMETRY_DISABLED = '1';
      const { build } = await import('astro');
      const { siteConfig } = await import('../site/astro-config.ts');
      await build({ ...siteConfig({ planDir, check, outDir }), configFile: false, logLevel: 'warn' });
    },
    indexSite,
    async writeFile(path, content) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    },
    exists: (path) => stat(path).then(() => true, () => false),
    rename: (from, to) => rename(from, to),
    remove: (path) => rm(path, { recursive: true, force: true }),
  };
}

// The real BuildEffects: the file system, stderr for progress, Astro's programmatic build, and Chromium for
// the PDFs.
import { cp, mkdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { cacheRoot, replaceFolder, tempFolder } from '../pipeline/run-temp.ts';
import type { BuildEffects, BuildStamp } from './effects.ts';
import { indexSite } from './search-index.ts';
import { findChromium } from '../browser/chromium.ts';
import { gitReader } from '../versions/git.ts';
import { folderCache } from '../versions/cache.ts';

export interface NodeEffectsOptions {
  /** Tags that are plan versions (default `v*`); null builds the working tree only. */
  versions?: string | null;
  /** The build cache folder (default: the cache folder, cacheRoot()); null disables the cache. */
  cacheDir?: string | null;
}

export function nodeBuildEffects(log: (message: string) => void, options: NodeEffectsOptions = {}): BuildEffects {
  const cacheDir = options.cacheDir === undefined ? cacheRoot() : options.cacheDir;
  const cache = cacheDir ? folderCache(resolve(cacheDir)) : null;
  const versions = options.versions === undefined ? 'v*' : options.versions;
  const git = gitReader();
  /** The stamp of an output folder in the cache: one per folder. */
  const stampName = (outDir: string) => `build-${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 32)}.json`;
  return {
    log,
    // Without the cache (`--no-cache`) every build runs.
    upToDate: cache
      ? {
          async inputs(planDir, outDir, { base, pdf, locale }) {
            const { buildInputs } = await import('./build-key.ts');
            return buildInputs(planDir, outDir, { base, pdf, locale, versions, git, chromium: pdf === 'never' ? undefined : findChromium() });
          },
          // No stamp counts when the output it describes is gone.
          read: async (outDir) => ((await stat(join(outDir, 'index.html')).catch(() => null)) ? cache.readJson<BuildStamp>(stampName(outDir)) : null),
          write: (outDir, stamp) => cache.writeJson(stampName(outDir), stamp),
        }
      : undefined,
    async buildSite(check, planDir, outDir, site = {}) {
      process.env.ASTRO_TELEMETRY_DISABLED = '1';
      const { build } = await import('astro');
      const { siteConfig } = await import('../site/astro-config.ts');
      const config = { ...siteConfig({ planDir, check, outDir: resolve(outDir), base: site.base, versions: site.versions ?? null }), configFile: false, logLevel: 'warn' } as const;
      // Astro bundles the pages into `<cwd>/.astro/.prerender/` when the output lies outside the current
      // folder, imports them from there, and deletes that folder afterwards. Building from a folder of the
      // run's own keeps two builds running at once from deleting each other's bundles; its `node_modules`
      // link to the packages ShopPlan's Astro comes from keeps the bundles' imports resolvable wherever
      // shopplan runs (in a plan repository, or with no node_modules above the current folder).
      const cwd = process.cwd();
      const own = await tempFolder('astro');
      await symlink(astroPackages(), join(own, 'node_modules'), 'junction');
      // A BASE_URL in the environment (test runners set one) would override `base` in the pages.
      const baseUrl = process.env.BASE_URL;
      delete process.env.BASE_URL;
      try {
        process.chdir(own);
        await build(config);
      } finally {
        process.chdir(cwd);
        if (baseUrl !== undefined) process.env.BASE_URL = baseUrl;
        await rm(own, { recursive: true, force: true });
      }
    },
    copyDir: (from, to) => cp(from, to, { recursive: true, filter: (source) => !source.endsWith('.complete') }),
    versions: { git, cache, pattern: versions },
    indexSite,
    async writeFile(path, content) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    },
    staging: () => tempFolder('site'),
    replace: replaceFolder,
    discard: (path) => rm(path, { recursive: true, force: true }),
    findChromium: () => findChromium(),
    async printPdfs(siteDir, { chromium, locales, planDir, base }) {
      const { printSitePdfs } = await import('../pdf/print-site.ts');
      const { planDate } = await import('../pdf/plan-date.ts');
      const { printWithCache } = await import('./print-cache.ts');
      const options = { siteDir, outDir: join(siteDir, 'pdf'), locales, chromium, date: planDate(planDir), base, log };
      return (await printWithCache(options, cache, printSitePdfs)).printed;
    },
  };
}

/** The `node_modules` folder the `astro` that ShopPlan imports lies in (with its hoisted dependencies). */
function astroPackages(): string {
  const entry = fileURLToPath(import.meta.resolve('astro'));
  const marker = `${sep}node_modules${sep}`;
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length - 1);
}

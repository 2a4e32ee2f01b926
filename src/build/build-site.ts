// `shopplan build`: check the plan, build the site into a temporary folder, add plan.json, and only
// then move it into place — an invalid plan or a failed build never leaves a half-written output.
import { dirname, basename, join, resolve } from 'node:path';
import { checkPlanFolder, type PlanCheck } from '../pipeline/check-plan.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { stableJson } from './stable-json.ts';
import { buildLatestSite, buildVersionSites, planVersions, type VersionsOptions } from '../versions/build-versions.ts';
import type { SiteVersions } from '../versions/site-versions.ts';
import { INSTALL_HINT } from '../browser/chromium.ts';
import { DEFAULT_LOCALE, LOCALES } from '../site/i18n/strings.ts';

/** File-system and tool effects, passed in so tests can run the build without disk or Astro. */
export interface BuildEffects {
  log(message: string): void;
  /** Builds the Astro site for a checked plan into `outDir`. */
  buildSite(check: PlanCheck, planDir: string, outDir: string, site?: SiteBuildOptions): Promise<void>;
  /** Writes the search index of a built site into `<outDir>/pagefind/`; returns how many pages it holds. */
  indexSite(outDir: string): Promise<{ pages: number }>;
  writeFile(path: string, content: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Copies a folder (a cached site into the output); without it nothing is cached. */
  copyDir?(from: string, to: string): Promise<void>;
  /** Plan versions from git tags, and the build cache; without it only the working tree is built. */
  versions?: VersionsOptions;
  /** The Chromium binary that prints the PDFs; undefined when there is none (or no PDF support). */
  findChromium?(): string | undefined;
  /** Prints the PDFs of the site built in `siteDir` into `<siteDir>/pdf/` (src/pdf). */
  printPdfs?(siteDir: string, request: PdfRequest): Promise<PdfFile[]>;
}

export interface PdfRequest {
  chromium: string;
  locales: string[];
  /** The plan folder: its last git commit dates the PDFs. */
  planDir: string;
  /** The URL path the site was built for (`--base`), e.g. `/operating-plan/`. */
  base?: string;
}

export interface PdfFile {
  locale: string;
  kind: 'plan' | 'board';
  file: string;
  pages: number;
  bytes: number;
}

/** How one site is built: its base URL and what it knows about plan versions. */
export interface SiteBuildOptions {
  base?: string;
  versions?: SiteVersions | null;
}

export interface BuildOptions {
  /** Base URL the site is served under, e.g. `/operating-plan/` on GitHub Pages (default `/`). */
  base?: string;
  /** `auto` (default): print the PDFs when Chromium is found; `always`: fail without it; `never`: skip them. */
  pdf?: 'auto' | 'always' | 'never';
}

/** `--pdf` was asked for and there is no Chromium: nothing is written. */
export class ChromiumMissingError extends Error {
  constructor() {
    super(`Chromium was not found, so the PDFs cannot be printed. ${INSTALL_HINT}`);
  }
}

export interface BuildOutcome {
  check: PlanCheck;
  /** False when the plan has errors; nothing was written then. */
  built: boolean;
  /** The PDFs printed into `<out>/pdf/` (none when skipped). */
  pdfs: PdfFile[];
}

export async function buildPlanSite(planDir: string, outDir: string, effects: BuildEffects, options: BuildOptions = {}): Promise<BuildOutcome> {
  const started = Date.now();
  effects.log(`Checking the plan in ${planDir} …`);
  const check = await checkPlanFolder(planDir);
  if (hasErrors(check.diagnostics) || !check.result) return { check, built: false, pdfs: [] };
  const pdf = options.pdf ?? 'auto';
  const chromium = pdf === 'never' || !effects.printPdfs ? undefined : effects.findChromium?.();
  if (pdf === 'always' && !chromium) throw new ChromiumMissingError();
  if (pdf === 'auto' && !chromium) effects.log(`PDFs skipped: Chromium was not found. ${INSTALL_HINT}`);
  let pdfs: PdfFile[] = [];
  // Every version is read and checked before anything is written (an invalid tag throws, exit 1).
  const versions = effects.versions ? await planVersions(planDir, check, effects, { ...effects.versions, base: options.base, outDir }) : null;

  const target = resolve(outDir);
  const staging = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
  await effects.remove(staging);
  try {
    const latestKey = await buildLatestSite(check, planDir, staging, effects, { base: options.base, versions, cache: effects.versions?.cache ?? null });
    if (versions) await buildVersionSites(staging, versions, effects, effects.versions?.cache ?? null);
    await effects.writeFile(join(staging, 'plan.json'), stableJson(check.result));
    if (chromium && effects.printPdfs) {
      const printStarted = Date.now();
      pdfs = await effects.printPdfs(staging, { chromium, locales: siteLocales(check.result.meta.locales), planDir, base: options.base });
      for (const f of pdfs) effects.log(`  pdf/${basename(f.file)}: ${f.pages} ${f.pages === 1 ? 'page' : 'pages'}`);
      effects.log(`Printed ${pdfs.length} PDFs in ${((Date.now() - printStarted) / 1000).toFixed(1)} s.`);
    }
    if (await effects.exists(target)) await effects.rename(target, previous);
    await effects.rename(staging, target);
    await effects.remove(previous);
    await effects.versions?.cache?.prune(new Set([...(versions?.used ?? []), ...(latestKey ? [latestKey] : [])])).catch(() => {});
  } catch (error) {
    await effects.remove(staging);
    if ((await effects.exists(previous)) && !(await effects.exists(target))) await effects.rename(previous, target);
    throw error;
  }
  effects.log(`Built ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { check, built: true, pdfs };
}

/** The plan's locales that the site has pages for (as siteData()). */
export function siteLocales(locales: readonly string[]): string[] {
  return (locales.length ? locales : [DEFAULT_LOCALE]).filter((l) => (LOCALES as readonly string[]).includes(l));
}

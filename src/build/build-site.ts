// `shopplan build`: check the plan, build the site into a temporary folder, add plan.json, and only
// then move it into place — an invalid plan or a failed build never leaves a half-written output.
import { basename, join, resolve } from 'node:path';
import { checkPlanFolder, type PlanCheck } from '../pipeline/check-plan.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { stableJson } from '../model/stable-json.ts';
import { planVersions } from '../versions/plan-versions.ts';
import { buildLatestSite, buildVersionSites } from './version-sites.ts';
import type { BuildEffects, PdfFile } from './effects.ts';
import { ChromiumMissingError, INSTALL_HINT } from '../browser/chromium.ts';
import { siteLocales, type Locale } from '../i18n/locale.ts';

export interface BuildOptions {
  /** Base URL the site is served under, e.g. `/operating-plan/` on GitHub Pages (default `/`). */
  base?: string;
  /** `auto` (default): print the PDFs when Chromium is found; `always`: fail without it; `never`: skip them. */
  pdf?: 'auto' | 'always' | 'never';
  /** Language of the findings in the diagnostics (default English). */
  locale?: Locale;
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
  const check = await checkPlanFolder(planDir, { locale: options.locale });
  if (hasErrors(check.diagnostics) || !check.result) return { check, built: false, pdfs: [] };
  const pdf = options.pdf ?? 'auto';
  const chromium = pdf === 'never' || !effects.printPdfs ? undefined : effects.findChromium?.();
  if (pdf === 'always' && !chromium) throw new ChromiumMissingError(outDir);
  if (pdf === 'auto' && !chromium) effects.log(`PDFs skipped: Chromium was not found. ${INSTALL_HINT}`);
  let pdfs: PdfFile[] = [];
  // Every version is read and checked before anything is written (an invalid tag throws, exit 1).
  const versions = effects.versions ? await planVersions(planDir, check, effects, { ...effects.versions, base: options.base, outDir }) : null;

  const target = resolve(outDir);
  const staging = await effects.staging(target);
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
    await effects.replace(staging, target);
    await effects.versions?.cache?.prune(new Set([...(versions?.used ?? []), ...(latestKey ? [latestKey] : [])])).catch(() => {});
  } catch (error) {
    await effects.discard(staging);
    throw error;
  }
  effects.log(`Built ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { check, built: true, pdfs };
}

// `shopplan build`: check the plan, build the site into a temporary folder, add plan.json, and only
// then move it into place — an invalid plan or a failed build never leaves a half-written output.
import { basename, join, relative, resolve } from 'node:path';
import type { PlanCheck } from '../pipeline/check-plan.ts';
import { diagnosticsOf, sourceTexts, stampOf } from './up-to-date.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { stableJson } from '../model/stable-json.ts';
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
  /** The plan's check; when the output was up to date, only its diagnostics (as the build that made it found them). */
  check: PlanCheck;
  /** False when the plan has errors; nothing was written then. */
  built: boolean;
  /** The PDFs printed into `<out>/pdf/` (none when skipped). */
  pdfs: PdfFile[];
  /** True when the output in place was built from the same inputs, so nothing was done. */
  upToDate: boolean;
  /** The text of the plan's files for the diagnostics' code frames, when `check` has no sources. */
  sourceOf?: (file: string) => string | undefined;
}

export async function buildPlanSite(planDir: string, outDir: string, effects: BuildEffects, options: BuildOptions = {}): Promise<BuildOutcome> {
  const started = Date.now();
  const pdf = options.pdf ?? 'auto';
  const inputs = await effects.upToDate?.inputs(planDir, outDir, { base: options.base, pdf, locale: options.locale });
  if (inputs && effects.upToDate) {
    const stamp = await effects.upToDate.read(outDir);
    if (stamp?.key === inputs.key) {
      effects.log(`${outDir} is up to date: the plan, ShopPlan and the options are those it was built from.`);
      const pdfs = stamp.pdfs.map((f) => ({ ...f, file: join(outDir, f.file) }));
      return { check: { diagnostics: diagnosticsOf(stamp) }, built: true, pdfs, upToDate: true, sourceOf: sourceTexts(planDir, inputs.files) };
    }
  }
  effects.log(`Checking the plan in ${planDir} …`);
  // Loaded here, not at the top: an up-to-date build never needs the pipeline.
  const { checkPlanFolder } = await import('../pipeline/check-plan.ts');
  const check = await checkPlanFolder(planDir, { locale: options.locale });
  if (hasErrors(check.diagnostics) || !check.result) return { check, built: false, pdfs: [], upToDate: false };
  const chromium = pdf === 'never' || !effects.printPdfs ? undefined : effects.findChromium?.();
  if (pdf === 'always' && !chromium) throw new ChromiumMissingError(outDir);
  if (pdf === 'auto' && !chromium) effects.log(`PDFs skipped: Chromium was not found. ${INSTALL_HINT}`);
  let pdfs: PdfFile[] = [];
  // Loaded here, not at the top: an up-to-date build never needs them.
  const { planVersions } = await import('../versions/plan-versions.ts');
  const { buildLatestSite, buildVersionSites } = await import('./version-sites.ts');
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
    if (inputs) await effects.upToDate?.write(outDir, stampOf(inputs.key, check.diagnostics, pdfs.map((f) => ({ ...f, file: relative(staging, f.file) }))));
    await effects.versions?.cache?.prune(new Set([...(versions?.used ?? []), ...(latestKey ? [latestKey] : [])])).catch(() => {});
  } catch (error) {
    await effects.discard(staging);
    throw error;
  }
  effects.log(`Built ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { check, built: true, pdfs, upToDate: false };
}

// The PDF figure of `npm run bench`: builds the example plan's site once (no PDFs), then times printing
// its PDFs (full plan and board summary, every locale) with Chromium. Skipped, with a note, when
// Chromium is not found. One run: printing takes tens of seconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../src/browser/chromium.ts';
import { buildPlanSite } from '../../src/build/build-site.ts';
import { siteLocales } from '../../src/i18n/locale.ts';
import { nodeBuildEffects } from '../../src/build/node-effects.ts';
import { printSitePdfs } from '../../src/pdf/print-site.ts';
import { planDate } from '../../src/pdf/plan-date.ts';

export interface PdfBench {
  /** Why there is no figure, or null. */
  skipped: string | null;
  plan: string;
  ms: number | null;
  files: Array<{ file: string; pages: number; bytes: number }>;
}

const EXAMPLE = fileURLToPath(new URL('../../content/', import.meta.url));

export async function benchPdf(progress: (line: string) => void, planDir = EXAMPLE): Promise<PdfBench> {
  const plan = planDir === EXAMPLE ? 'example plan' : planDir;
  const chromium = findChromium();
  if (!chromium) return { skipped: 'Chromium not found (SHOPPLAN_CHROMIUM or chromium on PATH)', plan, ms: null, files: [] };
  const root = mkdtempSync(join(tmpdir(), 'shopplan-bench-pdf-'));
  try {
    const site = join(root, 'site');
    progress(`pdf: building the site of the ${plan} …`);
    const outcome = await buildPlanSite(planDir, site, nodeBuildEffects(() => {}), { pdf: 'never' });
    if (!outcome.built) return { skipped: `${plan} does not build`, plan, ms: null, files: [] };
    progress('pdf: printing …');
    const started = performance.now();
    const printed = await printSitePdfs({ siteDir: site, outDir: join(site, 'pdf'), locales: siteLocales(outcome.check.result!.meta.locales), chromium, date: planDate(planDir), log: (m) => progress(`pdf: ${m}`) });
    const ms = performance.now() - started;
    return { skipped: null, plan, ms, files: printed.map((p) => ({ file: `${p.kind}.${p.locale}.pdf`, pages: p.pages, bytes: p.bytes })) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatPdfBench(b: PdfBench): string {
  if (b.skipped) return `pdf: skipped — ${b.skipped}`;
  const files = b.files.map((f) => `${f.file} ${f.pages} p, ${(f.bytes / 1e6).toFixed(1)} MB`).join('; ');
  return `pdf (${b.plan}, one run): ${(b.ms! / 1000).toFixed(1)} s for ${b.files.length} PDFs — ${files}`;
}

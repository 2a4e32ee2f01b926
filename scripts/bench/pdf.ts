// The PDF and no-change-build figures of `npm run bench`, on the example plan:
// - `npm run build` into a temporary folder (PDFs included when Chromium is found), then the same command
//   again, unchanged: the no-change build (target ≤ 2 s, up to date, nothing rebuilt or reprinted);
// - a cold print of that built site with no cache: both locales' full plans and board pages (target ≤ 6 s);
// - the size of plan.zh-CN.pdf (target ≤ 3 MB) and the number of fonts it embeds (773 when every part was
//   printed on its own).
// The PDF figures are skipped, with a note, when Chromium is not found; one run each: printing takes seconds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { findChromium } from '../../src/browser/chromium.ts';
import { siteLocales } from '../../src/i18n/locale.ts';
import { printSitePdfs } from '../../src/pdf/print-site.ts';
import { planDate } from '../../src/pdf/plan-date.ts';

export interface PdfBench {
  /** Why there are no PDF figures, or null. */
  skipped: string | null;
  plan: string;
  /** `npm run build` into an empty folder, then again with nothing changed. */
  build: { firstMs: number; noChangeMs: number; upToDate: boolean };
  /** Printing both locales' full plans and board pages, no cache. */
  coldPrintMs: number | null;
  files: Array<{ file: string; pages: number; bytes: number; fonts: number }>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = join(ROOT, 'content');
export const TARGETS = { coldPrintMs: 6_000, noChangeMs: 2_000, zhBytes: 3_000_000 };

/** Fonts a PDF embeds, as `pdffonts` lists them (composite fonts, not their descendants). */
export async function fontCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  let n = 0;
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = obj.get(PDFName.of('Subtype'));
    if (subtype !== PDFName.of('CIDFontType0') && subtype !== PDFName.of('CIDFontType2')) n++;
  }
  return n;
}

function npmBuild(out: string): { ms: number; stderr: string } {
  const started = performance.now();
  const r = spawnSync('npm', ['run', '-s', 'build', '--', '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stderr}`);
  return { ms, stderr: r.stderr };
}

export async function benchPdf(progress: (line: string) => void): Promise<PdfBench> {
  const root = mkdtempSync(join(tmpdir(), 'shopplan-bench-pdf-'));
  try {
    const dist = join(root, 'dist');
    progress('pdf: npm run build of the example plan …');
    const first = npmBuild(dist);
    progress('pdf: npm run build again, nothing changed …');
    const again = npmBuild(dist);
    const build = { firstMs: first.ms, noChangeMs: again.ms, upToDate: again.stderr.includes('is up to date') };
    const chromium = findChromium();
    if (!chromium) return { skipped: 'Chromium not found (SHOPPLAN_CHROMIUM or chromium on PATH)', plan: 'example plan', build, coldPrintMs: null, files: [] };
    progress('pdf: cold print (no cache) …');
    const plan = JSON.parse(readFileSync(join(dist, 'plan.json'), 'utf8')) as { meta: { locales: string[] } };
    const started = performance.now();
    const printed = await printSitePdfs({ siteDir: dist, outDir: join(root, 'cold'), locales: siteLocales(plan.meta.locales), chromium, date: planDate(EXAMPLE), log: (m) => progress(`pdf: ${m}`) });
    const coldPrintMs = performance.now() - started;
    const files = [];
    for (const p of printed) files.push({ file: `${p.kind}.${p.locale}.pdf`, pages: p.pages, bytes: p.bytes, fonts: await fontCount(new Uint8Array(readFileSync(p.file))) });
    return { skipped: null, plan: 'example plan', build, coldPrintMs, files };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatPdfBench(b: PdfBench): string {
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `build and PDFs (${b.plan}, one run each; goals informative, not asserted)`,
    `  npm run build into an empty folder: ${s(b.build.firstMs)}`,
    `  ${mark(b.build.noChangeMs <= TARGETS.noChangeMs && b.build.upToDate)} no-change npm run build: ${s(b.build.noChangeMs)} (target ≤ ${s(TARGETS.noChangeMs)})${b.build.upToDate ? ', up to date: nothing checked, built or printed' : ', NOT up to date'}`,
  ];
  if (b.skipped) return [...lines, `  pdf: skipped — ${b.skipped}`].join('\n');
  const zh = b.files.find((f) => f.file === 'plan.zh-CN.pdf');
  lines.push(`  ${mark(b.coldPrintMs! <= TARGETS.coldPrintMs)} cold print, every locale's full plan and board page: ${s(b.coldPrintMs!)} (target ≤ ${s(TARGETS.coldPrintMs)})`);
  if (zh) lines.push(`  ${mark(zh.bytes <= TARGETS.zhBytes)} plan.zh-CN.pdf: ${(zh.bytes / 1e6).toFixed(2)} MB (target ≤ ${TARGETS.zhBytes / 1e6} MB), ${zh.fonts} embedded fonts (773 when each part was printed on its own)`);
  lines.push(`  ${b.files.map((f) => `${f.file} ${f.pages} p, ${(f.bytes / 1e6).toFixed(2)} MB, ${f.fonts} fonts`).join('; ')}`);
  return lines.join('\n');
}

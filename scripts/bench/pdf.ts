// The PDF and no-change-build figures of `npm run bench`, on the example plan:
// - `npm run build` into a temporary folder (PDFs included when Chromium is found), then the same command
//   again, unchanged: the no-change build (target ≤ 2 s, up to date, nothing rebuilt or reprinted);
// - a cold print of that built site with no cache: both locales' full plans and board pages (target ≤ 6 s);
// - the size of plan.zh-CN.pdf (target ≤ 3 MB) and the number of fonts it embeds (773 when every part was
//   printed on its own).
// The PDF figures are skipped, with a note, when Chromium is not found; one run each: printing takes seconds.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { findChromium } from '../../src/browser/chromium.ts';
import { runTree, type TreeRun } from './process-tree.ts';

export interface PdfBench {
  /** Why there are no PDF figures, or null. */
  skipped: string | null;
  plan: string;
  /** `npm run build` into an empty folder, then again with nothing changed (wall and CPU time). */
  build: { first: Timed; noChange: Timed; upToDate: boolean };
  /** `shopplan pdf --no-cache`: both locales' full plans and board pages printed cold. */
  coldPrint: Timed | null;
  files: Array<{ file: string; pages: number; bytes: number; fonts: number }>;
}

interface Timed {
  wallMs: number;
  /** CPU of the whole process tree (Node and Chromium); null off Linux. */
  cpuMs: number | null;
  /** Of which the command's own process: Node for `shopplan pdf`, npm for `npm run build`. */
  ownCpuMs: number | null;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
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

async function run(command: string, args: string[]): Promise<TreeRun> {
  const r = await runTree(command, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stderr}`);
  return r;
}

const timed = (r: TreeRun): Timed => ({ wallMs: r.wallMs, cpuMs: r.cpuMs, ownCpuMs: r.ownCpuMs });

export async function benchPdf(progress: (line: string) => void): Promise<PdfBench> {
  const root = mkdtempSync(join(tmpdir(), 'shopplan-bench-pdf-'));
  try {
    const dist = join(root, 'dist');
    progress('pdf: npm run build of the example plan …');
    const first = await run('npm', ['run', '-s', 'build', '--', '--out', dist]);
    progress('pdf: npm run build again, nothing changed …');
    const again = await run('npm', ['run', '-s', 'build', '--', '--out', dist]);
    const build = { first: timed(first), noChange: timed(again), upToDate: again.stderr.includes('is up to date') };
    if (!findChromium()) return { skipped: 'Chromium not found (SHOPPLAN_CHROMIUM or chromium on PATH)', plan: 'example plan', build, coldPrint: null, files: [] };
    progress('pdf: cold print (shopplan pdf --no-cache) …');
    const cold = await run(process.execPath, [join(ROOT, 'bin/shopplan.js'), 'pdf', 'content', '--out', dist, '--no-cache']);
    const files = [];
    for (const m of cold.stderr.matchAll(/pdf\/((plan|board)\.[\w-]+\.pdf): (\d+) pages?/g)) {
      const bytes = new Uint8Array(readFileSync(join(dist, 'pdf', m[1]!)));
      files.push({ file: m[1]!, pages: Number(m[3]), bytes: bytes.length, fonts: await fontCount(bytes) });
    }
    return { skipped: null, plan: 'example plan', build, coldPrint: timed(cold), files };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatPdfBench(b: PdfBench): string {
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const t = (x: Timed) => `${s(x.wallMs)}${x.cpuMs === null ? '' : ` (CPU ${s(x.cpuMs)}, Node and Chromium)`}`;
  const lines = [
    `build and PDFs (${b.plan}, one run each; goals informative, not asserted; wall time on a shared machine varies, CPU time less)`,
    `  npm run build into an empty folder: ${t(b.build.first)}`,
    `  ${mark(b.build.noChange.wallMs <= TARGETS.noChangeMs && b.build.upToDate)} no-change npm run build: ${t(b.build.noChange)}, target ≤ ${s(TARGETS.noChangeMs)}${b.build.upToDate ? '; up to date: nothing checked, built or printed' : '; NOT up to date'}`,
  ];
  if (b.skipped || !b.coldPrint) return [...lines, `  pdf: skipped — ${b.skipped}`].join('\n');
  const zh = b.files.find((f) => f.file === 'plan.zh-CN.pdf');
  const cold = b.coldPrint;
  // Printing is CPU-bound: on 2 cores its wall time cannot go below half its CPU time, so the split says where to cut.
  const split = cold.cpuMs === null || cold.ownCpuMs === null ? '' : ` (CPU ${s(cold.cpuMs)}: Node ${s(cold.ownCpuMs)}, Chromium ${s(cold.cpuMs - cold.ownCpuMs)})`;
  lines.push(`  ${mark(cold.wallMs <= TARGETS.coldPrintMs)} cold print (shopplan pdf --no-cache), every locale's full plan and board page: ${s(cold.wallMs)}${split}, target ≤ ${s(TARGETS.coldPrintMs)}`);
  if (zh) lines.push(`  ${mark(zh.bytes <= TARGETS.zhBytes)} plan.zh-CN.pdf: ${(zh.bytes / 1e6).toFixed(2)} MB (target ≤ ${TARGETS.zhBytes / 1e6} MB), ${zh.fonts} embedded fonts (773 when each part was printed on its own)`);
  lines.push(`  ${b.files.map((f) => `${f.file} ${f.pages} p, ${(f.bytes / 1e6).toFixed(2)} MB, ${f.fonts} fonts`).join('; ')}`);
  return lines.join('\n');
}

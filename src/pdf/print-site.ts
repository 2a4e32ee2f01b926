// Prints the PDFs of a built site with the system's Chromium (playwright-core): per locale, the full plan
// (cover, contents, every chapter, every data section) and the one-page board summary.
//
// The full plan is one document (src/pdf/compose.ts) printed once — tagged, with an outline — so it embeds
// one set of font subsets. Wide tables go landscape or are split (src/pdf/fit-tables.ts). The contents are
// printed with placeholders, then numbered in the PDF from the pages the parts start on
// (src/pdf/page-numbers.ts, src/pdf/contents-numbers.ts).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { tempFolder } from '../pipeline/run-temp.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.ts';
import { formatDate } from '../i18n/format.ts';
import { serve, type StaticServer } from './serve-static.ts';
import { normalizeBase } from '../model/base-path.ts';
import { MANIFEST_ID, parseManifest, type PrintManifest } from './manifest.ts';
import type { PDFDocument } from 'pdf-lib';
import { CONSTANT_DATE, countPages, finishPdf, loadPdf, type PdfMetadata } from './finish.ts';
import { A4_MM, BOARD_MARGIN, CONTENT_HEIGHT, CONTENT_WIDTH, coverHtml, pageRule, partId, planMarginCss, planPageCss, tocHtml, WIDE, type PrintPart, type TocEntry } from './html.ts';
import { composeInPage, type ComposeInput } from './compose.ts';
import { fitTablesInPage, type FitInput, type FitReport } from './fit-tables.ts';
import { partPages } from './page-numbers.ts';
import { fillContentsNumbers, PLACEHOLDER } from './contents-numbers.ts';
import type { PlanDate } from './plan-date.ts';
import { ShopPlanError } from '../diagnostics/errors.ts';

export interface PrintOptions {
  /** A built site (with `board/` pages). */
  siteDir: string;
  /** Where the PDFs go, e.g. `<site>/pdf`. */
  outDir: string;
  locales: readonly string[];
  /** The Chromium binary (findChromium()). */
  chromium: string;
  /** The plan version's date (planDate()); null → no date on the cover, a constant in the metadata. */
  date: PlanDate | null;
  /** The URL path the site was built for (`--base`); default `/`. */
  base?: string;
  log?: (message: string) => void;
}

export interface PrintedPdf {
  locale: string;
  kind: 'plan' | 'board';
  file: string;
  pages: number;
  bytes: number;
}

/** The viewport: as wide as the text of a portrait page, so charts and tables are laid out as they print. */
export const PRINT_VIEWPORT = { width: Math.floor(CONTENT_WIDTH.portrait), height: 1000 };
export const PRODUCER = `ShopPlan ${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}`;
/** Shrink steps tried when the board summary does not fit on one page (content is scaled, never clipped). */
const BOARD_SCALES = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6];
/** The empty page of the site the full plan is composed in (served by serve-static, never written). */
export const PRINT_PAGE = '__shopplan-print/';
const PRINT_PAGE_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>ShopPlan</title></head><body></body></html>';

/** Site path of a page in a locale: zh-CN at the root, others under /<locale>/ (as src/site/routes.ts). */
export function localePath(locale: string, slug = '', base = '/'): string {
  const path = [locale === DEFAULT_LOCALE ? '' : locale, slug].filter(Boolean).join('/');
  return `${normalizeBase(base)}${path ? `${path}/` : ''}`;
}

/** Serves a built site for printing: its files, and the empty page the full plan is composed in. */
export function servePrintable(siteDir: string, base?: string): Promise<StaticServer> {
  return serve(siteDir, { base, pages: { [PRINT_PAGE]: PRINT_PAGE_HTML } });
}

/** A browser context that lays pages out as they print: text width, light scheme, no motion, fixed zone. */
export function printContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: PRINT_VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce', locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

export async function printSitePdfs(options: PrintOptions): Promise<PrintedPdf[]> {
  const log = options.log ?? (() => {});
  const server = await servePrintable(options.siteDir, options.base);
  let browser: Browser | undefined;
  const profiles = await tempFolder('chromium');
  try {
    browser = await launchChromium(options.chromium, profiles);
    const context = await printContext(browser);
    await mkdir(options.outDir, { recursive: true });
    const printed: PrintedPdf[] = [];
    // The locales side by side, each in its own tab: while Chromium prints one, Node finishes the other.
    const locales = await Promise.all(
      options.locales.map((locale) => {
        log(`Printing PDF (${locale}) …`);
        return printLocale(context, server, locale as Locale, options.date, normalizeBase(options.base), process.env.SHOPPLAN_DEBUG ? log : () => {});
      }),
    );
    for (const [i, files] of locales.entries()) {
      const locale = options.locales[i]!;
      for (const f of files) {
        const file = join(options.outDir, `${f.kind}.${locale}.pdf`);
        await writeFile(file, f.bytes);
        printed.push({ locale, kind: f.kind, file, pages: f.pages, bytes: f.bytes.length });
      }
    }
    return printed;
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
    await rm(profiles, { recursive: true, force: true });
  }
}

async function printLocale(context: BrowserContext, server: StaticServer, locale: Locale, date: PlanDate | null, base: string, trace: (message: string) => void) {
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print', colorScheme: 'light', reducedMotion: 'reduce' });
  const local = (uri: string) => uri.startsWith(`${server.url}/`);
  try {
    const t0 = Date.now();
    const boardPath = localePath(locale, 'board', base);
    await open(page, server, boardPath);
    const manifest = parseManifest(await page.locator(`#${MANIFEST_ID}`).textContent(), boardPath);
    const metadata = (subject: string): PdfMetadata => ({
      title: [manifest.title, manifest.version].filter(Boolean).join(' '),
      author: manifest.company,
      subject,
      keywords: [manifest.company, manifest.version ?? '', 'ShopPlan'].filter(Boolean),
      language: locale,
      date: date?.date ?? CONSTANT_DATE,
      producer: PRODUCER,
    });

    // The board summary: one page, shrunk step by step if it does not fit (scaled, never clipped). Its
    // links lead to pages of the site, which a PDF does not have.
    await page.evaluate(UNLINK_SITE);
    await page.addStyleTag({ content: pageRule(BOARD_MARGIN) });
    let board: { bytes: Uint8Array; pages: number } | undefined;
    for (const scale of BOARD_SCALES) {
      const bytes = await print(page, { scale });
      if ((await countPages(bytes)) === 1) {
        board = await finishPdf(bytes, metadata(boardTitle(manifest)), { dropLink: local });
        break;
      }
    }
    if (!board) throw new ShopPlanError('pdf-failed', `The board summary (${boardPath}) does not fit on one A4 page even at ${BOARD_SCALES.at(-1)! * 100} %.`);
    trace(`  ${locale}: board printed after ${Date.now() - t0} ms`);

    const { doc: plan, headings } = await printPlan(page, server, manifest, { date, base, trace });
    const finished = await finishPdf(plan, metadata(manifest.labels.fullPlan), { dropLink: local, headings });
    if (!finished.retitled) trace(`  ${locale}: the outline kept Chromium's titles (its entries do not match the ${headings.length} headings)`);
    trace(`  ${locale}: plan finished after ${Date.now() - t0} ms (${finished.pages} pages, ${(finished.bytes.length / 1e6).toFixed(2)} MB)`);
    return [
      { kind: 'plan' as const, bytes: finished.bytes, pages: finished.pages },
      { kind: 'board' as const, bytes: board.bytes, pages: board.pages },
    ];
  } finally {
    await page.close();
  }
}

function boardTitle(m: PrintManifest): string {
  return m.labels.board ?? (m.locale === 'zh-CN' ? '董事会摘要' : 'Board summary');
}

export interface PlanDocument {
  parts: PrintPart[];
  fit: FitReport;
}

/**
 * Composes the full plan of the manifest's locale in `page` (opened on the print page), ready to print:
 * cover, contents (page numbers still placeholders), parts, charts drawn, fonts loaded, tables fitted
 * (unless `fit: false`, for tests).
 */
export async function composePlan(page: Page, server: StaticServer, manifest: PrintManifest, options: { date: PlanDate | null; base: string; fit?: boolean }): Promise<PlanDocument> {
  const listed = [...manifest.chapters.map((p) => ({ ...p, group: 'chapters' as const })), ...manifest.sections.map((p) => ({ ...p, group: 'data' as const }))];
  const parts: PrintPart[] = listed.map((p, i) => ({ id: partId(i), page: partId(i), title: p.title }));
  // Placeholders as wide as the final numbers: the contents keep their length when they are filled in.
  const entries: TocEntry[] = listed.map((p, i) => ({ title: p.title, outline: p.outline, target: parts[i]!.id, page: PLACEHOLDER, group: p.group }));
  const cover = coverHtml(manifest, { date: options.date ? formatDate(options.date.day, manifest.locale) : null });
  const toc = tocHtml(manifest, entries);
  const input: ComposeInput = {
    parts: listed.map((p, i) => ({ path: p.path, id: parts[i]!.id, page: parts[i]!.page })),
    lang: manifest.locale,
    title: [manifest.title, manifest.version].filter(Boolean).join(' '),
    before: cover.body + toc.body,
    css: [planPageCss(parts), cover.css, toc.css].join('\n'),
  };
  await gotoOk(page, server, `${options.base}${PRINT_PAGE}`);
  // The composing script runs in the page: its failures (a page or script of the site missing) come back as
  // Playwright errors, reported as what they are — the built site cannot be printed.
  await page.evaluate(composeInPage, input).catch((error: unknown) => {
    throw new ShopPlanError('pdf-failed', `The plan could not be composed from the built site: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  });
  await waitForCharts(page, 'the full plan');
  await page.evaluate(SETTLE);
  if (options.fit === false) return { parts, fit: { compact: 0, landscape: 0, split: 0, pieces: 0, wrapped: 0 } };
  const fit = await page.evaluate(fitTablesInPage, FIT);
  await page.evaluate(SETTLE);
  return { parts, fit };
}

export const FIT: FitInput = { portrait: CONTENT_WIDTH.portrait, landscape: CONTENT_WIDTH.landscape, height: CONTENT_HEIGHT, suffix: WIDE };

/** The full plan printed, and its printed headings (the outline's titles). */
async function printPlan(page: Page, server: StaticServer, manifest: PrintManifest, options: { date: PlanDate | null; base: string; trace: (m: string) => void }): Promise<{ doc: PDFDocument; headings: string[] }> {
  const started = Date.now();
  const { parts, fit } = await composePlan(page, server, manifest, options);
  options.trace(`  ${manifest.locale}: composed ${parts.length} parts in ${Date.now() - started} ms (tables: ${fit.landscape} landscape, ${fit.split} split into ${fit.pieces}, ${fit.wrapped} wrapped)`);
  const ids = parts.map((p) => p.id);
  await page.addStyleTag({ content: planMarginCss(manifest, parts) });
  // Read before printing, while the page is laid out: after a print, reading boxes lays the whole plan out again (~1 s).
  const headings = await page.evaluate(HEADINGS);
  // Printed once with placeholders in the contents, which are then numbered in the PDF itself; printed again with
  // its numbers only where they cannot be (contents-numbers.ts says when), until the numbers hold.
  let doc = await loadPdf(await print(page, { tagged: true, outline: true }));
  let numbers = (await partPages(doc, ids)).first;
  options.trace(`  ${manifest.locale}: printed after ${Date.now() - started} ms`);
  if (fillContentsNumbers(doc, contentsPages(numbers, ids), ids.map((id) => numbers.get(id)!))) return { doc, headings };
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.evaluate(FILL_NUMBERS, Object.fromEntries(numbers));
    doc = await loadPdf(await print(page, { tagged: true, outline: true }));
    const printed = (await partPages(doc, ids)).first;
    options.trace(`  ${manifest.locale}: printed again with its numbers after ${Date.now() - started} ms`);
    if (ids.every((id) => printed.get(id) === numbers.get(id))) return { doc, headings };
    numbers = printed;
  }
  throw new ShopPlanError('pdf-failed', `The contents of the ${manifest.locale} plan kept changing length while its page numbers were filled in.`);
}

/** The 0-based indexes of the pages before the first part: the cover and the contents. */
function contentsPages(first: ReadonlyMap<string, number>, ids: readonly string[]): number[] {
  return Array.from({ length: first.get(ids[0]!)! - 1 }, (_, i) => i);
}

// Code run in the page, as strings or self-contained functions.
const CHARTS_DRAWN = `Array.from(document.querySelectorAll('canvas[data-chart]')).every((c) => c.dataset.drawn)`;
/**
 * Waits until the page's fonts are loaded — including the web-font files (by unicode range) that the
 * charts' labels need: a canvas draws with a fallback font while its file loads, and the charts draw
 * again when printed — and two frames are painted.
 */
const SETTLE = `(async () => {
  const family = getComputedStyle(document.documentElement).fontFamily;
  const chartText = Array.from(document.querySelectorAll('canvas[data-chart]'), (c) => {
    const chart = JSON.parse(c.dataset.chart);
    return [...chart.labels, ...chart.datasets.map((d) => d.label)].join(' ');
  }).join(' ') + ' 0123456789.,−-+%¥$€£KMB万亿千';
  await Promise.all(['400', '700'].map((weight) => document.fonts.load(weight + ' 16px ' + family, chartText)));
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  await document.fonts.ready;
})()`;
/** Links of a page to the site itself lead nowhere in a PDF: they become plain text. */
const UNLINK_SITE = `(() => {
  for (const a of document.querySelectorAll('a[href]')) if (new URL(a.href, location.href).origin === location.origin) a.removeAttribute('href');
})()`;
/** The printed headings' text, in order (the outline's titles). */
const HEADINGS = () => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.getClientRects().length > 0).map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
const FILL_NUMBERS = (numbers: Record<string, number>) => {
  for (const n of document.querySelectorAll<HTMLElement>('.pdf-toc .n[data-target]')) n.textContent = String(numbers[n.dataset.target!] ?? '');
};

async function gotoOk(page: Page, server: StaticServer, path: string): Promise<void> {
  const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load', timeout: 60_000 });
  if (!response || response.status() !== 200) throw new ShopPlanError('pdf-failed', `The built site has no page ${path} (HTTP ${response?.status() ?? 'no response'}); build the site again.`);
}

async function waitForCharts(page: Page, what: string): Promise<void> {
  await page.waitForFunction(CHARTS_DRAWN, null, { timeout: 30_000 }).catch(() => {
    throw new ShopPlanError('pdf-failed', `The charts of ${what} were not drawn within 30 s (a script error on the page?).`);
  });
}

/** Opens a page of the site and waits until its fonts are loaded and its charts drawn. */
export async function open(page: Page, server: StaticServer, path: string): Promise<void> {
  await gotoOk(page, server, path);
  await waitForCharts(page, path);
  await page.evaluate(SETTLE);
}

/** Prints the page with its own @page rules (paper, margins, running header). */
async function print(page: Page, options: { scale?: number; tagged?: boolean; outline?: boolean }): Promise<Uint8Array> {
  const buffer = await page.pdf({
    // The paper Chromium lays the document out on before it applies the @page sizes. Its default, Letter, is
    // wider than A4, so the layout at the pages' size redid every line at the other width; on A4 paper it
    // finds them in place. Same bytes, less layout.
    width: `${A4_MM.width}mm`,
    height: `${A4_MM.height}mm`,
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    scale: options.scale ?? 1,
    tagged: options.tagged ?? true,
    outline: options.outline ?? false,
  });
  return new Uint8Array(buffer);
}

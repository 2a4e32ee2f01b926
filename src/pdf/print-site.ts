// Prints the PDFs of a built site with the system's Chromium (playwright-core): per locale, the full plan
// (cover, contents, every chapter, every data section) and the one-page board summary.
//
// The site is served on 127.0.0.1 and each part is printed on its own with the print stylesheet, after its
// charts are drawn. pdf-lib counts the parts' pages, the contents are printed with those page numbers, and
// the parts are merged; every page but the cover gets its running header (the part's title) and "x / y"
// drawn over it, and the contents' links become jumps to the parts' first pages.
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
import { assemble, CONSTANT_DATE, countPages, finish, type LinkTarget, type PdfMetadata } from './assemble.ts';
import { BOARD_MARGIN, coverHtml, mm, overlayHtml, pageRule, partOfLink, PLAN_MARGIN, tocHtml, type Margin, type OverlayPage, type TocEntry } from './html.ts';
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

const VIEWPORT = { width: 680, height: 960 };
const PRODUCER = `ShopPlan ${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}`;
/** Shrink steps tried when the board summary does not fit on one page (content is scaled, never clipped). */
const BOARD_SCALES = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6];

/** Site path of a page in a locale: zh-CN at the root, others under /<locale>/ (as src/site/routes.ts). */
export function localePath(locale: string, slug = '', base = '/'): string {
  const path = [locale === DEFAULT_LOCALE ? '' : locale, slug].filter(Boolean).join('/');
  return `${normalizeBase(base)}${path ? `${path}/` : ''}`;
}

export async function printSitePdfs(options: PrintOptions): Promise<PrintedPdf[]> {
  const log = options.log ?? (() => {});
  const server = await serve(options.siteDir, { base: options.base });
  let browser: Browser | undefined;
  const profiles = await tempFolder('chromium');
  try {
    browser = await launchChromium(options.chromium, profiles);
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 2, colorScheme: 'light', reducedMotion: 'reduce', locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await mkdir(options.outDir, { recursive: true });
    const printed: PrintedPdf[] = [];
    // One locale after the other: printing them side by side in two tabs was no faster on two cores.
    for (const locale of options.locales) {
      log(`Printing PDF (${locale}) …`);
      const files = await printLocale(context, server, locale as Locale, options.date, normalizeBase(options.base), process.env.SHOPPLAN_DEBUG ? log : () => {});
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

interface Part {
  title: string;
  /** The site page printed (chapters, sections). */
  path?: string;
  bytes: Uint8Array;
  pages: number;
}

const NO_MARGIN = { top: 0, right: 0, bottom: 0, left: 0 };

async function printLocale(context: BrowserContext, server: StaticServer, locale: Locale, date: PlanDate | null, base: string, trace: (message: string) => void) {
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print', colorScheme: 'light', reducedMotion: 'reduce' });
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

    // The board summary: one page, shrunk step by step if it does not fit (scaled, never clipped).
    let board: { bytes: Uint8Array; pages: number } | undefined;
    for (const scale of BOARD_SCALES) {
      const bytes = await print(page, BOARD_MARGIN, scale);
      if ((await countPages(bytes)) === 1) {
        board = await finish(bytes, () => 'drop', metadata(boardTitle(manifest)));
        break;
      }
    }
    if (!board) throw new ShopPlanError('pdf-failed', `The board summary (${boardPath}) does not fit on one A4 page even at ${BOARD_SCALES.at(-1)! * 100} %.`);

    // Every chapter, then every data section, each printed on its own.
    const content: Part[] = [];
    for (const p of [...manifest.chapters, ...manifest.sections]) {
      const started = Date.now();
      await open(page, server, p.path);
      const opened = Date.now();
      const bytes = await print(page, PLAN_MARGIN);
      content.push({ title: p.title, path: p.path, bytes, pages: await countPages(bytes) });
      trace(`  ${p.path}: ${content.at(-1)!.pages} pages, open ${opened - started} ms, print ${Date.now() - opened} ms`);
    }

    trace(`  ${locale}: board and ${content.length} parts printed after ${Date.now() - t0} ms`);
    // The cover, shown in a page of the site so it has the site's fonts.
    await open(page, server, boardPath);
    await show(page, coverHtml(manifest, { date: date ? formatDate(date.day, locale) : null }));
    const coverBytes = await print(page, NO_MARGIN);
    const cover: Part = { title: manifest.title, bytes: coverBytes, pages: await countPages(coverBytes) };

    // The contents: printed with placeholders as wide as the final numbers until its own length is known
    // (the numbers depend on it), then with the numbers.
    const contentPages = content.reduce((n, p) => n + p.pages, 0);
    const entries = (tocPages: number, placeholder: boolean): TocEntry[] => {
      const total = cover.pages + tocPages + contentPages;
      let next = cover.pages + tocPages + 1;
      return content.map((p, i) => {
        const first = next;
        next += p.pages;
        const isChapter = i < manifest.chapters.length;
        return {
          title: p.title,
          outline: isChapter ? undefined : manifest.sections[i - manifest.chapters.length]?.outline,
          part: i + 2, // parts: 0 cover, 1 contents, 2… chapters and sections
          page: placeholder ? '8'.repeat(String(total).length) : String(first),
          group: isChapter ? 'chapters' : 'data',
        };
      });
    };
    let toc: Part | undefined;
    for (let tocPages = 1, attempt = 0; !toc && attempt < 4; attempt++) {
      await show(page, tocHtml(manifest, entries(tocPages, true)));
      const measured = await countPages(await print(page, PLAN_MARGIN));
      if (measured !== tocPages) {
        tocPages = measured;
        continue;
      }
      await show(page, tocHtml(manifest, entries(tocPages, false)));
      const bytes = await print(page, PLAN_MARGIN);
      const pages = await countPages(bytes);
      if (pages === tocPages) toc = { title: manifest.labels.contents, bytes, pages };
      else tocPages = pages;
    }
    if (!toc) throw new ShopPlanError('pdf-failed', `The contents of the ${locale} plan kept changing length while its page numbers were filled in.`);

    // Running headers and page numbers for every page but the cover, drawn over the merged pages.
    const parts = [cover, toc, ...content];
    const total = parts.reduce((n, p) => n + p.pages, 0);
    const running = [manifest.title, manifest.version].filter(Boolean).join(' · ');
    const overlays: OverlayPage[] = [];
    let n = cover.pages;
    for (const part of parts.slice(1)) for (let i = 0; i < part.pages; i++) overlays.push({ left: running, right: part.title, number: `${++n} / ${total}` });
    await show(page, overlayHtml(overlays));
    const overlay = await print(page, NO_MARGIN, 1, false);
    if ((await countPages(overlay)) !== overlays.length) throw new ShopPlanError('pdf-failed', `Page headers: expected ${overlays.length} pages, Chromium printed ${await countPages(overlay)}.`);

    trace(`  ${locale}: cover, contents and headers printed after ${Date.now() - t0} ms`);
    // Links to the site's own pages jump to the part that prints the page; other links to the site go.
    const partOfPath = new Map(content.map((p, i) => [p.path!, i + 2]));
    const resolveLink = (uri: string): LinkTarget => {
      const part = partOfLink(uri);
      if (part !== undefined) return { part };
      if (uri.startsWith(`${server.url}/`)) {
        const url = new URL(uri);
        const target = partOfPath.get(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
        return target === undefined ? 'drop' : { part: target, anchor: url.hash ? decodeURIComponent(url.hash.slice(1)) : undefined };
      }
      return /^(https?|mailto):/.test(uri) ? 'keep' : 'drop';
    };
    const plan = await assemble({
      parts: parts.map((p) => p.bytes),
      overlay: { pdf: overlay, from: cover.pages + 1 },
      resolveLink,
      metadata: metadata(manifest.labels.fullPlan),
      outline: parts.slice(1).map((p, i) => ({ part: i + 1, title: p.title })),
    });
    trace(`  ${locale}: merged after ${Date.now() - t0} ms (${plan.internalLinks} internal links, ${(plan.bytes.length / 1e6).toFixed(1)} MB)`);
    if (plan.pages !== total) throw new ShopPlanError('pdf-failed', `The merged ${locale} plan has ${plan.pages} pages, expected ${total}.`);
    return [
      { kind: 'plan' as const, bytes: plan.bytes, pages: plan.pages },
      { kind: 'board' as const, bytes: board.bytes, pages: board.pages },
    ];
  } finally {
    await page.close();
  }
}

function boardTitle(m: PrintManifest): string {
  return m.labels.board ?? (m.locale === 'zh-CN' ? '董事会摘要' : 'Board summary');
}

// Code run in the page, as strings: the project type-checks without the DOM library.
const CHARTS_DRAWN = `Array.from(document.querySelectorAll('canvas[data-chart]')).every((c) => c.dataset.drawn)`;
const SETTLE = `(async () => {
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  await document.fonts.ready;
})()`;
const SHOW = (html: { css: string; body: string }) => `(() => {
  const { css, body } = ${JSON.stringify(html)};
  for (const s of document.querySelectorAll('script')) s.remove();
  document.body.className = '';
  document.body.innerHTML = body;
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
})()`;

/** Opens a page of the site and waits until its fonts are loaded and its charts drawn. */
async function open(page: Page, server: StaticServer, path: string): Promise<void> {
  const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load', timeout: 60_000 });
  if (!response || response.status() !== 200) throw new ShopPlanError('pdf-failed', `The built site has no page ${path} (HTTP ${response?.status() ?? 'no response'}); build the site again.`);
  await page.waitForFunction(CHARTS_DRAWN, null, { timeout: 30_000 }).catch(() => {
    throw new ShopPlanError('pdf-failed', `The charts of ${path} were not drawn within 30 s (a script error on the page?).`);
  });
  await page.evaluate(SETTLE);
}

/** Replaces the page's body with generated HTML (cover, contents, page numbers), keeping the site's styles. */
async function show(page: Page, html: { css: string; body: string }): Promise<void> {
  await page.evaluate(SHOW(html));
  await page.evaluate(SETTLE);
}

async function print(page: Page, margin: Margin, scale = 1, background = true): Promise<Uint8Array> {
  // The same margins as CSS too, so the site's own @page rule cannot disagree with them.
  await page.addStyleTag({ content: pageRule(margin) });
  const buffer = await page.pdf({
    // Not `format: 'A4'`: Chromium rounds that to 595.92 × 842.88 pt; assemble() sets the exact A4 box.
    width: '210mm',
    height: '297mm',
    printBackground: background,
    displayHeaderFooter: false,
    margin: mm(margin),
    scale,
    preferCSSPageSize: false,
  });
  return new Uint8Array(buffer);
}

// The PDFs of the example plan, printed by real Chromium and checked with poppler (pdfinfo, pdffonts,
// pdftotext, pdfimages, pdftoppm) and pdf-lib. Fails (never skips) when Chromium or poppler is missing:
// CI installs both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { destinationPages } from '../../src/pdf/page-numbers.ts';
import { findChromium, INSTALL_HINT } from '../../src/browser/chromium.ts';
import { checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { siteData, type SiteData } from '../../src/site/site-data.ts';
import { SECTIONS } from '../../src/site/sections.ts';
import { formatValue } from '../../src/i18n/format.ts';
import { localText } from '../../src/i18n/text.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { ROOT, shopplan, userEnv } from '../helpers/cli.ts';

const BIN = join(ROOT, 'bin/shopplan.js');
const LOCALES: Locale[] = ['zh-CN', 'en'];
const work = mkdtempSync(join(tmpdir(), 'shopplan-pdf-'));
const first = join(work, 'first');
const second = join(work, 'second');
const artifacts = join(ROOT, 'test-results', 'pdf');
let data: SiteData;
let gmvTarget: number;
let trace: string;

/** Runs the CLI without blocking the test process (the two builds run side by side). */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...userEnv(), ...env } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function tool(name: string, args: string[]): string {
  const r = spawnSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${name} is missing (apt-get install poppler-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${name} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const pdf = (dir: string, kind: 'plan' | 'board', locale: Locale) => join(dir, 'pdf', `${kind}.${locale}.pdf`);
const info = (file: string) => Object.fromEntries(tool('pdfinfo', [file]).split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
const pageCount = (file: string) => Number(info(file).Pages);
/** Width and height of every page, in points. */
const pageSizes = (file: string) =>
  tool('pdfinfo', ['-f', '1', '-l', String(pageCount(file)), file])
    .split('\n')
    .map((l) => /^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(l))
    .filter((m) => m !== null)
    .map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
const text = (file: string, from?: number, to = from) => tool('pdftotext', [...(from ? ['-f', String(from), '-l', String(to)] : []), '-enc', 'UTF-8', file, '-']);
/** Text between the running header and the page number (72 dpi: points), portrait or landscape. */
const bodyText = (file: string, page: number, [width, height] = [596, 842]) => tool('pdftotext', ['-f', String(page), '-l', String(page), '-x', '0', '-y', '50', '-W', String(Math.ceil(width)), '-H', String(Math.floor(height - 97)), '-enc', 'UTF-8', file, '-']);
/** The text of every page (pdftotext ends each page with a form feed). */
const pagesText = (file: string, crop: string[] = []) => tool('pdftotext', [...crop, '-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1);
/** Every page's body text: between the running header and the page number, portrait or landscape. */
function bodies(file: string): string[] {
  const portrait = pagesText(file, ['-x', '0', '-y', '50', '-W', '596', '-H', '745']);
  const landscape = pagesText(file, ['-x', '0', '-y', '50', '-W', '842', '-H', '498']);
  return pageSizes(file).map(([w, h], i) => (w > h ? landscape : portrait)[i]!);
}
const squash = (s: string) => s.replace(/\s+/g, '');
const partTitles = (locale: Locale) => [...data.chapters[locale].map((c) => c.title), ...SECTIONS.filter((s) => s.available(data)).map((s) => localText(s.title, locale))];

/** The pages the contents' links jump to, in order: where each chapter and section starts. */
async function tocTargets(file: string): Promise<Array<{ page: number; target: number }>> {
  const doc = await PDFDocument.load(readFileSync(file));
  const named = destinationPages(doc);
  const links: Array<{ page: number; target: number }> = [];
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const dest = doc.context.lookup(annots!.get(i), PDFDict).get(PDFName.of('Dest'));
      if (dest instanceof PDFName || dest instanceof PDFString || dest instanceof PDFHexString) links.push({ page: index + 1, target: named.get(dest.decodeText()) ?? 0 });
    }
  });
  // The contents run from page 2 to the page before the first part.
  const tocEnd = Math.min(...links.filter((l) => l.page === 2).map((l) => l.target)) - 1;
  return links.filter((l) => l.page >= 2 && l.page <= tocEnd);
}

/** First and last page of a part of the plan, from the contents' links. */
async function partRange(file: string, locale: Locale, title: string): Promise<[number, number]> {
  const targets = (await tocTargets(file)).map((l) => l.target);
  const i = partTitles(locale).indexOf(title);
  expect(i, title).toBeGreaterThanOrEqual(0);
  return [targets[i]!, i + 1 < targets.length ? targets[i + 1]! - 1 : pageCount(file)];
}

/** Header and body cells (text) of the first printed table of a built page whose header has `marker` (not a chart's data table, which only the screen shows). */
function tableCells(html: string, marker: string): { header: string[]; rows: string[][] } {
  const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').trim());
  for (const m of html.matchAll(/<table[\s\S]*?<\/table>/g)) {
    const before = html.slice(0, m.index);
    if (before.lastIndexOf('<details') > before.lastIndexOf('</details>')) continue;
    const [head, body = ''] = m[0].split('</thead>');
    const header = cells(head!);
    if (header.includes(marker)) return { header, rows: body.split('</tr>').map(cells).filter((r) => r.length > 0) };
  }
  throw new Error(`no printed table with the header ${marker}`);
}

beforeAll(async () => {
  if (!findChromium()) throw new Error(`Chromium not found. ${INSTALL_HINT}`);
  for (const name of ['pdfinfo', 'pdffonts', 'pdftotext', 'pdfimages', 'pdftoppm']) tool(name, ['-v']);
  // Two independent prints of the same input (no cache): `build --pdf`, and `pdf` into an empty folder (which builds).
  // The second with its trace (SHOPPLAN_DEBUG): how many times each locale's plan was printed.
  const [a, b] = await Promise.all([run(['build', 'content', '--out', first, '--pdf', '--no-cache']), run(['pdf', 'content', '--out', second, '--no-cache'], { SHOPPLAN_DEBUG: '1' })]);
  if (a.code !== 0) throw new Error(`build failed:\n${a.stderr}`);
  if (b.code !== 0) throw new Error(`pdf failed:\n${b.stderr}`);
  trace = b.stderr;
  const check = await checkPlanFolder(join(ROOT, 'content'));
  data = siteData(check);
  gmvTarget = JSON.parse(shopplan(['compute', 'content', '--json']).stdout).kpis.gmv.target;
  mkdirSync(artifacts, { recursive: true });
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('PDFs of the example plan', () => {
  it('writes the full plan and the board summary for every locale, and says so', () => {
    expect(readdirSync(join(first, 'pdf')).sort()).toEqual(['board.en.pdf', 'board.zh-CN.pdf', 'plan.en.pdf', 'plan.zh-CN.pdf']);
    expect(readdirSync(first).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(second, 'pdf')).sort()).toEqual(['board.en.pdf', 'board.zh-CN.pdf', 'plan.en.pdf', 'plan.zh-CN.pdf']);
  });

  it.each(LOCALES)('%s: the full plan is printed once, its contents numbered in the PDF (no second print)', (locale) => {
    expect(trace).toContain(`${locale}: printed after`);
    expect(trace).not.toContain(`${locale}: printed again`);
  });

  it.each(LOCALES)('%s: A4 pages, portrait or landscape; tagged; the full plan is long, the board summary exactly one page', (locale) => {
    for (const kind of ['plan', 'board'] as const) {
      const i = info(pdf(first, kind, locale));
      expect(i['Page size'], `${kind} ${locale}`).toBe('595.28 x 841.89 pts (A4)');
      expect(i.Creator).toBe('ShopPlan');
      expect(i.Author).toBe(localText(data.result.meta.company, locale));
      expect(i.Tagged, `${kind} ${locale}`).toBe('yes');
      for (const size of pageSizes(pdf(first, kind, locale))) expect([[595.28, 841.89], [841.89, 595.28]]).toContainEqual(size);
    }
    expect(pageCount(pdf(first, 'plan', locale))).toBeGreaterThan(10);
    expect(pageCount(pdf(first, 'board', locale))).toBe(1);
  });

  it.each(LOCALES)('%s: every font is embedded, and Chinese has a CJK font', (locale) => {
    for (const kind of ['plan', 'board'] as const) {
      const rows = tool('pdffonts', [pdf(first, kind, locale)]).split('\n').slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThan(0);
      // name type encoding emb sub uni object ID: `emb` is the fifth column from the end.
      const notEmbedded = rows.filter((r) => r.trim().split(/\s+/).at(-5) !== 'yes');
      expect(notEmbedded, `${kind} ${locale}`).toEqual([]);
      if (locale === 'zh-CN') expect(rows.some((r) => /NotoSans ?(SC|CJK)|SourceHan|WenQuanYi/i.test(r)), rows.join('\n')).toBe(true);
      // One document, one set of subsets: a font per web-font file used (Noto Sans SC comes in ~100
      // unicode-range files), not one per printed part (773 when each part was printed on its own).
      expect(rows.length, `${kind} ${locale}: ${rows.length} fonts`).toBeLessThan(100);
      expect(rows.filter((r) => /Type 3/.test(r)), 'no Type 3 fonts (system CJK fallback)').toEqual([]);
    }
  });

  it.each(LOCALES)('%s: the text has every chapter and section title and the headline GMV as the site formats it', (locale) => {
    const plan = squash(text(pdf(first, 'plan', locale)));
    const titles = [...data.chapters[locale].map((c) => c.title), ...SECTIONS.filter((s) => s.available(data)).map((s) => localText(s.title, locale))];
    expect(titles.length).toBeGreaterThan(10);
    for (const title of titles) expect(plan, title).toContain(squash(title));
    const gmv = formatValue(gmvTarget, 'money', locale);
    expect(gmv).toBe(locale === 'zh-CN' ? '¥15,000万' : '¥150M');
    expect(plan).toContain(squash(gmv));
    const board = squash(text(pdf(first, 'board', locale)));
    expect(board).toContain(squash(gmv));
    expect(board).toContain(locale === 'zh-CN' ? '董事会摘要' : 'Boardsummary');
  });

  it.each(LOCALES)('%s: a cover, then a header and "x / y" on every other page, and no blank page', (locale) => {
    const file = pdf(first, 'plan', locale);
    const pages = pageCount(file);
    const title = localText(data.result.meta.title, locale);
    const cover = squash(text(file, 1));
    expect(cover).toContain(squash(localText(data.result.meta.company, locale)));
    expect(cover).toContain(squash(title));
    expect(cover).toContain('v2027.1');
    expect(cover).not.toContain(`1/${pages}`);
    const all = pagesText(file).map(squash);
    const body = bodies(file).map(squash);
    expect(all).toHaveLength(pages);
    for (let p = 2; p <= pages; p++) {
      expect(all[p - 1], `page ${p}`).toContain(`${p}/${pages}`);
      expect(all[p - 1], `page ${p}`).toContain(squash(title));
      expect(body[p - 1]!.length, `page ${p} of ${file} has nothing but its header and number`).toBeGreaterThan(0);
    }
    expect(squash(bodyText(pdf(first, 'board', locale), 1)).length).toBeGreaterThan(200);
  });

  it.each(LOCALES)('%s: every chart of the printed pages is drawn as vector graphics: no bitmap, its labels as text', (locale) => {
    const root = locale === 'zh-CN' ? first : join(first, locale);
    const printed = [...data.chapters[locale].map((c) => `chapters/${c.slug}`), ...SECTIONS.filter((s) => s.available(data)).map((s) => s.slug)];
    const charts = printed.flatMap((slug) => [...readFileSync(join(root, slug, 'index.html'), 'utf8').matchAll(/<canvas[^>]*data-chart="([^"]*)"/g)].map((m) => JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as { labels: string[]; datasets: Array<{ label: string }> }));
    expect(charts.length).toBeGreaterThan(5);
    const file = pdf(first, 'plan', locale);
    const images = tool('pdfimages', ['-list', file]).split('\n').slice(2).filter((l) => l.trim());
    expect(images, 'charts print as vectors, not bitmaps').toEqual([]);
    // A chart drawn on paper puts its axis or legend labels in the text; chart.js may skip some axis
    // labels, never the first one.
    const all = squash(text(file));
    for (const c of charts) expect(all, JSON.stringify(c.labels.slice(0, 3))).toContain(squash(c.labels[0] ?? c.datasets[0]!.label));
  });

  it.each(LOCALES)('%s: the contents link to the first page of each chapter and section, with its number', async (locale) => {
    const file = pdf(first, 'plan', locale);
    const doc = await PDFDocument.load(readFileSync(file));
    const pageRefs = doc.getPages().map((p) => p.ref);
    const named = destinationPages(doc);
    const titles = partTitles(locale);
    const links: Array<{ page: number; target: number }> = [];
    const uris: string[] = [];
    doc.getPages().forEach((page, index) => {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const annot = doc.context.lookup(annots!.get(i), PDFDict);
        const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
        if (action?.get(PDFName.of('S')) === PDFName.of('URI')) uris.push(String(action.get(PDFName.of('URI'))));
        const dest = annot.get(PDFName.of('Dest'));
        // Chromium links inside the document by name; the name must resolve to a page of this document.
        if (dest instanceof PDFArray) links.push({ page: index + 1, target: pageRefs.indexOf(dest.get(0) as PDFRef) + 1 });
        else if (dest instanceof PDFName || dest instanceof PDFString || dest instanceof PDFHexString) links.push({ page: index + 1, target: named.get(dest.decodeText()) ?? 0 });
      }
    });
    expect(links.filter((l) => l.target < 1), 'links to a page of this document').toEqual([]);
    // No link to the local server the pages were printed from.
    expect(uris.filter((u) => /127\.0\.0\.1|localhost|shopplan\.invalid/.test(u))).toEqual([]);
    // The contents run from page 2 to the page before the first part.
    const tocEnd = Math.min(...links.filter((l) => l.page === 2).map((l) => l.target)) - 1;
    const toc = links.filter((l) => l.page >= 2 && l.page <= tocEnd);
    expect(toc).toHaveLength(titles.length);
    const tocText = squash(text(file, 2, toc.at(-1)!.page));
    const sizes = pageSizes(file);
    toc.forEach((link, i) => {
      expect(link.target, titles[i]).toBeGreaterThan(link.page);
      if (i > 0) expect(link.target).toBeGreaterThan(toc[i - 1]!.target);
      // The page it jumps to is where the part starts: its title first, and in the header.
      expect(squash(bodyText(file, link.target, sizes[link.target - 1])).startsWith(squash(titles[i]!)), titles[i]).toBe(true);
      expect(squash(text(file, link.target)), titles[i]).toContain(squash(titles[i]!));
      expect(tocText, `${titles[i]} … ${link.target}`).toContain(`${squash(titles[i]!)}${link.target}`);
    });
  });

  it.each(LOCALES)('%s: the outline (bookmarks) lists the contents and every chapter and section', async (locale) => {
    const doc = await PDFDocument.load(readFileSync(pdf(first, 'plan', locale)));
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
    const outline = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
    expect(outline).toBeDefined();
    const entries: string[] = [];
    const walk = (node: PDFDict | undefined) => {
      for (let item = node?.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
        const title = item.lookup(PDFName.of('Title'));
        if (title instanceof PDFString || title instanceof PDFHexString) entries.push(squash(title.decodeText()));
        walk(item);
      }
    };
    walk(outline);
    const contents = locale === 'zh-CN' ? '目录' : 'Contents';
    for (const title of [contents, ...partTitles(locale)]) expect(entries, title).toContain(squash(title));
  });

  it.each(LOCALES)('%s: no table is cut: the monthly P&L keeps December and the year, the A/B tests their last columns', async (locale) => {
    const root = locale === 'zh-CN' ? first : join(first, locale);
    const file = pdf(first, 'plan', locale);
    const partText = async (slug: string) => {
      const pages = await partRange(file, locale, localText(SECTIONS.find((s) => s.slug === slug)!.title, locale));
      return squash(text(file, pages[0], pages[1]));
    };
    const pnl = await partText('pnl');
    const monthly = tableCells(readFileSync(join(root, 'pnl', 'index.html'), 'utf8'), locale === 'zh-CN' ? '2027年12月' : 'Dec 2027');
    expect(monthly.header.slice(-2)).toEqual(locale === 'zh-CN' ? ['2027年12月', '合计'] : ['Dec 2027', 'Total']);
    for (const cell of [...monthly.header.slice(-2), ...monthly.rows.flatMap((r) => r.slice(-2))]) expect(pnl, cell).toContain(squash(cell));
    if (locale === 'en') {
      const marketing = await partText('marketing');
      const ab = tableCells(readFileSync(join(root, 'marketing', 'index.html'), 'utf8'), 'Days needed');
      // The table's last columns (a test's owner and hypothesis are its row's note since tables fit at 1280 px).
      expect(ab.header.slice(-2)).toEqual(['Days needed', 'Start']);
      for (const word of ab.header.flatMap((h) => h.split(/\s+/))) expect(marketing, word).toContain(word);
      // Cells of the table's rows, not of the notes under them (one cell across the table).
      for (const cell of ab.rows.filter((r) => r.length > 1).flatMap((r) => r.slice(-2))) expect(marketing, cell).toContain(squash(cell));
    }
  });

  it('gives the same PDF for the same input: text, metadata, bytes', () => {
    for (const locale of LOCALES) {
      for (const kind of ['plan', 'board'] as const) {
        const [a, b] = [pdf(first, kind, locale), pdf(second, kind, locale)];
        // The local server's random port must not reach the file (links to it are dropped or rewritten).
        expect(readFileSync(a).includes('127.0.0.1'), `${kind} ${locale}`).toBe(false);
        const same = readFileSync(b).equals(readFileSync(a));
        // Kept for a look when they differ.
        if (!same) for (const [name, file] of [['first', a], ['second', b]] as const) cpSync(file, join(artifacts, `different-${kind}.${locale}.${name}.pdf`));
        expect(same, `${kind} ${locale} bytes`).toBe(true);
        expect(text(b), `${kind} ${locale}`).toBe(text(a));
        const { 'File size': _a, ...infoA } = info(a);
        const { 'File size': _b, ...infoB } = info(b);
        expect(infoB).toEqual(infoA);
      }
    }
  });

  it('renders the cover, the contents, a chart page and the board summary for review', () => {
    const file = pdf(first, 'plan', 'zh-CN');
    // The first page of the targets section: its SMART table and first chart.
    const targets = squash(localText(SECTIONS.find((s) => s.slug === 'targets')!.title, 'zh-CN'));
    let chartPage = 3;
    const last = pageCount(file);
    while (chartPage < last && squash(bodyText(file, chartPage).trim().split('\n')[0] ?? '') !== targets) chartPage++;
    expect(chartPage).toBeLessThan(last);
    const shots: Array<[string, string, number]> = [
      ['cover', file, 1],
      ['contents', file, 2],
      ['chart', file, chartPage],
      ['board-zh-CN', pdf(first, 'board', 'zh-CN'), 1],
      ['board-en', pdf(first, 'board', 'en'), 1],
    ];
    for (const [name, source, page] of shots) {
      tool('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', source, join(artifacts, name)]);
      expect(existsSync(join(artifacts, `${name}.png`))).toBe(true);
    }
  });
});

describe('shopplan pdf without Chromium', () => {
  it('exits 3 with the install hint and writes nothing', () => {
    const out = join(work, 'no-chromium');
    const r = spawnSync(process.execPath, [BIN, 'pdf', 'content', '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH: '/nonexistent', SHOPPLAN_CHROMIUM: '' } });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('Chromium was not found');
    expect(r.stderr).toContain('apt-get install chromium');
    expect(existsSync(out)).toBe(false);
  });

  it('build --pdf exits 3 and writes nothing; build without --pdf still builds the site', () => {
    const out = join(work, 'no-chromium-build');
    const env = { ...process.env, NO_COLOR: '1', PATH: '/nonexistent', SHOPPLAN_CHROMIUM: '' };
    const strict = spawnSync(process.execPath, [BIN, 'build', 'seeds/blank', '--out', out, '--pdf'], { cwd: ROOT, encoding: 'utf8', env, timeout: 120_000 });
    expect(strict.status).toBe(3);
    expect(strict.stderr).toContain('install-system-deps.sh');
    expect(existsSync(out)).toBe(false);
    const lenient = spawnSync(process.execPath, [BIN, 'build', 'seeds/blank', '--out', out], { cwd: ROOT, encoding: 'utf8', env, timeout: 120_000 });
    expect(lenient.status, lenient.stderr).toBe(0);
    expect(lenient.stderr).toMatch(/PDFs skipped: Chromium was not found/);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'pdf'))).toBe(false);
  }, 150_000);
});

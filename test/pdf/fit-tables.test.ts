// Wide tables in the composed plan, in real Chromium with print emulation, on pages made here: each table
// ends up within the text width of its page (portrait, or landscape for the wide ones) and keeps every
// cell; split pieces repeat their row headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findChromium, INSTALL_HINT, launchChromium } from '../../src/browser/chromium.ts';
import { composeInPage, type ComposeInput } from '../../src/pdf/compose.ts';
import { fitTablesInPage, measureTablesInPage } from '../../src/pdf/fit-tables.ts';
import { FIT, printContext, PRINT_PAGE, servePrintable } from '../../src/pdf/print-site.ts';
import { planPageCss, partId } from '../../src/pdf/html.ts';
import type { StaticServer } from '../../src/pdf/serve-static.ts';

const site = mkdtempSync(join(tmpdir(), 'shopplan-fit-'));
let browser: Browser;
let server: StaticServer;

const CSS = `table { border-collapse: collapse; width: 100%; font-size: .92rem } th, td { padding: .4rem .55rem; border-bottom: 1px solid #ccc; text-align: left } .num { white-space: nowrap; text-align: right }`;
const money = (i: number) => `¥${(3_680_450 + i * 1_234_567).toLocaleString('en')}`;
const row = (label: string, n: number, cell = money) => `<tr><th scope="row">${label}</th>${Array.from({ length: n }, (_, i) => `<td class="num">${cell(i)}</td>`).join('')}</tr>`;
const head = (n: number) => `<thead><tr><th scope="col">Line</th>${Array.from({ length: n }, (_, i) => `<th scope="col" class="num">Month ${i + 1}</th>`).join('')}</tr></thead>`;
const table = (id: string, columns: number, rows = 4, extra = '') => `<table id="${id}">${extra}${head(columns)}<tbody>${Array.from({ length: rows }, (_, r) => row(`Row ${r + 1}`, columns)).join('')}</tbody></table>`;

const PAGES: Record<string, string> = {
  // Narrow: stays as it is.
  'narrow/': `<h1>Narrow</h1><p>Text.</p>${table('t-narrow', 3)}`,
  // Just over the portrait width: smaller type keeps it on the portrait page.
  'compact/': `<h1>Compact</h1>${table('t-compact', 7)}`,
  // Needs a landscape page; its heading goes with it, the text before stays.
  'landscape/': `<h1>Landscape</h1><p>${'Long text. '.repeat(80)}</p><h2 id="wide-heading">A wide table</h2><div class="scroll">${table('t-landscape', 9)}</div><p>After.</p>`,
  // Too wide even in landscape: split by columns, with a row spanning all columns and a header group.
  'split/': `<h1>Split</h1><table id="t-split"><caption>Monthly</caption><thead><tr><th></th><th colspan="18" scope="colgroup">2027</th><th scope="col" class="num">Year</th></tr><tr><th scope="col">Line</th>${Array.from({ length: 18 }, (_, i) => `<th class="num" scope="col">M${i + 1}</th>`).join('')}<th class="num" scope="col">Total</th></tr></thead><tbody><tr><th colspan="20">Revenue</th></tr>${Array.from({ length: 3 }, (_, r) => row(`Line ${r + 1}`, 19)).join('')}</tbody></table>`,
  // One column wider than any page: its cells wrap.
  'wrap/': `<h1>Wrap</h1><table id="t-wrap"><tbody><tr><th>Key</th><td class="num">${'x'.repeat(400)}</td></tr></tbody></table>`,
};

const slugs = Object.keys(PAGES);
const parts = slugs.map((_, i) => ({ id: partId(i), page: partId(i), title: `Part ${i + 1}` }));

async function composed(): Promise<Page> {
  const context = await printContext(browser);
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${server.url}/${PRINT_PAGE}`);
  const input: ComposeInput = { parts: slugs.map((s, i) => ({ path: `/${s}`, id: parts[i]!.id, page: parts[i]!.page })), lang: 'en', title: 'Plan', before: '', css: planPageCss(parts) };
  await page.evaluate(composeInPage, input);
  return page;
}

beforeAll(async () => {
  const chromium = findChromium();
  if (!chromium) throw new Error(`Chromium not found. ${INSTALL_HINT}`);
  for (const [slug, body] of Object.entries(PAGES)) {
    mkdirSync(join(site, slug), { recursive: true });
    writeFileSync(join(site, slug, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${CSS}</style></head><body><main>${body}</main></body></html>`);
  }
  browser = await launchChromium(chromium);
  server = await servePrintable(site);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

describe('fitting wide tables to the page', () => {
  it('before fitting, the wide tables overflow the portrait text width (the test pages are wide enough)', async () => {
    const page = await composed();
    const boxes = await page.evaluate(measureTablesInPage, FIT);
    const over = boxes.filter((b) => b.right > b.available + 0.5).map((b) => b.part);
    expect(over).toEqual(['part-2', 'part-3', 'part-4', 'part-5']);
    await page.context().close();
  });

  it('keeps narrow tables, shrinks, turns landscape, splits or wraps the others, and then every table fits its page', async () => {
    const page = await composed();
    const report = await page.evaluate(fitTablesInPage, FIT);
    expect(report).toEqual({ compact: 1, landscape: 3, split: 1, pieces: report.pieces, wrapped: 1 });
    expect(report.pieces).toBeGreaterThanOrEqual(2);
    const boxes = await page.evaluate(measureTablesInPage, FIT);
    for (const b of boxes) {
      expect(b.left, `${b.part} ${b.label}`).toBeGreaterThanOrEqual(-0.5);
      expect(b.right, `${b.part} ${b.label}`).toBeLessThanOrEqual(b.available + 0.5);
    }
    const where = Object.fromEntries(boxes.map((b) => [b.part, b.landscape]));
    expect(where).toEqual({ 'part-1': false, 'part-2': false, 'part-3': true, 'part-4': true, 'part-5': true });
    // The landscape block is on the part's landscape page, with its heading; the text before it stays.
    const wide = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.pdf-wide')].map((w) => ({ page: w.style.getPropertyValue('page'), first: w.firstElementChild!.tagName, text: w.textContent!.slice(0, 12) })));
    expect(wide[0]).toEqual({ page: 'part-3-wide', first: 'H2', text: 'A wide table' });
    await page.context().close();
  });

  it('split pieces keep every cell once, repeat the row headers and the caption, and keep ids unique', async () => {
    const page = await composed();
    const before = await page.evaluate(() => [...document.querySelectorAll('#part-4 td')].map((c) => c.textContent));
    await page.evaluate(fitTablesInPage, FIT);
    const pieces = await page.evaluate(() =>
      [...document.querySelectorAll('#part-4 table')].map((t) => ({
        caption: (t as HTMLTableElement).caption?.textContent,
        rowHeads: [...t.querySelectorAll('tbody th[scope=row]')].map((c) => c.textContent),
        cells: [...t.querySelectorAll('td')].map((c) => c.textContent),
        spans: [...t.querySelectorAll('tbody th[colspan]')].map((c) => (c as HTMLTableCellElement).colSpan),
        columns: (t as HTMLTableElement).rows[1]!.cells.length,
      })),
    );
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    expect(pieces.flatMap((p) => p.cells).sort()).toEqual([...before].sort());
    for (const p of pieces) {
      expect(p.caption).toBe('Monthly');
      expect(p.rowHeads).toEqual(['Line 1', 'Line 2', 'Line 3']);
      // The spanning row spans exactly the columns the piece has.
      expect(p.spans).toEqual([p.columns]);
    }
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    await page.context().close();
  });
});

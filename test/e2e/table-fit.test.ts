// Tables of every page read without scrolling on a desktop and without a row running down a phone screen, on
// any plan (the example, the blank seed, a generated large plan), in both locales. A KPI's definition and source
// in the sticky row header made each dictionary row a dozen lines tall at 390 px, and the English "Place" table
// was 111 px wider than the text column at 1280 px; the risk register was 335 px too wide and its descriptions
// made row headers 8-11 lines tall. On a phone, English supplier names ran four or five lines in a fixed 9rem row
// header, and a risk's trigger four lines in a fixed 8rem column, which left a gap between the risk and its note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve } from '../helpers/static-server.ts';
import { pagesOf } from '../helpers/built-site.ts';
import { planSites } from '../helpers/plan-sites.ts';

const sites = planSites('shopplan-table-fit-', { skus: 60, channels: 8, months: 12, targets: 12, risks: 12 });
let browser: Browser;

beforeAll(async () => {
  browser = await sites.setUp();
}, 600_000);

afterAll(() => sites.tearDown(browser));

/**
 * Kit tables a reader sees (not a chart's data table in its closed disclosure) that scroll sideways in their
 * region. A table of a month per column declares itself `dense` (DataTable): it may be wider than the text.
 */
function scrollingTables(page: Page): Promise<string[]> {
  return page.$$eval('.table-scroll', (regions) => regions
    .filter((r) => r.checkVisibility() && !r.querySelector('table.dense') && r.scrollWidth > r.clientWidth + 1)
    .map((r) => `${r.getAttribute('aria-label')}: ${r.scrollWidth - r.clientWidth} px too wide`));
}

/**
 * Row headers that hold more than a name: taller than their first piece of content (the name) by more than
 * `extra` lines (a short mark under it such as ★ North star), or a name in more than `nameLines` lines while the
 * sticky column is narrower than the widest a phone gives it (`widest`, site.css): a fixed 9rem column stacked the
 * English supplier names four or five lines high. A text that runs longer even at the widest is a sentence, not a
 * name (a compliance requirement).
 */
function paragraphRowHeaders(page: Page, extra: number, nameLines = 2, widest = '14rem'): Promise<string[]> {
  return page.$$eval('.table-scroll th[scope=row]', (headers, [most, lines, widestWidth]) => {
    const probe = document.createElement('div');
    probe.style.width = widestWidth;
    document.body.append(probe);
    const widestPx = probe.getBoundingClientRect().width;
    probe.remove();
    return headers
      .filter((th) => th.checkVisibility())
      .map((th) => {
        // The content's box, not the cell's: a cell is as tall as its row, which a long cell beside it may make tall.
        const all = document.createRange();
        all.selectNodeContents(th);
        const name = document.createRange();
        name.setStart(th, 0);
        name.setEnd(th, 1);
        const line = parseFloat(getComputedStyle(th).lineHeight);
        const nameHeight = name.getBoundingClientRect().height;
        return {
          text: th.textContent!.trim().replace(/\s+/g, ' '),
          more: (all.getBoundingClientRect().height - nameHeight) / line,
          name: nameHeight / line,
          narrow: th.getBoundingClientRect().width < widestPx - 1,
        };
      })
      .flatMap((h) => [
        ...(h.more > most + 0.25 ? [`${h.text.slice(0, 60)}: ${h.more.toFixed(1)} lines under its name`] : []),
        ...(h.name > lines + 0.25 && h.narrow ? [`${h.text.slice(0, 60)}: its name in ${h.name.toFixed(1)} lines in a column narrower than ${widestWidth}`] : []),
      ]);
  }, [extra, nameLines, widest] as const);
}

/**
 * Cells that make a row with a note taller than `most` lines (a text in two lines and a muted line under it): the
 * note belongs under the row's name, and a tall cell off to the right pushed it far below (the risk register's
 * trigger ran four lines in a fixed 8rem column on a phone).
 */
function tallCellsAboveNotes(page: Page, most: number): Promise<string[]> {
  return page.$$eval('.table-scroll tr.has-note > td', (cells, most) => cells
    .filter((td) => td.checkVisibility())
    .map((td) => {
      const content = document.createRange();
      content.selectNodeContents(td);
      const row = td.parentElement!.querySelector('th[scope=row]')!.textContent!.trim().replace(/\s+/g, ' ');
      return { where: `${row.slice(0, 40)} / ${td.dataset.column}`, lines: content.getBoundingClientRect().height / parseFloat(getComputedStyle(td.parentElement!.querySelector('th')!).lineHeight) };
    })
    .filter((c) => c.lines > most + 0.25)
    .map((c) => `${c.where}: ${c.lines.toFixed(1)} lines`), most);
}

describe.each(sites.names)('the %s plan, every page in both locales', (name) => {
  it.each([
    ['at 1280 px, every table but a table of months fits its scroll region', 1280, scrollingTables],
    ['at 390 px, a row header holds a name, not a paragraph: in at most two lines, at most one line under it', 390, (page: Page) => paragraphRowHeaders(page, 1)],
    ['at 390 px, no cell of a row with a note is taller than three lines', 390, (page: Page) => tallCellsAboveNotes(page, 3)],
  ] as const)('%s', async (_, width, check) => {
    const server = await serve(sites.site(name));
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems: Record<string, string[]> = {};
    try {
      for (const path of pagesOf(sites.site(name))) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const found = await check(page);
        if (found.length) problems[path] = found;
      }
    } finally {
      await page.close();
      await server.close();
    }
    expect(problems).toEqual({});
  }, 600_000);
});

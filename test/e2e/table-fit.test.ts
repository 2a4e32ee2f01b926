// Tables of every page read without scrolling on a desktop and without a row running down a phone screen, on
// any plan (the example, the blank seed, a generated large plan), in both locales. A KPI's definition and source
// in the sticky row header made each dictionary row a dozen lines tall at 390 px, and the English "Place" table
// was 111 px wider than the text column at 1280 px; the risk register was 335 px too wide and its descriptions
// made row headers 8-11 lines tall. On a phone, English supplier names ran four or five lines in a fixed 9rem row
// header, and a risk's trigger four lines in a fixed 8rem column, which left a gap between the risk and its note;
// later a muted line under a two-line text (a trigger's window, a promotion's days) and where a risk fired left a
// two-line gap, and compliance requirements ran four to six lines as row headers. The heat map broke English names
// mid-word at 390 px ("Overstoc / k"), and two tables of one caption on a page gave their row headers the same ids.
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
 * `extra` lines (a short mark under it such as ★ North star), a name in more than `nameLines` lines while the
 * sticky column is narrower than the widest a phone gives it (`widest`, site.css): a fixed 9rem column stacked the
 * English supplier names four or five lines high, or in more than `most` lines even at the widest: a text that
 * long is a paragraph, which belongs in the row's note (a compliance requirement ran four to six lines; the item's
 * title names the row now). A sentence of a trend or a task may take three.
 */
function paragraphRowHeaders(page: Page, extra: number, nameLines = 2, most = 3, widest = '14rem'): Promise<string[]> {
  return page.$$eval('.table-scroll th[scope=row]', (headers, [under, lines, mostLines, widestWidth]) => {
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
        ...(h.more > under + 0.25 ? [`${h.text.slice(0, 60)}: ${h.more.toFixed(1)} lines under its name`] : []),
        ...(h.name > lines + 0.25 && h.narrow ? [`${h.text.slice(0, 60)}: its name in ${h.name.toFixed(1)} lines in a column narrower than ${widestWidth}`] : []),
        ...(h.name > mostLines + 0.25 ? [`${h.text.slice(0, 60)}: its name in ${h.name.toFixed(1)} lines`] : []),
      ]);
  }, [extra, nameLines, most, widest] as const);
}

/**
 * Cells of a row with a note that run more than `most` lines below the row's name: the note belongs right under
 * the name, and a tall cell off to the right leaves a gap of empty lines before it (the risk register's trigger
 * ran four lines in a fixed 8rem column on a phone; later a trigger's window under it, and where it fired under
 * the pill, left a risk of a one-line name two lines above its note).
 */
function gapsAboveNotes(page: Page, most: number): Promise<string[]> {
  return page.$$eval('.table-scroll tr.has-note', (rows, most) => rows
    .filter((tr) => tr.checkVisibility())
    .flatMap((tr) => {
      const th = tr.querySelector('th[scope=row]')!;
      const bottom = (el: Element) => {
        const content = document.createRange();
        content.selectNodeContents(el);
        return content.getBoundingClientRect().bottom;
      };
      const line = parseFloat(getComputedStyle(th).lineHeight);
      const name = th.textContent!.trim().replace(/\s+/g, ' ').slice(0, 40);
      return [...tr.querySelectorAll<HTMLElement>(':scope > td')]
        .map((td) => ({ where: `${name} / ${td.dataset.column}`, lines: (bottom(td) - bottom(th)) / line }))
        .filter((c) => c.lines > most + 0.25)
        .map((c) => `${c.where}: ${c.lines.toFixed(1)} lines below the name`);
    }), most);
}

/**
 * Latin words of the heat map's labels (risk names, levels, axes) that break across lines: a Range over each word
 * with more than one client rect. Only a word wider than any box the map could give it may break: wider than the
 * map's region less its axis column. A fifth of a phone's screen is no such box: "Overstock" broke there.
 */
function brokenHeatMapWords(page: Page): Promise<string[]> {
  return page.$$eval('.heatmap', (maps) => maps.flatMap((map) => {
    const broken: string[] = [];
    const room = map.closest('.hm-region')!.clientWidth - map.querySelector('.hm-corner')!.getBoundingClientRect().width;
    const walker = document.createTreeWalker(map, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement!.checkVisibility() || node.parentElement!.closest('.visually-hidden, .hm-word')) continue;
      for (const word of node.textContent!.matchAll(/[\p{Script=Latin}\d’']+/gu)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const wide = rects.reduce((sum, r) => sum + r.width, 0);
        if (rects.length > 1 && wide <= room) broken.push(`"${word[0]}" in "${node.textContent!.trim()}" breaks across ${rects.length} lines`);
      }
    }
    return broken;
  }));
}

/**
 * Ids that more than one element of the page carries, and notes whose `headers` name no row header: a note's cell
 * names its row's header by id, so a screen reader announces whose note it reads; a repeated id would name two.
 */
function repeatedIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const count = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) count.set(el.id, (count.get(el.id) ?? 0) + 1);
    const unnamed = [...document.querySelectorAll<HTMLElement>('tr.note > td')]
      .filter((td) => document.getElementById(td.getAttribute('headers') ?? '')?.matches('th[scope=row]') !== true)
      .map((td) => `a note names no row header: "${td.textContent!.trim().slice(0, 40)}"`);
    return [...[...count].filter(([, n]) => n > 1).map(([id, n]) => `id "${id}" on ${n} elements`), ...unnamed];
  });
}

describe.each(sites.names)('the %s plan, every page in both locales', (name) => {
  it.each([
    ['at 1280 px, every table but a table of months fits its scroll region', 1280, scrollingTables],
    ['at 390 px, a row header holds a name, not a paragraph: in at most two lines (three at the widest), at most one line under it', 390, (page: Page) => paragraphRowHeaders(page, 1)],
    ['at 390 px, no cell of a row with a note runs more than a line below the row\'s name', 390, (page: Page) => gapsAboveNotes(page, 1)],
    ['at 360 px, the heat map breaks no word that fits its box', 360, brokenHeatMapWords],
    ['at 390 px, the heat map breaks no word that fits its box', 390, brokenHeatMapWords],
    ['at 1280 px, the heat map breaks no word that fits its box', 1280, brokenHeatMapWords],
    ['no id is on two elements of a page, and each note names its row header', 1280, repeatedIds],
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

// Tables of every page read without scrolling on a desktop and without a row running down a phone screen, on
// any plan (the example, the blank seed, a generated large plan), in both locales. A KPI's definition and source
// in the sticky row header made each dictionary row a dozen lines tall at 390 px, and the English "Place" table
// was 111 px wider than the text column at 1280 px; the risk register was 335 px too wide and its descriptions
// made row headers 8-11 lines tall.
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
 * Row headers that hold more than a name: taller than their first piece of content (the name, however it wraps
 * in the narrow sticky column) by more than `extra` lines (a short mark under it such as ★ North star).
 */
function paragraphRowHeaders(page: Page, extra: number): Promise<string[]> {
  return page.$$eval('.table-scroll th[scope=row]', (headers, most) => headers
    .filter((th) => th.checkVisibility())
    .map((th) => {
      // The content's box, not the cell's: a cell is as tall as its row, which a long cell beside it may make tall.
      const all = document.createRange();
      all.selectNodeContents(th);
      const name = document.createRange();
      name.setStart(th, 0);
      name.setEnd(th, 1);
      const more = all.getBoundingClientRect().height - name.getBoundingClientRect().height;
      return { text: th.textContent!.trim().replace(/\s+/g, ' '), more: more / parseFloat(getComputedStyle(th).lineHeight) };
    })
    .filter((h) => h.more > most + 0.25)
    .map((h) => `${h.text.slice(0, 60)}: ${h.more.toFixed(1)} lines under its name`), extra);
}

describe.each(sites.names)('the %s plan, every page in both locales', (name) => {
  it.each([
    ['at 1280 px, every table but a table of months fits its scroll region', 1280, scrollingTables],
    ['at 390 px, a row header holds a name, not a paragraph: at most one line under it', 390, (page: Page) => paragraphRowHeaders(page, 1)],
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

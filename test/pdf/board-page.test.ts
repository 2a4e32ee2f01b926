// The board one-pager fills one A4 page in both languages, with nothing overlapping, nothing outside the page,
// no text running out of its box and (on plans with content) nothing empty in its lower third — on the example,
// the blank seed and a generated large plan (36 months, 12 channels, 14 targets, 30 risks, 8 decisions, long
// names in both languages). Each site is built, and the board opened in real Chromium with print emulation as
// `shopplan pdf` prints it (board margins, page width), at 100 % (the printer may shrink a board that does not
// fit; this layout must not need it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { localePath, open, servePrintable } from '../../src/pdf/print-site.ts';
import { A4_MM, BOARD_MARGIN, mmToPx, pageRule } from '../../src/pdf/html.ts';
import { countPages } from '../../src/pdf/finish.ts';
import { t } from '../../src/i18n/catalog.ts';
import { planSites } from '../helpers/plan-sites.ts';

const sites = planSites('shopplan-board-page-', { skus: 300, channels: 12, months: 36, targets: 14, risks: 30, decisions: 8, longNames: true });
const WIDTH = mmToPx(A4_MM.width - BOARD_MARGIN.left - BOARD_MARGIN.right);
const HEIGHT = mmToPx(A4_MM.height - BOARD_MARGIN.top - BOARD_MARGIN.bottom);
let browser: Browser;

beforeAll(async () => {
  browser = await sites.setUp();
}, 600_000);

afterAll(() => sites.tearDown(browser));

interface Box {
  what: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** In the page: the boxes of the board's blocks that must not overlap, and the elements whose text overflows its box. */
const MEASURE = () => {
  const board = document.querySelector('.board')!;
  const origin = board.getBoundingClientRect();
  const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
  const visible = (e: Element) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  // Leaves of the layout: headings, table cells, list items, bridge steps, charts, notes.
  const leaves = [...board.querySelectorAll('h1, h2, .board-meta, th, td, li, .bridge-step > span, .chart canvas, .chart figcaption, p')].filter(visible);
  const boxes = leaves.map((e) => {
    const r = e.getBoundingClientRect();
    return { what: describe(e), left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top, el: e };
  });
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) overlaps.push(`${a.what} × ${b.what}`);
    }
  // Text wider than its box runs into its neighbour (the "Owner column runs into the warnings" defect).
  const overflowing = [...board.querySelectorAll('th, td, li, p, h1, h2, .bridge-step > span')].filter((e) => visible(e) && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible').map(describe);
  const text = (board.textContent ?? '').replace(/\s+/g, ' ');
  return { boxes: boxes.map(({ el: _, ...b }) => b), overlaps, overflowing, height: board.getBoundingClientRect().height, text };
};

describe.each(sites.names)('the board of the %s plan', (name) => {
  it.each(['zh-CN', 'en'] as const)('%s: one A4 page, nothing overlapping or outside, the lower third used', async (locale) => {
    const server = await servePrintable(sites.site(name));
    const context = await browser.newContext({ viewport: { width: Math.floor(WIDTH), height: 1000 } });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print', colorScheme: 'light', reducedMotion: 'reduce' });
      await open(page, server, localePath(locale, 'board'));
      await page.addStyleTag({ content: pageRule(BOARD_MARGIN) });
      const m = (await page.evaluate(MEASURE)) as { boxes: Box[]; overlaps: string[]; overflowing: string[]; height: number; text: string };
      expect(await countPages(new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })))).toBe(1);
      expect(m.boxes.length).toBeGreaterThan(5);
      expect(m.height).toBeLessThanOrEqual(HEIGHT);
      expect(m.overlaps).toEqual([]);
      expect(m.overflowing).toEqual([]);
      const outside = m.boxes.filter((b) => b.left < -0.5 || b.right > WIDTH + 0.5 || b.top < -0.5 || b.bottom > HEIGHT + 0.5);
      expect(outside).toEqual([]);
      if (name !== 'blank') expect(Math.max(...m.boxes.map((b) => b.bottom))).toBeGreaterThan((HEIGHT * 2) / 3);
      // Never a broken plural ("1 more warnings"), never "fired" from a developer's vocabulary.
      expect(m.text).not.toMatch(/\b1 more \w+s\b|\bfired\b/);
      if (name === 'large') {
        // 14 targets, 8 shown; 30 risks, 5 shown; 8 decisions, 3 shown — each list says how many more, in the catalog's words.
        expect(m.text).toContain(t(locale, 'page.board.moreTargets', { count: 6 }));
        expect(m.text).toContain(t(locale, 'page.board.moreRisks', { count: 25 }));
        expect(m.text).toContain(t(locale, 'page.board.moreDecisions', { count: 5 }));
      }
    } finally {
      await context.close();
      await server.close();
    }
  }, 120_000);
});

describe('the catalog’s “and N more”', () => {
  it('says one in the singular and more in the plural, in both languages', () => {
    expect(t('en', 'page.board.moreRisks', { count: 1 })).toBe('and 1 more risk on the risks page.');
    expect(t('en', 'page.board.moreRisks', { count: 3 })).toBe('and 3 more risks on the risks page.');
    expect(t('zh-CN', 'page.board.moreRisks', { count: 3 })).toBe('另有 3 项风险，见风险页。');
  });
});

// No printed table is wider than its page, on any plan: the example, the blank seed and a generated large
// plan (36 months, 12 channels), in both locales. Each site is built, and the full plan composed in real
// Chromium with print emulation exactly as `shopplan pdf` prints it; every table's box must then lie within
// the text width of its page (portrait, or landscape for the wide ones).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { composePlan, FIT, localePath, open, printContext, servePrintable } from '../../src/pdf/print-site.ts';
import { parseManifest, MANIFEST_ID } from '../../src/pdf/manifest.ts';
import { fitTablesInPage, measureTablesInPage } from '../../src/pdf/fit-tables.ts';
import { planSites } from '../helpers/plan-sites.ts';

const sites = planSites('shopplan-plans-fit-', { skus: 300, channels: 12, months: 36 });
let browser: Browser;

beforeAll(async () => {
  browser = await sites.setUp();
}, 600_000);

afterAll(() => sites.tearDown(browser));

describe.each(sites.names)('the %s plan', (name) => {
  it.each(['zh-CN', 'en'])('%s: every printed table fits the text width of its page', async (locale) => {
    const server = await servePrintable(sites.site(name));
    const context = await printContext(browser);
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      const board = localePath(locale, 'board');
      await open(page, server, board);
      const manifest = parseManifest(await page.locator(`#${MANIFEST_ID}`).textContent(), board);
      const { parts } = await composePlan(page, server, manifest, { date: null, base: '/', fit: false });
      expect(parts.length).toBeGreaterThan(0);
      const overflow = (await page.evaluate(measureTablesInPage, FIT)).filter((b) => b.right > b.available + 0.5);
      // The plans have tables wider than a portrait page (so this test would see a clipped one): a few, since the
      // screen's tables moved their long text into row notes (the Chinese example has 3 before fitting).
      if (name !== 'blank') expect(overflow.length).toBeGreaterThan(0);
      await page.evaluate(fitTablesInPage, FIT);
      const boxes = await page.evaluate(measureTablesInPage, FIT);
      if (name !== 'blank') expect(boxes.length).toBeGreaterThan(20);
      const outside = boxes.filter((b) => b.left < -0.5 || b.right > b.available + 0.5);
      expect(outside, JSON.stringify(outside.slice(0, 5))).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  }, 120_000);
});

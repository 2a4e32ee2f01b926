// No printed table is wider than its page, on any plan: the example, the blank seed and a generated large
// plan (36 months, 12 channels), in both locales. Each site is built, and the full plan composed in real
// Chromium with print emulation exactly as `shopplan pdf` prints it; every table's box must then lie within
// the text width of its page (portrait, or landscape for the wide ones). Each plan is also printed as
// `shopplan pdf` prints it, and its contents must give the page each part starts on, written into the PDF
// without a second print (one, two and three digits: 5, 134 and 167 pages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { composePlan, FIT, localePath, open, printContext, printSitePdfs, servePrintable } from '../../src/pdf/print-site.ts';
import { destinationPages } from '../../src/pdf/page-numbers.ts';
import { findChromium } from '../../src/browser/chromium.ts';
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

describe.each(sites.names)('the %s plan, printed', (name) => {
  it('numbers its contents in the PDF, in both locales, each number the page its part starts on', async () => {
    const out = mkdtempSync(join(tmpdir(), 'shopplan-contents-'));
    const debug = process.env.SHOPPLAN_DEBUG;
    process.env.SHOPPLAN_DEBUG = '1'; // the trace says how often each plan was printed
    const trace: string[] = [];
    try {
      const printed = await printSitePdfs({ siteDir: sites.site(name), outDir: out, locales: ['zh-CN', 'en'], chromium: findChromium()!, date: null, log: (m) => trace.push(m) });
      for (const file of printed.filter((p) => p.kind === 'plan').map((p) => p.file)) {
        const starts = [...destinationPages(await PDFDocument.load(readFileSync(file), { updateMetadata: false }))].filter(([id]) => /^part-\d+$/.test(id)).map(([, page]) => page).sort((a, b) => a - b);
        // The contents run from page 2 to the page before the first part; each entry's line ends with its number
        // (the foot's "2 / 86" is not an entry).
        const text = spawnSync('pdftotext', ['-f', '2', '-l', String(starts[0]! - 1), '-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout;
        const entries = text.split('\n').filter((l) => !/\d\s*\/\s*\d+\s*$/.test(l));
        const numbers = entries.map((l) => /\S\s+(\d+)\s*$/.exec(l)?.[1]).filter((n) => n !== undefined).map(Number);
        expect(numbers, file).toEqual(starts);
      }
      expect(trace.filter((l) => /: printed after/.test(l))).toHaveLength(2);
      expect(trace.filter((l) => /printed again/.test(l))).toEqual([]);
    } finally {
      if (debug === undefined) delete process.env.SHOPPLAN_DEBUG;
      else process.env.SHOPPLAN_DEBUG = debug;
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});

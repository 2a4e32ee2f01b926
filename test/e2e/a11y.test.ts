// Every built page of both locales in real Chromium at desktop and phone width: axe-core finds no serious or
// critical violation, nothing scrolls sideways, the h1 is the first heading, the phone header stays compact,
// and English text is set in a Latin font. One site, one browser, one tab per width, pages in sequence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { findChromium, INSTALL_HINT, launchChromium } from '../../src/browser/chromium.ts';
import { shopplan } from '../helpers/cli.ts';
import { serve } from '../helpers/static-server.ts';
import { pagesOf } from '../helpers/built-site.ts';

const work = mkdtempSync(join(tmpdir(), 'shopplan-a11y-'));
const out = join(work, 'example');
const PHONE = 390;
const SMALL_PHONE = 360;
const DESKTOP = 1366;
/** Where the page's own content may start on a phone: one header row, not a screenful of tools. */
const PHONE_HEADER_MAX = 80;
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const chromium = findChromium();
  if (!chromium) throw new Error(`Chromium not found. ${INSTALL_HINT}`);
  const built = shopplan(['build', 'content', '--out', out, '--no-pdf']);
  if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}`);
  browser = await launchChromium(chromium);
  server = await serve(out);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  // The search page draws its form in the browser: check it once drawn.
  if (path.endsWith('/search/')) await page.waitForSelector('.pagefind-ui__search-input');
}

/** axe-core's serious and critical violations on the page, one line each with where they are. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const { violations } = await run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** The page's layout facts: how wide it scrolls, where main starts, the tag of the first heading. */
function layoutOf(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    mainTop: document.querySelector('main')!.getBoundingClientRect().top,
    firstHeading: document.querySelector('h1, h2, h3, h4, h5, h6, [role=heading]')?.tagName,
  }));
}

describe('every page of the example plan, both locales', () => {
  it.each([DESKTOP, PHONE])('at %i px: no serious or critical axe violation, no sideways scroll, h1 first', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems: Record<string, string[]> = {};
    for (const path of pagesOf(out)) {
      await visit(page, path);
      const found = await axeViolations(page);
      const layout = await layoutOf(page);
      if (layout.scrollWidth > width) found.push(`scrolls sideways: ${layout.scrollWidth} px`);
      if (layout.firstHeading !== 'H1') found.push(`first heading is ${layout.firstHeading}`);
      if (width === PHONE && layout.mainTop > PHONE_HEADER_MAX) found.push(`content starts ${Math.round(layout.mainTop)} px down`);
      if (found.length) problems[path] = found;
    }
    await page.close();
    expect(problems).toEqual({});
  }, 900_000);

  it('sets English pages in a Latin font (narrow “quotes”) and Chinese pages in Noto Sans SC', async () => {
    const page = await browser.newPage();
    const quoteWidth = async (path: string) => {
      await visit(page, path);
      return page.evaluate(() => {
        const probe = document.createElement('span');
        probe.textContent = '“';
        document.querySelector('main')!.append(probe);
        const em = parseFloat(getComputedStyle(probe).fontSize);
        return { ratio: probe.getBoundingClientRect().width / em, family: getComputedStyle(probe).fontFamily };
      });
    };
    for (const path of ['/en/', '/en/targets/', '/en/chapters/00-preface/']) {
      const { ratio, family } = await quoteWidth(path);
      expect(ratio, `${path}: ${family}`).toBeLessThan(0.6); // full-width CJK quotes are 1 em
      expect(family.split(',')[0], path).not.toMatch(/SC|CJK/);
    }
    const { family } = await quoteWidth('/targets/');
    expect(family.split(',')[0]).toMatch(/Noto Sans SC/);
    await page.close();
  }, 60_000);

  it('shows the heat map\'s critical corner and the dashboard\'s status columns on a phone without scrolling', async () => {
    // The heat map also on a small phone (360 px, the most common Android width), where its English names scrolled
    // the map 28 px sideways in its region.
    const small = await browser.newPage({ viewport: { width: SMALL_PHONE, height: 900 } });
    for (const path of ['/risks/', '/en/risks/']) {
      await visit(small, path);
      const rights = await small.$$eval('.hm-cell', (els) => els.map((e) => e.getBoundingClientRect().right));
      expect(Math.max(...rights), path).toBeLessThanOrEqual(SMALL_PHONE);
      expect(await small.$eval('.hm-region', (r) => r.scrollWidth - r.clientWidth), path).toBe(0);
    }
    await small.close();
    const page = await browser.newPage({ viewport: { width: PHONE, height: 900 } });
    for (const [path, selector] of [
      ['/risks/', '.hm-cell'],
      ['/en/risks/', '.hm-cell'],
      // Every table's status column on the dashboard (the targets' verdicts, plan vs actual), not the figures after it.
      ['/', 'main [data-column="status"] [data-status]'],
      ['/en/', 'main [data-column="status"] [data-status]'],
    ] as const) {
      await visit(page, path);
      const rights = await page.$$eval(selector, (els) => els.map((e) => e.getBoundingClientRect().right));
      expect(rights.length, path).toBeGreaterThan(0);
      expect(Math.max(...rights), path).toBeLessThanOrEqual(PHONE);
    }
    await page.close();
  }, 60_000);
});

// The built site in real Chromium. Fails (never skips) when Chromium is missing: CI installs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findChromium, INSTALL_HINT, launchChromium } from '../../src/browser/chromium.ts';
import { formatValue } from '../../src/i18n/format.ts';
import { t } from '../../src/i18n/catalog.ts';
import { localText } from '../../src/i18n/text.ts';
import { checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { shopplan, ROOT } from '../helpers/cli.ts';
import { serve } from '../helpers/static-server.ts';
import { pagesOf } from '../helpers/built-site.ts';

const work = mkdtempSync(join(tmpdir(), 'shopplan-site-'));
const out = join(work, 'example');
const artifacts = join(ROOT, 'test-results');
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

/** Opens a page and collects console errors, failed requests and requests to other origins. */
async function open(path: string, base = server.url): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && problems.push(`external: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  return { page, problems };
}

beforeAll(async () => {
  const chromium = findChromium();
  if (!chromium) throw new Error(`Chromium not found. ${INSTALL_HINT}`);
  const built = shopplan(['build', 'content', '--out', out, '--no-pdf']);
  if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}`);
  browser = await launchChromium(chromium);
  server = await serve(out);
  mkdirSync(artifacts, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the example plan site', () => {
  it('has a page for every chapter and section in both locales', () => {
    const pages = pagesOf(out);
    for (const path of ['/', '/en/', '/targets/', '/en/targets/', '/chapters/00-preface/', '/en/chapters/00-preface/', '/search/']) expect(pages).toContain(path);
    expect(pages.filter((p) => p.startsWith('/chapters/')).length).toBe(9);
  });

  it('loads every page with no console errors, failed or external requests, one h1 and drawn charts', async () => {
    for (const path of pagesOf(out)) {
      const { page, problems } = await open(path);
      expect(problems, path).toEqual([]);
      expect(await page.locator('h1').count(), path).toBe(1);
      // Every chart canvas has pixels drawn on it.
      const blank = await page.$$eval('canvas[data-chart]', (canvases) =>
        canvases.filter((c) => {
          const ctx = (c as HTMLCanvasElement).getContext('2d')!;
          const { data } = ctx.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height);
          for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return false;
          return true;
        }).length,
      );
      expect(blank, `${path} has blank charts`).toBe(0);
      await page.close();
    }
  }, 300_000);

  it('ships no JavaScript on pages without charts or search', () => {
    for (const path of pagesOf(out)) {
      const html = readFileSync(join(out, path, 'index.html'), 'utf8');
      if (html.includes('data-chart=') || path.endsWith('/search/')) continue;
      expect(html, path).not.toMatch(/<script\b/);
    }
  });

  it('switches language on the same page', async () => {
    const { page } = await open('/targets/');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.locator('a.lang').click();
    await page.waitForURL(/\/en\/targets\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('a.lang').click();
    await page.waitForURL(/\/targets\/$/);
    expect(new URL(page.url()).pathname).toBe('/targets/');
    await page.close();
  });

  it.each([
    ['/search/', '库存', /\/(chapters\/02-products-supply|supply)\//],
    ['/en/search/', 'inventory', /\/en\/(chapters\/02-products-supply|supply)\//],
  ])('search %s for %s finds the supply chain', async (path, query, expected) => {
    const { page, problems } = await open(`${path}?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
    const links = await page.$$eval('.pagefind-ui__result-link', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.some((l) => expected.test(l)), links.join(' ')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  // Every page with "how is this calculated": each model explains with catalog formulas (docs/i18n.md).
  it('explains "how is this calculated" in Chinese on Chinese pages, with names and source links behind "来源"', async () => {
    for (const path of ['/org/', '/targets/', '/kpis/', '/users/', '/pnl/', '/channels/', '/products/', '/promotions/', '/marketing/', '/supply/']) {
      const { page } = await open(path);
      const explains = page.locator('details.explain');
      expect(await explains.count(), path).toBeGreaterThan(0);
      for (const text of await explains.allTextContents()) {
        // no English words; acronyms such as GMV are fine
        expect(text, path).not.toMatch(/[a-z]{2,}/);
      }
      // The source link reads "来源"; its file and line are in its title, for editors. The P&L sums the channels:
      // its figures have no input of their own.
      const sources = explains.locator('.source');
      if (path === '/pnl/') {
        await page.close();
        continue;
      }
      expect(await sources.count(), path).toBeGreaterThan(0);
      expect(await sources.first().textContent(), path).toBe('来源');
      expect(await sources.first().getAttribute('title'), path).toMatch(/\.yaml 第 \d+ 行/);
      await page.close();
    }
  }, 120_000);

  it('shows :kpi[gmv] in prose exactly as compute --json gives it, formatted per locale', async () => {
    const computed = JSON.parse(shopplan(['compute', 'content', '--json']).stdout);
    const target = computed.kpis.gmv.target as number;
    for (const [path, locale] of [['/chapters/00-preface/', 'zh-CN'], ['/en/chapters/00-preface/', 'en']] as const) {
      const { page } = await open(path);
      const cite = page.locator('data[data-cite="kpi:gmv"]').first();
      expect(Number(await cite.getAttribute('value'))).toBe(target);
      expect(await cite.textContent()).toBe(formatValue(target, 'money', locale));
      await page.close();
    }
    expect(formatValue(target, 'money', 'zh-CN')).toMatch(/万/);
  });

  it('shows the charts and tables a chapter places (::chart, ::table) drawn, with names in the reader\'s language', async () => {
    const { input, result } = await checkPlanFolder(join(ROOT, 'content'));
    const ids = new Set([...Object.keys(result!.channels), ...Object.keys(result!.targets)]);
    for (const [path, locale] of [['/chapters/01-strategy/', 'zh-CN'], ['/en/chapters/01-strategy/', 'en']] as const) {
      const { page, problems } = await open(path);
      const article = page.locator('article');
      // ::chart{series=gmv-by-channel}: titled and drawn, a series per channel by its name, and the GMV target.
      const chart = article.locator('figure.chart', { hasText: t(locale, 'ui.gmvByChannel') });
      await expect.poll(() => chart.locator('canvas').evaluate((c) => (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data.some((v, i) => i % 4 === 3 && v !== 0)), { timeout: 30_000 }).toBe(true);
      const config = JSON.parse((await chart.locator('canvas').getAttribute('data-chart'))!) as { datasets: Array<{ label: string }> };
      expect(config.datasets.map((d) => d.label)).toEqual([...Object.values(result!.channels).map((c) => localText(c.name, locale)), t(locale, 'ui.target')]);
      // ::table{of=targets}: a row per target, headed by its name in this language.
      const table = article.locator('table', { has: page.locator('caption', { hasText: t(locale, 'page.targets.smartCaption') }) });
      expect(await table.locator('th[scope="row"]').allTextContents()).toEqual(input!.targets!.targets!.map((x) => localText(x.name, locale)));
      expect(await table.locator('th[scope="col"]').first().textContent()).toBe(t(locale, 'page.targets.goal'));
      // ::table{of=pnl-by-quarter} after it, and no cell anywhere in the chapter reads as an id.
      await expect.poll(() => article.locator('caption', { hasText: t(locale, 'page.pnl.statementTable') }).count()).toBe(1);
      for (const cell of await article.locator('th, td').allTextContents()) expect(ids.has(cell.trim()), `${path}: ${cell}`).toBe(false);
      expect(problems).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it('takes screenshots of the dashboard and three chapters in both locales, desktop and phone', async () => {
    for (const path of ['/', '/chapters/01-strategy/', '/chapters/04-marketing/', '/chapters/07-risks/']) {
      for (const prefix of ['', '/en']) {
        for (const width of [1280, 390]) {
          const page = await browser.newPage({ viewport: { width, height: 900 } });
          await page.goto(`${server.url}${prefix}${path}`, { waitUntil: 'networkidle' });
          const name = `${(prefix + path).replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${width}.png`;
          await page.screenshot({ path: join(artifacts, name), fullPage: true });
          // Nothing wider than the phone screen: the page itself never scrolls sideways.
          if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(392);
          await page.close();
        }
      }
    }
  }, 180_000);

  it('keeps every table caption of the kit readable on a phone: it wraps within the scroll region, never runs off its edge', async () => {
    // A caption lays out across its table's full width, so over a table wider than the screen its end sat in
    // the scrolled-away part (e.g. the promotions page's uplift caption at 390 px).
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    const clipped: string[] = [];
    for (const path of pagesOf(out)) {
      await page.goto(`${server.url}${path}`);
      const off = await page.$$eval('.table-scroll caption:not(.visually-hidden)', (captions) => captions.filter((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        return range.getBoundingClientRect().right > c.closest('.table-scroll')!.getBoundingClientRect().right + 1;
      }).map((c) => c.textContent!.trim()));
      clipped.push(...off.map((text) => `${path}: ${text}`));
    }
    await page.close();
    expect(clipped).toEqual([]);
  }, 180_000);
});

describe('other plans', () => {
  it('builds the blank seed without empty or broken pages', async () => {
    const site = join(work, 'blank');
    const built = shopplan(['build', 'seeds/blank', '--out', site, '--no-pdf']);
    expect(built.code, built.stderr).toBe(0);
    const local = await serve(site);
    for (const path of pagesOf(site)) {
      const { page, problems } = await open(path, local.url);
      expect(problems, path).toEqual([]);
      // The search page fills itself in the browser; every other page has content of its own.
      if (!path.endsWith('/search/')) expect((await page.locator('main').innerText()).trim().length, path).toBeGreaterThan(20);
      await page.close();
    }
    // Sections the blank plan leaves out are not built and not linked.
    expect(pagesOf(site)).not.toContain('/risks/');
    expect(readFileSync(join(site, 'index.html'), 'utf8')).not.toContain('/risks/');
    await local.close();
  }, 120_000);

  it('shows text with <script> from YAML as text, never runs it', async () => {
    const plan = join(work, 'xss');
    cpSync(join(ROOT, 'seeds/blank'), plan, { recursive: true });
    const payload = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    writeFileSync(join(plan, 'plan.yaml'), `${readFileSync(join(plan, 'plan.yaml'), 'utf8')}summary: '${payload}'\n`);
    const site = join(work, 'xss-site');
    const built = shopplan(['build', plan, '--out', site, '--no-pdf']);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('text-markup'); // warned, not refused
    const local = await serve(site);
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(`${local.url}/`);
    await expect.poll(() => page.getByText(payload).count()).toBe(1);
    expect(dialogs).toBe(0);
    await page.close();
    await local.close();
  }, 120_000);
});

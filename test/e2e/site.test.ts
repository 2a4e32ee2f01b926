// The built site in real Chromium. Fails (never skips) when Chromium is missing: CI installs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { findChromium, INSTALL_HINT, launchChromium } from '../../src/browser/chromium.ts';
import { shopplan, ROOT } from '../helpers/cli.ts';
import { serve } from '../helpers/static-server.ts';

const out = mkdtempSync(join(tmpdir(), 'shopplan-site-'));
const artifacts = join(ROOT, 'test-results');
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const chromium = findChromium();
  if (!chromium) throw new Error(`Chromium not found. ${INSTALL_HINT}`);
  const built = shopplan(['build', 'content', '--out', out]);
  if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}`);
  browser = await launchChromium(chromium);
  server = await serve(out);
  mkdirSync(artifacts, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('the example plan site', () => {
  it('loads the home page with no console errors or failed requests and shows the computed targets', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    const result = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8'));
    expect(await page.locator('h1').textContent()).toBe(result.meta.title['zh-CN']);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // one table row per target
    expect(await page.locator('section[aria-labelledby="targets"] tbody tr').count()).toBe(Object.keys(result.targets).length);
    await page.screenshot({ path: join(artifacts, 'home-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(artifacts, 'home-phone.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows text with <script> from YAML as text, never runs it', async () => {
    const plan = join(out, '..', `${out.split('/').pop()}-xss`);
    cpSync(join(ROOT, 'seeds/blank'), plan, { recursive: true });
    const payload = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    writeFileSync(join(plan, 'plan.yaml'), `${readFileSync(join(plan, 'plan.yaml'), 'utf8')}summary: '${payload}'\n`);
    const site = `${plan}-site`;
    const built = shopplan(['build', plan, '--out', site]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('text-markup'); // warned, not refused
    const xss = await serve(site);
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(`${xss.url}/`);
    await expect.poll(() => page.getByText(payload).count()).toBe(1);
    expect(dialogs).toBe(0);
    await page.close();
    await xss.close();
    rmSync(plan, { recursive: true, force: true });
    rmSync(site, { recursive: true, force: true });
  });
});

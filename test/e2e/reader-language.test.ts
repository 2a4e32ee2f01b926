// Reader pages speak the reader's language: no plan id, YAML path, file:line or snake_case in the text of any
// built page of either locale, and no Latin word on Chinese pages outside a short allow-list. Ids and paths
// come from the plan itself, so the test holds for any plan (the example and the blank seed here). Source
// references may stay in link targets and titles (for editors); only the text a reader sees is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { findChromium, INSTALL_HINT, launchChromium } from '../../src/browser/chromium.ts';
import { shopplan, ROOT } from '../helpers/cli.ts';
import { serve } from '../helpers/static-server.ts';
import { pagesOf } from '../helpers/built-site.ts';

const work = mkdtempSync(join(tmpdir(), 'shopplan-words-'));
let browser: Browser;

/**
 * Latin words a Chinese page may show: KPI short names and other all-capital abbreviations (GMV, ROAS, SKU),
 * units, the product's name, and brand names written in Latin letters.
 */
const ZH_LATIN_ALLOWED = /^(?:[A-Z0-9&]{2,}s?|[A-Z]|ShopPlan|kg|g|ml|cm|mm|min|h|vs|[A-Z][a-z]+[A-Z]\w*|iPhone|Excel|Word|PDF)$/;

/** Every string a plan gives as an id or a path (what a reader must never see), from all its YAML files. */
function planIdentifiers(dir: string): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, key?: string) => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    else if (typeof value === 'string' && (key === 'id' || key === 'path' || key === 'driver')) found.add(value);
  };
  const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : n.endsWith('.yaml') ? [join(d, n)] : []));
  for (const file of files(dir)) walk(parse(readFileSync(file, 'utf8')));
  // A one-word id may be an ordinary word in English text ("base"); ids of several parts never are.
  return [...found].filter((id) => /[-_.]/.test(id) && id.length >= 3);
}

/** The text a reader sees, split by language: each text node with the language it is in. */
function readerText(page: Page): Promise<{ lang: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { lang: string; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest('script, style, template, noscript')) continue;
      const text = node.textContent!.trim();
      if (text) out.push({ lang: parent.closest('[lang]')?.getAttribute('lang') ?? '', text });
    }
    // Names a screen reader speaks are text as well.
    for (const el of document.querySelectorAll('[aria-label]')) out.push({ lang: el.closest('[lang]')?.getAttribute('lang') ?? '', text: el.getAttribute('aria-label')! });
    return out;
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What is developer text on one page: ids and paths of the plan, file:line, snake_case, Latin on zh pages. */
function developerText(parts: { lang: string; text: string }[], ids: RegExp | null, zh: boolean): string[] {
  const found = new Set<string>();
  for (const { lang, text } of parts) {
    for (const m of text.matchAll(/[\w-]+\.ya?ml(?::\d+)?/g)) found.add(`file: ${m[0]}`);
    for (const m of text.matchAll(/\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g)) found.add(`snake_case: ${m[0]}`);
    if (ids) for (const m of text.matchAll(ids)) found.add(`id: ${m[0]}`);
    if (zh && !lang.startsWith('en')) {
      for (const m of text.matchAll(/[A-Za-z][A-Za-z’'-]*/g)) if (!ZH_LATIN_ALLOWED.test(m[0])) found.add(`latin: ${m[0]}`);
    }
  }
  return [...found];
}

beforeAll(async () => {
  const chromium = findChromium();
  if (!chromium) throw new Error(`Chromium not found. ${INSTALL_HINT}`);
  browser = await launchChromium(chromium);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('reader pages speak the reader\'s language', () => {
  it.each([['the example', 'content'], ['the blank seed', 'seeds/blank']])('on every page of %s, both locales', async (_, plan) => {
    const out = join(work, plan.replace(/\W/g, '-'));
    const built = shopplan(['build', plan, '--out', out, '--no-pdf']);
    expect(built.code, built.stderr).toBe(0);
    const list = planIdentifiers(join(ROOT, plan));
    const ids = list.length ? new RegExp(`(?<![\\w.-])(?:${list.map(escape).join('|')})(?![\\w-])`, 'g') : null;
    const server = await serve(out);
    const page = await browser.newPage();
    const problems: Record<string, string[]> = {};
    for (const path of pagesOf(out)) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      const found = developerText(await readerText(page), ids, !path.startsWith('/en/'));
      if (found.length) problems[path] = found;
    }
    await page.close();
    await server.close();
    expect(problems).toEqual({});
  }, 300_000);
});

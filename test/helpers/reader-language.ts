// What counts as developer text on a reader page: ids and paths of the plan, file:line, snake_case, months and
// dates as YAML writes them (2027-01), and on Chinese pages Latin words outside a short allow-list. Ids and paths
// come from the plan itself, so the check holds for any plan. Source references may stay in link targets and
// titles (for editors); only the text a reader sees (and the names a screen reader speaks) is checked.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';

/**
 * Latin words a Chinese page may show: KPI short names and other all-capital abbreviations (GMV, ROAS, SKU),
 * units, the product's name, and brand and tool names and loanwords written in Latin letters (Excel, Parquet, git, Logo).
 */
const ZH_LATIN_ALLOWED = /^(?:[A-Z0-9&]{2,}s?|ShopPlan|kg|ml|cm|mm|min|vs|[A-Z][a-z]+[A-Z]\w*|iPhone|Excel|Word|PDF|Parquet|Logo|git)$/;

/** A Latin word on a Chinese page that is not developer text: one letter (a variable of a formula: 第 m 月, r(k)) or
 *  a version label (v2027.1). */
const ZH_LATIN_NOTATION = /^(?:[A-Za-z]|v\d[\d.]*)$/;

/**
 * Every string a plan gives as an id or a path (what a reader must never see), from all its YAML files. An id
 * the plan's writers also use as a word in their own text ("the WeChat mini-program", "spring-tea season") is
 * an ordinary word there, not a leak.
 */
export function planIdentifiers(dir: string): string[] {
  const found = new Set<string>();
  const prose: string[] = [];
  const walk = (value: unknown, key?: string) => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    else if (typeof value === 'string') {
      if (key === 'id' || key === 'path' || key === 'driver') found.add(value);
      else if (key === 'en' || key === 'zh-CN') prose.push(value);
    }
  };
  const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));
  for (const file of files(dir)) {
    if (file.endsWith('.yaml')) walk(parse(readFileSync(file, 'utf8')));
    else if (file.endsWith('.mdx')) prose.push(readFileSync(file, 'utf8'));
  }
  const text = prose.join('\n');
  const isWord = (id: string) => new RegExp(`(?<![\\w.-])${escape(id)}(?![\\w-])`).test(text);
  // A one-word id may be an ordinary word in English text ("base"); ids of several parts never are.
  return [...found].filter((id) => /[-_.]/.test(id) && id.length >= 3 && !isWord(id));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern matching any of the ids as a whole word, or null when there are none. */
export function idPattern(ids: string[]): RegExp | null {
  return ids.length ? new RegExp(`(?<![\\w.-])(?:${ids.map(escape).join('|')})(?![\\w-])`, 'g') : null;
}

/**
 * A run of text a reader sees with the language it is in. `code` marks a code that comes from the data and has no
 * name (an SKU in the order files that the plan does not list), marked `translate="no"` on the page: it is in no
 * language, so it is not a Latin word on a Chinese page, but it must still not be a plan id.
 */
export interface TextPart { lang: string; text: string; code?: boolean }

/** The text a reader sees, each text node with the language it is in, plus the names a screen reader speaks. */
export function readerText(page: Page): Promise<TextPart[]> {
  return page.evaluate(() => {
    const out: { lang: string; text: string; code?: boolean }[] = [];
    const langOf = (el: Element) => el.closest('[lang]')?.getAttribute('lang') ?? '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest('script, style, template, noscript')) continue;
      const text = node.textContent!.trim();
      if (!text) continue;
      out.push({ lang: langOf(parent), text, ...(parent.closest('[translate="no"]') ? { code: true } : {}) });
    }
    for (const el of document.querySelectorAll('[aria-label]')) out.push({ lang: langOf(el), text: el.getAttribute('aria-label')! });
    return out;
  });
}

/** The developer text found in one page's text: plan ids and paths, file:line, snake_case, Latin on zh pages. */
export function developerText(parts: TextPart[], ids: RegExp | null, zh: boolean): string[] {
  const found = new Set<string>();
  for (const { lang, text, code } of parts) {
    for (const m of text.matchAll(/[\w-]+\.ya?ml(?::\d+)?/g)) found.add(`file: ${m[0]}`);
    for (const m of text.matchAll(/\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g)) found.add(`snake_case: ${m[0]}`);
    // Months, dates and quarters as the YAML writes them (2027-01, 2027-11-11, 2027-Q2), not as readers do.
    if (!code) for (const m of text.matchAll(/\b\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])(?:-\d{2})?\b/g)) found.add(`plan date: ${m[0]}`);
    if (ids) for (const m of text.matchAll(ids)) found.add(`id: ${m[0]}`);
    if (zh && !lang.startsWith('en') && !code) {
      for (const m of text.matchAll(/[A-Za-z][A-Za-z’'-]*/g)) if (!ZH_LATIN_ALLOWED.test(m[0]) && !ZH_LATIN_NOTATION.test(m[0])) found.add(`latin: ${m[0]}`);
    }
  }
  return [...found];
}

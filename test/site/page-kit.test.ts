// Pages are templates over the page kit (docs/site-kit.md): no table markup or scroll wrapper of their own,
// no label maps or page-local word lists, no ternaries on the locale, no hand-filled placeholders. Words come
// from the catalog through t(); tables from DataTable.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const PAGES = join(import.meta.dirname, '../../src/site/pages');


/** What a page on the kit never has, with the reason shown when it does. */
const HAND_BUILT: readonly [RegExp, string][] = [
  [/<table\b/, 'table markup (use DataTable)'],
  [/class=["'{`][^"'}`]*\bscroll\b/, 'a scroll wrapper (DataTable has its scroll region)'],
  [/\bconst L\b|\bconst [A-Z_]+: Record<[^>]*'zh-CN'/, 'a page-local word list or label map (use the catalog)'],
  [/locale === 'zh-CN' \?|\bzh \?|\{ 'zh-CN': /, 'words chosen by a ternary on the locale (use t())'],
  [/\bfill\(/, 'a hand-filled placeholder (use t() with arguments)'],
];

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? pages(p) : name.endsWith('.astro') ? [p] : [];
  });
}

const files = pages(PAGES).map((p) => ({ path: p, name: relative(join(PAGES, '[...locale]'), p), source: readFileSync(p, 'utf8') }));
const problems = (source: string) => HAND_BUILT.filter(([re]) => re.test(source)).map(([, why]) => why);

describe('pages on the page kit', () => {
  it.each(files.map((f) => [f.name, f.source]))('%s has no hand-built tables, label maps or locale ternaries', (_, source) => {
    expect(problems(source)).toEqual([]);
  });
});

// The search index reads each page with a space between block elements, so the text of neighbouring table
// cells, headings and list items stays separate words in search and snippets ("Optimistic Change Note", not
// "OptimisticChangeNote"), while inline markup inside a word or sentence is left as it is.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexSite, spacedBlocks } from '../../src/build/search-index.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

describe('search index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shopplan-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('separates the text of neighbouring blocks and keeps inline text together', () => {
    const page = '<main><h3>Optimistic</h3><table><tr><th>Change</th><th>Note</th></tr><tr><td>Tmall <b>con</b>version</td></tr></table><dl><dt>Information channels</dt><dd>JD</dd></dl></main>';
    expect(text(spacedBlocks(page))).toBe('Optimistic Change Note Tmall conversion Information channels JD');
  });

  it('indexes every page of a site, in its folders, into pagefind/', async () => {
    mkdirSync(join(dir, 'en', 'targets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<html lang="zh-CN"><body><main data-pagefind-body><h1>总览</h1><p>转化率</p></main></body></html>');
    writeFileSync(join(dir, 'en', 'targets', 'index.html'), '<html lang="en"><body><main data-pagefind-body><h1>Targets</h1><table><tr><th>Change</th><td>Note</td></tr></table></main></body></html>');
    expect(await indexSite(dir)).toEqual({ pages: 2 });
    expect(readdirSync(join(dir, 'pagefind'))).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json']));
  }, 60_000);
});

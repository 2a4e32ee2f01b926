// PDFs cached by content hash (src/build/print-cache.ts), with a fake printer: an unchanged site reprints
// nothing; a change to anything a print reads (a page, a stylesheet, a font) or to its date reprints; files
// no print reads (search index, plan.json, other versions) do not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printWithCache } from '../../src/build/print-cache.ts';
import { folderCache } from '../../src/versions/cache.ts';
import type { PrintedPdf, PrintOptions } from '../../src/pdf/print-site.ts';

let root: string;
let prints: number;

const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};

/** Writes one PDF per locale whose bytes name the print. */
async function fakePrint(options: PrintOptions): Promise<PrintedPdf[]> {
  prints++;
  mkdirSync(options.outDir, { recursive: true });
  return options.locales.map((locale) => {
    const file = join(options.outDir, `plan.${locale}.pdf`);
    writeFileSync(file, `%PDF print ${prints}`);
    return { locale, kind: 'plan' as const, file, pages: 7, bytes: 16 };
  });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'shopplan-print-cache-'));
  prints = 0;
  const site = join(root, 'site');
  write(join(site, 'index.html'), '<h1>Plan</h1>');
  write(join(site, 'board', 'index.html'), '<h1>Board</h1>');
  write(join(site, '_astro', 'site.css'), 'body{}');
  write(join(site, '_astro', 'font.woff2'), 'font');
  write(join(site, 'pagefind', 'index.json'), '{}');
  write(join(site, 'plan.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const options = (overrides: Partial<PrintOptions> = {}): PrintOptions => ({
  siteDir: join(root, 'site'),
  outDir: join(root, 'site', 'pdf'),
  locales: ['zh-CN', 'en'],
  chromium: process.execPath,
  date: { date: new Date('2026-11-20T08:00:00Z'), day: '2026-11-20' },
  ...overrides,
});

describe('printWithCache', () => {
  it('prints once, then copies the same PDFs from the cache into a fresh output', async () => {
    const cache = folderCache(join(root, 'cache'));
    const first = await printWithCache(options(), cache, fakePrint);
    expect(first.cached).toBe(false);
    rmSync(join(root, 'site', 'pdf'), { recursive: true });
    const second = await printWithCache(options(), cache, fakePrint);
    expect(second.cached).toBe(true);
    expect(prints).toBe(1);
    expect(second.key).toBe(first.key);
    expect(second.printed).toEqual(first.printed);
    expect(readFileSync(join(root, 'site', 'pdf', 'plan.en.pdf'), 'utf8')).toBe('%PDF print 1');
  });

  it('reprints when a page, a stylesheet or a font changes, or the date, the locales or the base', async () => {
    const cache = folderCache(join(root, 'cache'));
    await printWithCache(options(), cache, fakePrint);
    const changes: Array<[string, () => PrintOptions]> = [
      ['page', () => (write(join(root, 'site', 'board', 'index.html'), '<h1>Board 2</h1>'), options())],
      ['stylesheet', () => (write(join(root, 'site', '_astro', 'site.css'), 'body{color:red}'), options())],
      ['font', () => (write(join(root, 'site', '_astro', 'font.woff2'), 'font 2'), options())],
      ['new file', () => (write(join(root, 'site', 'targets', 'index.html'), '<h1>Targets</h1>'), options())],
      ['date', () => options({ date: { date: new Date('2026-12-01T08:00:00Z'), day: '2026-12-01' } })],
      ['locales', () => options({ locales: ['zh-CN'] })],
      ['base', () => options({ base: '/plan/' })],
    ];
    for (const [what, change] of changes) {
      const before = prints;
      expect((await printWithCache(change(), cache, fakePrint)).cached, what).toBe(false);
      expect(prints, what).toBe(before + 1);
    }
  });

  it('does not reprint for files no print reads: the search index, plan.json, other versions, old PDFs', async () => {
    const cache = folderCache(join(root, 'cache'));
    await printWithCache(options(), cache, fakePrint);
    write(join(root, 'site', 'pagefind', 'index.json'), '{"changed":1}');
    write(join(root, 'site', 'plan.json'), '{"changed":1}');
    write(join(root, 'site', 'v', 'v1', 'index.html'), 'old version');
    write(join(root, 'site', 'pdf', 'plan.en.pdf'), 'stale');
    expect((await printWithCache(options(), cache, fakePrint)).cached).toBe(true);
    expect(prints).toBe(1);
  });

  it('without a cache, prints every time', async () => {
    await printWithCache(options(), null, fakePrint);
    await printWithCache(options(), null, fakePrint);
    expect(prints).toBe(2);
  });
});

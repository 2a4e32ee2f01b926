// Chapter text whose Markdown parse would take quadratic time (the pathological inputs known from
// CommonMark parsers) is refused before parsing, with a located mdx-too-complex diagnostic; prose passes.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTER_LIMITS, ChapterBudget, type ChapterLimit } from '../../src/load/mdx-limits.ts';
import { parseMdx } from '../../src/load/parse-mdx.ts';

const HEAD = '---\ntitle: x\norder: 1\n---\n\n';
const N = 20_000;

/** Shapes from cmark's pathological tests and micromark's slow paths, each about 20 KB, and the bound that stops it. */
const SHAPES: Array<[string, string, ChapterLimit]> = [
  ['nested strong emphasis', `${'*a **a '.repeat(N / 8)}b${' a** a*'.repeat(N / 8)}`, 'emphasis'],
  ['emphasis closers without openers', 'a_ '.repeat(N / 3), 'emphasis'],
  ['emphasis openers without closers', '_a '.repeat(N / 3), 'emphasis'],
  ['mismatched openers and closers', '*a_ '.repeat(N / 4), 'emphasis'],
  ['a run of asterisks', `${'*'.repeat(N / 2)}x${'*'.repeat(N / 2)}`, 'emphasis'],
  ['strike-through openers', '~a '.repeat(N / 3), 'emphasis'],
  ['link closers without openers', 'a]'.repeat(N / 2), 'brackets'],
  ['link openers without closers', '[a'.repeat(N / 2), 'brackets'],
  ['nested brackets', `${'['.repeat(N / 2)}a${']'.repeat(N / 2)}`, 'brackets'],
  ['unclosed links', '[a](b'.repeat(N / 5), 'brackets'],
  ['nested block quotes', `${'> '.repeat(N / 2)}a`, 'depth'],
  ['nested lists', `${'- '.repeat(N / 2)}a`, 'depth'],
  ['deeply indented lists', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}* a`).join('\n'), 'depth'],
  ['separate block quotes', '> a\n\n'.repeat(N / 5), 'blockQuotes'],
  ['many short lines', 'a\n'.repeat(N / 2), 'lines'],
  ['a long table', `|a|b|\n|-|-|\n${'|1|2|\n'.repeat(N / 6)}`, 'tableRows'],
  ['a wide table', `|${'a|'.repeat(N / 4)}\n|${'-|'.repeat(N / 4)}\n`, 'tableColumns'],
  ['many tags', '<b>x</b> '.repeat(N / 4), 'marks'],
  ['many code spans', '`a` '.repeat(N / 2), 'marks'],
  ['many escapes', '\\* '.repeat(N / 3), 'marks'],
  ['lines in quotes in lists', `${'- > - a\n'.repeat(N / 8)}`, 'nesting'],
];

describe('chapter bounds', () => {
  for (const [name, body, limit] of SHAPES) {
    it(`${name}: refused (${limit}) before parsing, at a line of the chapter`, () => {
      const text = `${HEAD}${body}\n`;
      const over = new ChapterBudget().take(text);
      expect(over?.limit).toBe(limit);
      const { diagnostics, chapter } = parseMdx('c.mdx', 'chapters/c.mdx', text);
      expect(chapter).toBeUndefined();
      expect(diagnostics.map((d) => d.code)).toEqual(['mdx-too-complex']);
      expect(diagnostics[0]!.startLine).toBeGreaterThanOrEqual(1);
      expect(diagnostics[0]!.startLine).toBeLessThanOrEqual(text.split('\n').length);
    });
  }

  it('counts emphasis and brackets per paragraph: a blank line starts again', () => {
    const paragraph = `${'**bold** '.repeat(CHAPTER_LIMITS.emphasis / 4)}[a](b)\n\n`;
    expect(new ChapterBudget().take(HEAD + paragraph.repeat(20))).toBeUndefined();
    expect(new ChapterBudget().take(HEAD + paragraph.replace('\n\n', '\n').repeat(2))?.limit).toBe('emphasis');
  });

  it('does not count escaped marks towards emphasis', () => {
    expect(new ChapterBudget().take(`${HEAD}${'\\*'.repeat(CHAPTER_LIMITS.emphasis * 2)}\n`)).toBeUndefined();
  });

  it('holds the bounds for all chapters of a plan together', () => {
    const budget = new ChapterBudget();
    const chapter = `${HEAD}${'a\n'.repeat(CHAPTER_LIMITS.lines / 2 - 10)}`;
    expect(budget.take(chapter)).toBeUndefined();
    expect(budget.take(chapter)).toBeUndefined();
    expect(budget.take(chapter)?.limit).toBe('lines');
  });

  it('leaves the example plan far inside every bound', () => {
    const dir = new URL('../../content/chapters/', import.meta.url);
    const budget = new ChapterBudget();
    const texts = readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8'));
    for (const text of [...texts, ...texts, ...texts]) expect(budget.take(text)).toBeUndefined();
  });
});

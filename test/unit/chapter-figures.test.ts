// Charts and tables in chapters (`::chart{series=…}`, `::table{of=…}`): validation accepts exactly the registry's
// names on a line of their own and locates every other spelling with a suggestion; rendering places each
// figure between whole runs of HTML, drawn for any plan (example, blank seed, generated) in the chapter's language.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { CHAPTER_CHARTS, CHAPTER_TABLES, FIGURE_DIRECTIVES, FIGURE_KINDS } from '../../src/model/chapter-figures.ts';
import { renderChapter, type ChapterPart } from '../../src/site/render-chapter.ts';
import type { Cell } from '../../src/site/kit.ts';
import { LOCALES } from '../../src/i18n/locale.ts';
import { generateLargePlan } from '../../scripts/gen-large-plan.ts';
import { files, folderFiles, minimalPlan } from '../helpers/plan.ts';
import { ROOT } from '../helpers/cli.ts';

const org = { teams: [{ id: 'ops', name: 'Ops', mission: 'm', responsibilities: ['r'] }] };
const chapter = (body: string) => `---\ntitle: A\norder: 1\n---\n\n${body}\n`;
/** The figure diagnostics of a chapter body: `line:column reason`, its body starting on line 6. */
const figureErrors = (body: string) =>
  checkPlanFiles('p', files({ 'plan.yaml': minimalPlan, 'org.yaml': org, 'chapters/a.mdx': chapter(body) }))
    .diagnostics.filter((d) => d.code === 'mdx-unknown-figure')
    .map((d) => `${d.startLine}:${d.startColumn} ${d.reason}`);

const ALL = FIGURE_KINDS.flatMap((kind) => Object.keys(FIGURE_DIRECTIVES[kind].names).map((name) => `::${kind}{${FIGURE_DIRECTIVES[kind].attribute}=${name}}`));

describe('validation of chart and table directives', () => {
  it('accepts every name of the registry, with or without a title of its own', () => {
    expect(figureErrors(ALL.join('\n\n'))).toEqual([]);
    expect(figureErrors('::chart[逐月 GMV]{series=gmv-by-month}')).toEqual([]);
  });

  it.each([
    ['::chart{series=gmv-by-chanel}', '6:1 ::chart{series=gmv-by-chanel} names no chart ShopPlan can place. Did you mean "gmv-by-channel"?'],
    ['::table{of=pnl-by-quater}', '6:1 ::table{of=pnl-by-quater} names no table ShopPlan can place. Did you mean "pnl-by-quarter"?'],
    ['::table{of=everything}', '6:1 ::table{of=everything} names no table ShopPlan can place.'],
    ['::chart{serie=gmv-by-month}', '6:1 ::chart{…} has no attribute "serie"; it takes only series=…. Did you mean "series"?'],
    ['::chart{series=gmv-by-month type=line}', '6:1 ::chart{…} has no attribute "type"; it takes only series=….'],
    ['::table', '6:1 ::table{…} needs of=… to name the table it places.'],
    ['::table{of}', '6:1 ::table{…} needs of=… to name the table it places.'],
    ['Text :chart{series=gmv-by-month} in a sentence.', '6:6 ::chart{…} must stand on a line of its own, outside sentences, lists, quotes and tables.'],
    ['Text ::table{of=targets} in a sentence.', '6:6 ::table{…} must stand on a line of its own, outside sentences, lists, quotes and tables.'],
    ['- ::table{of=targets}', '6:3 ::table{…} must stand on a line of its own, outside sentences, lists, quotes and tables.'],
    ['> ::chart{series=gmv-by-month}', '6:3 ::chart{…} must stand on a line of its own, outside sentences, lists, quotes and tables.'],
    [':::chart{series=gmv-by-month}\ntext\n:::', '6:1 ::chart{…} must stand on a line of its own, outside sentences, lists, quotes and tables.'],
  ])('locates %j with what to write instead', (body, expected) => {
    expect(figureErrors(body)).toEqual([expected]);
  });

  it('leaves prose that only looks like a directive alone (Excel:table, see:chart)', () => {
    expect(figureErrors('Keep the list in Excel:table and see:chart.')).toEqual([]);
  });
});

// The plans every figure must draw on: the example, the blank seed (no channels, no stock) and a generated plan.
const work = mkdtempSync(join(tmpdir(), 'shopplan-figures-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const PLANS: Array<[string, () => string]> = [
  ['the example', () => join(ROOT, 'content')],
  ['the blank seed', () => join(ROOT, 'seeds/blank')],
  ['a generated plan', () => (generateLargePlan(join(work, 'large'), { skus: 40, channels: 6, months: 18 }), join(work, 'large'))],
];

const cellText = (cell: Cell): string => String(typeof cell === 'object' && cell !== null ? (cell.value ?? '') : (cell ?? ''));
const cellNumber = (cell: Cell): unknown => (typeof cell === 'object' && cell !== null ? cell.value : cell);

describe.each(PLANS)('every chart and table on %s', (_, dir) => {
  const check = checkPlanFiles('plan', folderFiles(dir()));
  const input = check.input!;
  const result = check.result!;
  const ids = new Set([...Object.keys(result.channels), ...Object.keys(result.targets), ...Object.keys(result.products.skus)]);

  it.each(LOCALES)('is drawn between whole runs of the chapter in %s, with names, never ids, and finite numbers', (locale) => {
    const names = [...Object.keys(CHAPTER_CHARTS), ...Object.keys(CHAPTER_TABLES)];
    const parts = renderChapter(chapter(`Before **all**.\n\n${ALL.join('\n\nBetween.\n\n')}\n\nAfter.`), { input, result }, locale);
    // One HTML run before, between and after the figures: [html, figure, html, figure, …, html].
    expect(parts.map((p) => ('html' in p ? 'html' : 'figure'))).toEqual(['html', ...names.flatMap(() => ['figure', 'html'])]);
    expect(parts[0]).toEqual({ html: '<p>Before <strong>all</strong>.</p>' });
    const figures = parts.filter((p): p is Exclude<ChapterPart, { html: string }> => !('html' in p));
    for (const [i, figure] of figures.entries()) {
      const texts: string[] = [];
      if ('chart' in figure) {
        const { chart } = figure;
        texts.push(chart.title, ...chart.series.map((s) => s.label));
        for (const s of chart.series) {
          const values = Object.entries(s.values ?? {});
          expect(values.map(([m]) => m).every((m) => result.meta.horizon.months.includes(m)), names[i]).toBe(true);
          expect(values.every(([, v]) => v === undefined || Number.isFinite(v)), names[i]).toBe(true);
        }
      } else if ('table' in figure) {
        const { table } = figure;
        texts.push(table.caption, ...table.columns.map((c) => c.label));
        for (const row of [...table.rows.map((r) => r.cells), table.totals ?? {}]) {
          for (const c of table.columns) {
            const cell = row[c.key];
            const value = cellNumber(cell);
            if (typeof value === 'number') expect(Number.isFinite(value), `${names[i]} ${c.key}`).toBe(true);
            else texts.push(cellText(cell));
          }
        }
      } else {
        // Nothing to show on this plan: a sentence says so, in the chapter's language.
        expect(figure.note).toMatch(locale === 'en' ? /: the plan has no figures for this yet\.$/ : /：本计划还没有可以展示的数据。$/);
        texts.push(figure.note);
      }
      for (const text of texts) expect(ids.has(text), `${names[i]} shows the id "${text}"`).toBe(false);
    }
  });
});

describe('rendering chapters with figures', () => {
  const check = checkPlanFiles('plan', folderFiles(join(ROOT, 'content')));
  const data = { input: check.input!, result: check.result! };

  it('gives a chapter title in brackets to the figure and drops a figure validation refuses', () => {
    const parts = renderChapter(chapter('::table[我们的目标]{of=targets}\n\n::chart{series=nothing}\n\n- ::chart{series=gmv-by-month}'), data, 'zh-CN');
    expect(parts).toHaveLength(2);
    expect('table' in parts[0]! && parts[0].table.caption).toBe('我们的目标');
    expect(parts[1]).toEqual({ html: '<ul>\n<li></li>\n</ul>' });
  });

  it('keeps every run of HTML whole, wherever prose, lists, quotes and figures fall', () => {
    const block = fc.constantFrom('Text with **bold** and a [link](https://example.com).', '- one\n- two', '> quoted', '| a | b |\n|---|---|\n| 1 | 2 |', '::chart{series=profit-by-month}', '::table{of=channel-funnel}', '[^1]: a note', 'See[^1].');
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        const parts = renderChapter(chapter(blocks.join('\n\n')), data, 'en');
        expect(parts.filter((p) => !('html' in p))).toHaveLength(blocks.filter((b) => b.startsWith('::')).length);
        for (const part of parts) {
          if (!('html' in part)) continue;
          // Balanced: every element opened in a run is closed in it.
          const open = [...part.html.matchAll(/<(\/?)(p|ul|li|blockquote|table|section|ol|strong|a)\b/g)].reduce((n, m) => n + (m[1] ? -1 : 1), 0);
          expect(open, part.html).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});

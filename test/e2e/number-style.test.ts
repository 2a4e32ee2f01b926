// One number style per locale on built pages, for any plan (the example, the blank seed, a generated large
// plan): no 万/亿 figure with two decimals, no fractional people or orders, one K/M/B scale per English table
// column, exact yuan only in the P&L detail, and the same figure reading the same on two pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { shopplan, ROOT } from '../helpers/cli.ts';
import { generateLargePlan } from '../../scripts/gen-large-plan.ts';

const work = mkdtempSync(join(tmpdir(), 'shopplan-numbers-'));
const PLANS: Record<string, string> = { example: join(ROOT, 'content'), blank: join(ROOT, 'seeds/blank'), large: join(work, 'large-plan') };

beforeAll(() => {
  generateLargePlan(PLANS.large!, { skus: 300, channels: 12, months: 36 });
  for (const [name, dir] of Object.entries(PLANS)) {
    const built = shopplan(['build', dir, '--out', join(work, name), '--no-pdf', '--versions', 'none']);
    if (built.code !== 0) throw new Error(`${name}: build failed:\n${built.stderr}`);
  }
}, 900_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every built page of a site: its URL path and HTML. */
function pages(dir: string): { path: string; html: string }[] {
  const found: { path: string; html: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(p);
      } else if (name === 'index.html') found.push({ path: `/${relative(dir, d)}/`.replace(/\/+/g, '/'), html: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return found;
}

const strip = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ');
/** The visible text of a page, without the chart data in attributes. */
const textOf = (html: string) => strip(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ''));

interface KitTable { caption: string; rows: { format: string; text: string }[][] }
/** The kit's data tables of a page: per row, each cell's column format and text. */
function kitTables(html: string): KitTable[] {
  return [...html.matchAll(/<table class="data-table[^"]*"[^>]*>([\s\S]*?)<\/table>/g)].map((t) => ({
    caption: strip(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(t[1]!)?.[1] ?? '').trim(),
    rows: [...t[1]!.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((tr) =>
      [...tr[1]!.matchAll(/<t[hd]\b[^>]*?(?:data-format="([^"]+)")?[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => ({ format: c[1] ?? '', text: strip(c[2]!).replace(/\s+/g, ' ').trim() })),
    ),
  }));
}

const SUFFIX = /[\d.](K|M|B|万|亿)$/;

describe.each(Object.keys(PLANS))('numbers on the %s plan’s pages', (plan) => {
  const site = () => pages(join(work, plan));

  it('finds the kit’s tables on its pages (so the table checks below are not vacuous)', () => {
    const tables = site().flatMap(({ html }) => kitTables(html));
    expect(tables.length).toBeGreaterThan(5);
    expect(tables.every((t) => t.rows.length > 0)).toBe(true);
  });

  it('never write 万 or 亿 with two decimals', () => {
    for (const { path, html } of site()) expect(textOf(html).match(/\d\.\d{2,}\s*(万|亿)/g) ?? [], path).toEqual([]);
  });

  it('write counts of people and orders as whole numbers (scaled with at most one decimal)', () => {
    // Under one unit of an English column's scale a figure keeps two significant digits, as money does (¥0.45M):
    // 60,000 clicks in a column of millions read 0.06M, not 0.1M.
    for (const { path, html } of site())
      for (const table of kitTables(html))
        for (const cell of table.rows.flat().filter((c) => c.format === 'count' && c.text !== '—'))
          expect(cell.text, `${path} ${table.caption}`).toMatch(/^-?[\d,]+$|^-?\d[\d,]*(\.\d)?(K|M|B|万|亿)$|^-?0\.0*[1-9]\d?(K|M|B)$/);
  });

  it('give each English table column one scale', () => {
    for (const { path, html } of site().filter((p) => p.path.startsWith('/en/')))
      for (const table of kitTables(html)) {
        const width = Math.max(0, ...table.rows.map((r) => r.length));
        for (let i = 1; i < width; i++) {
          const scales = new Set(table.rows.map((r) => r[i]).filter((c) => c && /^(money|count|number)$/.test(c.format)).map((c) => SUFFIX.exec(c!.text)?.[1]).filter(Boolean));
          expect([...scales], `${path} ${table.caption} column ${i + 1}`).toHaveLength(Math.min(scales.size, 1));
        }
      }
  });

  it('show exact yuan of a million or more only in the P&L detail, version changes and "how is this calculated"', () => {
    for (const { path, html } of site()) {
      // Exactness matters where readers add up or review: the monthly P&L, what a pull request changes (delta-money),
      // and the inputs of a formula they can redo.
      const withoutDetail = html.replace(/<td\b[^>]*data-format="(exact-money|delta-money)"[^>]*>[\s\S]*?<\/td>/g, '').replace(/<details class="explain"[\s\S]*?<\/details>/g, '');
      expect(textOf(withoutDetail).match(/[¥$€]\s?-?\d{1,3}(,\d{3}){2,}(?![\d.])/g) ?? [], path).toEqual([]);
    }
  });

  it('write the same figure the same way on two pages: full-year GMV on the P&L and the channel totals', () => {
    for (const prefix of ['/', '/en/']) {
      const pnl = join(work, plan, prefix, 'pnl/index.html');
      const channels = join(work, plan, prefix, 'channels/index.html');
      if (!existsSync(pnl) || !existsSync(channels)) continue;
      const pnlGmv = kitTables(readFileSync(pnl, 'utf8'))[0]!.rows.find((r) => /^(GMV)$/.test(r[0]!.text))!.at(-1)!.text;
      const summary = kitTables(readFileSync(channels, 'utf8'))[0]!;
      const gmvColumn = summary.rows[0]!.findIndex((c) => c.text === 'GMV');
      // With one channel there is no totals row: the channel's own row is the total.
      const totalRow = summary.rows.at(-1)!;
      expect(totalRow[gmvColumn]!.text, `${plan} ${prefix}`).toBe(pnlGmv);
    }
  });
});

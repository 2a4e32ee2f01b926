// The number style of a table column: zh-CN figures in 万/亿 with at most one decimal (as on a stat tile),
// en columns in one scale (K, M or B) picked by their largest figure, whole counts, — for what is missing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnFormatter, formatCell, formatInUnit } from '../../src/i18n/table-format.ts';
import { formatValue } from '../../src/i18n/format.ts';

const column = (values: readonly unknown[], format: Parameters<typeof columnFormatter>[1], locale: 'zh-CN' | 'en') => values.map(columnFormatter(values, format, locale));
const suffix = (s: string) => /[KMB万亿]$/.exec(s)?.[0] ?? '';
const decimals = (s: string) => /[.](\d+)/.exec(s)?.[1]?.length ?? 0;

describe('table column format', () => {
  it('writes an English money column in the scale of its largest figure', () => {
    // Largest 36,804,512 → M; 450,000 / 1e6 = 0.45 (two significant digits under one M); 5,000 < 10,000 keeps its digits.
    expect(column([36_804_512, 450_000, 5_000], 'money', 'en')).toEqual(['¥36.8M', '¥0.45M', '¥5,000']);
    // Largest 415,612 → K: 415.6K people; 12,345 → 12.3K.
    expect(column([415_612.4, 12_345], 'count', 'en')).toEqual(['415.6K', '12.3K']);
    // 999,960 rounds to 1M on its own, so its column is in M.
    expect(column([999_960, 20_000], 'money', 'en')).toEqual(['¥1M', '¥0.02M']);
  });

  it('writes Chinese figures in 万/亿 with at most one decimal, as a stat tile does', () => {
    expect(column([36_804_512, 150_000_000, 9_500], 'money', 'zh-CN')).toEqual(['¥3,680.5万', '¥15,000万', '¥9,500']);
    for (const v of [36_804_512, 150_000_000, 9_500]) expect(formatCell(v, 'money', 'zh-CN')).toBe(formatValue(v, 'money', 'zh-CN'));
  });

  it('keeps all digits in the exact style, rates as percentages, changes signed, — for what is missing', () => {
    expect(column([36_804_512.4], 'exact-money', 'zh-CN')).toEqual(['¥36,804,512']);
    expect(column([0.0325, 0.36], 'rate', 'en')).toEqual(['3.25%', '36%']);
    expect(column([0.125], 'growth', 'en')).toEqual(['+12.5%']);
    const f = columnFormatter([null, undefined, '', Number.NaN, 'Mar 2027'], 'money', 'en');
    expect([null, undefined, '', Number.NaN, 'Mar 2027'].map(f)).toEqual(['—', '—', '—', '—', 'Mar 2027']);
    expect(formatCell('2027-03', 'month', 'zh-CN')).toBe('2027年3月');
    expect(formatCell('', 'text', 'en')).toBe('—');
  });

  it('writes changes signed and exact in both languages: money to the yuan, rates as percentages, zero unsigned', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(column([1_400_000, -1_000_000, 0, null], 'delta-money', locale)).toEqual(['+¥1,400,000', '-¥1,000,000', '¥0', '—']);
      expect([0.0025, -0.15, 0].map((v) => formatInUnit(v, 'rate', 'delta-money', locale))).toEqual(['+0.25%', '-15%', '0%']);
    }
    // never in the column's compact scale, even beside a figure in the millions
    expect(column([36_804_512, 450_000], 'delta-money', 'en')).toEqual(['+¥36,804,512', '+¥450,000']);
    for (const format of ['delta-money', 'exact-money', 'growth'] as const) expect(formatCell('added', format, 'en')).toBe('added');
  });

  it('writes a cell with a unit of its own in its column’s style: signed in a column of changes, exact in an exact column', () => {
    expect(formatInUnit(-500, 'count', 'delta-money', 'en')).toBe('-500');
    expect(formatInUnit(0.005, 'rate', 'delta-money', 'zh-CN')).toBe('+0.5%');
    expect(formatInUnit(0.25, 'ratio', 'delta-money', 'en')).toBe('+0.25');
    expect(formatInUnit(8_800_000, 'money', 'exact-money', 'zh-CN')).toBe('¥8,800,000');
    expect(formatInUnit(8_800_000, 'money', 'money', 'zh-CN')).toBe('¥880万');
    expect(formatInUnit(null, 'money', 'delta-money', 'en')).toBe('—');
  });

  it('passes words through a month or date column (a totals row labels itself in the first column) instead of reading them as a date', () => {
    expect(column(['2027-03', 'Total'], 'month', 'en')).toEqual(['Mar 2027', 'Total']);
    expect(column(['2027-03-15', '合计'], 'date', 'zh-CN')).toEqual([formatCell('2027-03-15', 'date', 'zh-CN'), '合计']);
    expect(column([undefined], 'month', 'en')).toEqual(['—']);
  });

  it('property: an English money or count column never mixes scales, and no figure has more than one decimal once scaled from 1 up', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e11, max: 1e11, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.constantFrom('money' as const, 'count' as const), (values, format) => {
        const cells = column(values, format, 'en');
        expect(new Set(cells.map(suffix).filter(Boolean)).size, cells.join(' ')).toBeLessThanOrEqual(1);
        cells.forEach((s, i) => {
          if (suffix(s) && Math.abs(Number(s.replace(/[^\d.]/g, ''))) >= 1) expect(decimals(s), s).toBeLessThanOrEqual(1);
          if (!suffix(s) && format === 'count') expect(s, `${values[i]}`).toMatch(/^-?[\d,]+$/);
        });
      }),
    );
  });

  it('property: a Chinese figure never carries two decimals in 万 or 亿, and counts are whole', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.constantFrom('money' as const, 'count' as const, 'number' as const), (values, format) => {
        for (const s of column(values, format, 'zh-CN')) {
          if (suffix(s)) expect(decimals(s), s).toBeLessThanOrEqual(1);
          else if (format === 'count') expect(s).toMatch(/^-?[\d,]+$/);
        }
      }),
    );
  });
});

// One number style per locale: zh-CN 万/亿 and en K/M with at most one decimal in the compact style, counts
// as whole numbers, rates as percentages; `—` for a value that does not exist.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, formatExact, formatGrowth, formatMonth, formatPeriod, formatQuarter, formatTimeZone, formatValue, joinList } from '../../src/i18n/format.ts';

const decimals = (s: string) => (/[.](\d+)/.exec(s)?.[1]?.length ?? 0);

describe('format', () => {
  it('writes large money in 万/亿 and K/M with at most one decimal', () => {
    expect(formatValue(36_804_512, 'money', 'zh-CN')).toBe('¥3,680.5万');
    // 万 up to 10亿, so a figure keeps three significant digits: ¥150 m and ¥153.3 m do not both read ¥1.5亿.
    expect(formatValue(150_000_000, 'money', 'zh-CN')).toBe('¥15,000万');
    expect(formatValue(153_265_000, 'money', 'zh-CN')).toBe('¥15,326.5万');
    expect(formatValue(-3_369_000, 'money', 'zh-CN')).toBe('-¥336.9万');
    // 999,999,500 would round to 100,000万: it reads 10亿; 1,530,000,000 ÷ 10⁸ = 15.3亿.
    expect(formatValue(999_999_500, 'money', 'zh-CN')).toBe('¥10亿');
    expect(formatValue(1_530_000_000, 'money', 'zh-CN')).toBe('¥15.3亿');
    expect(formatValue(417_368, 'count', 'zh-CN')).toBe('41.7万');
    expect(formatValue(36_804_512, 'money', 'en')).toBe('¥36.8M');
    expect(formatValue(150_000_000, 'money', 'en')).toBe('¥150M');
  });

  it('keeps fen only on small money (both digits of them), and shows all digits in the exact style', () => {
    expect(formatValue(12.5, 'money', 'en')).toBe('¥12.50');
    expect(formatValue(-2.4, 'money', 'zh-CN', { signed: true })).toBe('-¥2.40');
    expect(formatValue(12.999, 'money', 'en')).toBe('¥13');
    expect(formatValue(72.76, 'money', 'en')).toBe('¥72.76');
    expect(formatValue(235, 'money', 'zh-CN')).toBe('¥235');
    expect(formatExact(36_804_512.33, 'money', 'zh-CN')).toBe('¥36,804,512');
    expect(formatValue(1_000, 'money', 'en', { currency: 'USD' })).toBe('$1,000');
  });

  it('property: money below ¥100 reads in whole yuan or with both digits of its fen, never one', () => {
    fc.assert(
      fc.property(fc.double({ min: -99.99, max: 99.99, noNaN: true }), fc.constantFrom('zh-CN' as const, 'en' as const), fc.boolean(), (value, locale, signed) => {
        const s = formatValue(value, 'money', locale, { signed });
        expect([0, 2], s).toContain(decimals(s));
      }),
    );
  });

  it('property: compact values never carry more than one decimal, in either locale and any unit but rates', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom('money', 'count', 'number', 'days'), fc.constantFrom('zh-CN' as const, 'en' as const), (value, unit, locale) => {
        const s = formatValue(value, unit, locale);
        if (Math.abs(value) >= 10_000) expect(decimals(s), s).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('property: counts are whole numbers (people and orders are never fractional)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 9_999.4, noNaN: true }), fc.constantFrom('zh-CN' as const, 'en' as const), (value, locale) => {
        expect(formatValue(value, 'count', locale)).toMatch(/^[\d,]+$/);
        expect(formatExact(value, 'count', locale)).toMatch(/^[\d,]+$/);
      }),
    );
    expect(formatValue(415_612.4, 'count', 'en')).toBe('415.6K');
  });

  it('writes rates as percentages and growth with its sign', () => {
    expect(formatValue(0.0325, 'rate', 'en')).toBe('3.25%');
    expect(formatValue(0.36, 'rate', 'zh-CN')).toBe('36%');
    expect(formatGrowth(0.125, 'en')).toBe('+12.5%');
    expect(formatGrowth(-0.03, 'zh-CN')).toBe('-3%');
  });

  it('shows — for values that do not exist', () => {
    for (const v of [null, undefined, Number.NaN, Infinity]) expect(formatValue(v, 'money', 'zh-CN')).toBe('—');
    expect(formatGrowth(null, 'en')).toBe('—');
  });

  it('names months, quarters, periods and dates in the reader’s language', () => {
    expect(formatMonth('2027-03', 'zh-CN')).toBe('2027年3月');
    expect(formatMonth('2027-03', 'en')).toBe('Mar 2027');
    expect(formatQuarter('2027-Q2', 'zh-CN')).toBe('2027年第2季度');
    expect(formatQuarter('2027-Q2', 'en')).toBe('Q2 2027');
    expect(formatQuarter('2027-Q2', 'zh-CN', { year: false })).toBe('第2季度');
    expect(formatQuarter('2027-Q2', 'en', { year: false })).toBe('Q2');
    expect(formatPeriod('all', 'zh-CN')).toBe('全年');
    expect(formatPeriod('2027-Q4', 'en')).toBe('Q4 2027');
    expect(formatPeriod('2027-11', 'en')).toBe('Nov 2027');
    expect(formatDate('2027-11-11', 'zh-CN')).toBe('2027年11月11日');
    expect(joinList(['天猫', '京东', '抖音'], 'zh-CN')).toBe('天猫、京东和抖音');
    expect(joinList(['Tmall', 'JD', 'Douyin'], 'en')).toBe('Tmall, JD, and Douyin');
  });

  it('names a time zone in words, and keeps a zone it does not know as written', () => {
    expect(formatTimeZone('Asia/Shanghai', 'zh-CN')).toBe('中国标准时间');
    expect(formatTimeZone('Asia/Shanghai', 'en')).toBe('China Standard Time');
    expect(formatTimeZone('Mars/Olympus', 'en')).toBe('Mars/Olympus');
  });
});

// Charts write their numbers as the tables beside them do (issue #13 §4, "the same figure reads the same
// everywhere"): the chart script formatted ticks and tooltips with Intl's compact notation, so the board's GMV axis
// read ¥6000万 beside a table of ¥3,825万, and a year's ¥153,265,000 would read ¥1.5亿 against the table's ¥15,326.5万.
import { describe, expect, it } from 'vitest';
import { chartFormatter } from '../../src/site/scripts/chart-format.ts';
import { formatValue } from '../../src/i18n/format.ts';

describe('chartFormatter', () => {
  it.each([
    // [unit, locale, value, as the chart writes it]
    ['money', 'zh-CN', 60_000_000, '¥6,000万'],
    ['money', 'zh-CN', 153_265_000, '¥15,326.5万'],
    ['money', 'en', 60_000_000, '¥60M'],
    ['money', 'zh-CN', 500, '¥500'],
    ['count', 'zh-CN', 417_000, '41.7万'],
    ['rate', 'en', 0.036, '3.6%'],
  ] as const)('%s in %s: %d reads %s', (unit, locale, value, text) => {
    expect(chartFormatter({ unit, locale, currency: 'CNY' })(value)).toBe(text);
  });

  it('writes every value as the tables do, in both locales (property over magnitudes)', () => {
    for (const locale of ['zh-CN', 'en'] as const)
      for (const unit of ['money', 'count', 'rate', 'number'] as const)
        for (let e = -3; e <= 10; e++) {
          const v = 1.234567 * 10 ** e;
          expect(chartFormatter({ unit, locale, currency: 'CNY' })(String(v))).toBe(formatValue(v, unit, locale, { currency: 'CNY' }));
        }
  });
});

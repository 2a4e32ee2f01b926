// Where the HTML waterfall and tornado bars are drawn (src/site/bar-geometry.ts), in per cent of the track.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tornadoBars, waterfallBars } from '../../src/site/bar-geometry.ts';

describe('waterfall bars', () => {
  it('starts the axis below the smallest running total so small steps show, totals drawn from the axis', () => {
    // 100 → −8 → +2 → 94: running values 100, 92, 94; lo 92, hi 100, span 8; axis 92 − 4 = 88; top 100.8.
    const bars = waterfallBars(100, [null, -8, 2, null]);
    // target: (100 − 88) ÷ 12.8 = 93.75 % → 93.8; the −8 step from 92 to 100: left 4 ÷ 12.8 = 31.25 → 31.3, width 62.5
    expect(bars[0]).toEqual({ left: 0, width: 93.8 });
    expect(bars[1]).toEqual({ left: 31.3, width: 62.5 });
    // the +2 step from 92 to 94: left 31.3, width to 6 ÷ 12.8 = 46.9 → 15.6
    expect(bars[2]!.left).toBe(31.3);
    expect(bars[2]!.width).toBeCloseTo(15.6, 5);
    expect(bars[3]).toEqual({ left: 0, width: 46.9 });
  });

  it.each([
    ['a subnormal total', 5e-324, []],
    ['a negative subnormal total', -5e-324, []],
    ['a step a billionth of the total', 1e9, [1e-7]],
    ['zero', 0, [0]],
  ])('draws %s with finite bars inside the track (no 0 ÷ 0)', (_, start, deltas) => {
    for (const b of waterfallBars(start as number, [null, ...(deltas as number[]), null])) {
      expect(Number.isFinite(b.left) && Number.isFinite(b.width), JSON.stringify(b)).toBe(true);
      expect(b.left + b.width).toBeLessThanOrEqual(100.05);
    }
  });

  it('keeps every bar inside the track, on any figures', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.array(fc.option(fc.double({ min: -1e8, max: 1e8, noNaN: true })), { maxLength: 10 }), (start, deltas) => {
        for (const b of waterfallBars(start, [null, ...deltas, null])) {
          expect(b.left).toBeGreaterThanOrEqual(0);
          expect(b.width).toBeGreaterThanOrEqual(0);
          expect(b.left + b.width).toBeLessThanOrEqual(100.05);
        }
      }),
    );
  });
});

describe('tornado bars', () => {
  it('keeps the base line and every bar inside the track, on any figures (subnormal ones included)', () => {
    const value = fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(5e-324, -5e-324, 0));
    fc.assert(
      fc.property(value, fc.array(fc.record({ low: value, high: value }), { maxLength: 6 }), (base, outcomes) => {
        const g = tornadoBars(base, outcomes);
        expect(g.base).toBeGreaterThanOrEqual(0);
        expect(g.base).toBeLessThanOrEqual(100);
        for (const b of g.bars) {
          expect(b.left).toBeGreaterThanOrEqual(0);
          expect(b.width).toBeGreaterThanOrEqual(0);
          expect(b.left + b.width).toBeLessThanOrEqual(100.05);
        }
      }),
    );
  });

  it('spans low to high around the base line', () => {
    // base 10, outcomes 6–14 and 9–12: lo 6, hi 14, pad 0.4; track 5.6 … 14.4 (8.8 wide)
    const g = tornadoBars(10, [{ low: 6, high: 14 }, { low: 12, high: 9 }]);
    // base: 4.4 ÷ 8.8 = 50 %; first bar 0.4 ÷ 8.8 = 4.5 % to 8.4 ÷ 8.8 = 95.5 %; second 3.4 ÷ 8.8 = 38.6 % to 6.4 ÷ 8.8 = 72.7 %
    expect(g.base).toBe(50);
    expect(g.bars[0]).toEqual({ left: 4.5, width: 91 });
    expect(g.bars[1]!.left).toBe(38.6);
    expect(g.bars[1]!.width).toBeCloseTo(34.1, 5);
  });
});

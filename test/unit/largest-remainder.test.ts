import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate } from '../../src/engine/largest-remainder.ts';

describe('allocate (largest remainder)', () => {
  it('splits 100 by 1:1:1 as 34, 33, 33 — the leftover unit goes to the first of equal remainders', () => {
    // exact shares 33.33…; floors 33+33+33 = 99; 1 unit left → first part
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives leftover units to the largest remainders', () => {
    // 10 × [0.15, 0.25, 0.6] = [1.5, 2.5, 6]; floors 1+2+6 = 9; remainders .5, .5, 0 → first two tie, first wins
    expect(allocate(10, [0.15, 0.25, 0.6])).toEqual([2, 2, 6]);
    // 7 × [0.1, 0.3, 0.6] = [0.7, 2.1, 4.2]; floors 0+2+4 = 6; largest remainder .7 → [1, 2, 4]
    expect(allocate(7, [0.1, 0.3, 0.6])).toEqual([1, 2, 4]);
  });

  it('spreads evenly when every weight is zero, and handles negative totals symmetrically', () => {
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  it('property: parts are integers that sum exactly to the total and stay within 1 of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            const exact = sum > 0 ? (total * weights[i]!) / sum : total / weights.length;
            expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-6 * Math.abs(total));
          });
        },
      ),
    );
  });
});

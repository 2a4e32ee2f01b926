import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleSizePerVariant } from '../../src/engine/ab-sample-size.ts';

describe('A/B sample size per variant', () => {
  it('matches the textbook value for 10 % → 12 %, α 0.05, power 0.8', () => {
    // p1 = 0.10, p2 = 0.10 × 1.2 = 0.12, p̄ = 0.11
    // z(0.975) = 1.959964, z(0.8) = 0.841621
    // 1.959964 × √(2 × 0.11 × 0.89) = 1.959964 × √0.1958 = 1.959964 × 0.442493 = 0.867270
    // 0.841621 × √(0.10 × 0.90 + 0.12 × 0.88) = 0.841621 × √0.1956 = 0.841621 × 0.442267 = 0.372222
    // (0.867270 + 0.372222)² ÷ 0.02² = 1.239492² ÷ 0.0004 = 1.536340 ÷ 0.0004 = 3,840.85 → 3,841
    expect(sampleSizePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0.2 })).toBe(3841);
    expect(sampleSizePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0.2, alpha: 0.05, power: 0.8 })).toBe(3841);
  });

  it('needs more per variant for a stricter α or more power', () => {
    const base = sampleSizePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0.2 })!;
    expect(sampleSizePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0.2, alpha: 0.01 })!).toBeGreaterThan(base);
    expect(sampleSizePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0.2, power: 0.9 })!).toBeGreaterThan(base);
  });

  it('is null when the test cannot be run', () => {
    expect(sampleSizePerVariant({ baselineRate: 0.9, minimumDetectableEffect: 0.2 })).toBeNull(); // p2 = 1.08 ≥ 1
    expect(sampleSizePerVariant({ baselineRate: 0.5, minimumDetectableEffect: 1 })).toBeNull(); // p2 = 1
    expect(sampleSizePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0 })).toBeNull(); // no effect
    expect(sampleSizePerVariant({ baselineRate: 0, minimumDetectableEffect: 0.1 })).toBeNull();
    expect(sampleSizePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0.1, alpha: 0 })).toBeNull();
  });

  it('property: a finite whole number ≥ 1 or null, smaller for a larger effect', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.5, noNaN: true }), fc.double({ min: 0.01, max: 0.5, noNaN: true }), (p1, mde) => {
        const n = sampleSizePerVariant({ baselineRate: p1, minimumDetectableEffect: mde });
        const bigger = sampleSizePerVariant({ baselineRate: p1, minimumDetectableEffect: mde * 1.5 });
        expect(n === null || (Number.isInteger(n) && n >= 1)).toBe(true);
        if (n !== null && bigger !== null) expect(bigger).toBeLessThanOrEqual(n);
      }),
    );
  });
});

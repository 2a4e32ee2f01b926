// Sample size per variant for an A/B test on a conversion rate (two-sided two-proportion z-test).
import { zScore } from './safety-stock.ts';

export interface SampleSizeInput {
  /** Control conversion rate p1, strictly between 0 and 1. */
  baselineRate: number;
  /** Relative lift to detect: p2 = p1 × (1 + mde). */
  minimumDetectableEffect: number;
  /** Two-sided significance level; 0.05 by default. */
  alpha?: number;
  /** 1 − β; 0.8 by default. */
  power?: number;
}

/**
 * n = (z₁₋α/₂·√(2·p̄·(1 − p̄)) + z₁₋β·√(p1·(1 − p1) + p2·(1 − p2)))² ÷ (p2 − p1)², p̄ = (p1 + p2) / 2,
 * rounded up. Null when the test cannot be run: p2 outside (0, 1), no effect, or inputs out of range.
 */
export function sampleSizePerVariant({ baselineRate, minimumDetectableEffect, alpha = 0.05, power = 0.8 }: SampleSizeInput): number | null {
  const p1 = baselineRate;
  const p2 = p1 * (1 + minimumDetectableEffect);
  if (![p1, p2, alpha, power].every(Number.isFinite)) return null;
  if (p1 <= 0 || p1 >= 1 || p2 <= 0 || p2 >= 1 || p2 === p1) return null;
  if (alpha <= 0 || alpha >= 1 || power <= 0 || power >= 1) return null;
  const zAlpha = zScore(1 - alpha / 2);
  const zBeta = zScore(power);
  const pBar = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const n = (root * root) / ((p2 - p1) * (p2 - p1));
  return Number.isFinite(n) ? Math.max(1, Math.ceil(n - 1e-9)) : null;
}

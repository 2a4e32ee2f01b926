// Splits an integer total into integer parts proportional to weights, summing exactly to the total
// (largest-remainder / Hamilton method). Ties go to the earlier part, so the result is deterministic.
import { invariant } from '../model/invariant.ts';

export function allocate(total: number, weights: readonly number[]): number[] {
  invariant(Number.isInteger(total), `allocate: total must be an integer, got ${total}`);
  if (weights.length === 0) return [];
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  // No weight anywhere: spread evenly rather than divide by zero.
  const shares = sum > 0 ? clean.map((w) => w / sum) : clean.map(() => 1 / clean.length);
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = shares.map((s) => s * abs);
  const parts = exact.map(Math.floor);
  const rest = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  // The leftover is below the number of parts; beyond 2^53 float error can make it larger, and then the
  // excess goes to the first part in one step instead of looping unit by unit.
  const spread = Math.min(rest, order.length);
  for (let k = 0; k < spread; k++) parts[order[k]![1]]! += 1;
  if (rest > spread) parts[order[0]![1]]! += rest - spread;
  return parts.map((p) => p * sign);
}

// Splits an integer total into integer parts proportional to weights, summing exactly to the total
// (largest-remainder / Hamilton method). Ties go to the earlier part, so the result is deterministic.
// Typed arrays and an index sort (no object per part): it runs per month over thousands of SKUs.
import { invariant } from '../model/invariant.ts';

export function allocate(total: number, weights: ArrayLike<number>): number[] {
  return Array.from(allocateArray(total, weights));
}

/** allocate() into a Float64Array (whole numbers). */
export function allocateArray(total: number, weights: ArrayLike<number>): Float64Array {
  invariant(Number.isInteger(total), `allocate: total must be an integer, got ${total}`);
  const n = weights.length;
  const parts = new Float64Array(n);
  if (n === 0) return parts;
  let sum = 0;
  const clean = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    clean[i] = Number.isFinite(w) && w > 0 ? w : 0;
    sum += clean[i]!;
  }
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  // No weight anywhere: spread evenly rather than divide by zero.
  const remainders = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = (sum > 0 ? clean[i]! / sum : 1 / n) * abs;
    const floor = Math.floor(exact);
    parts[i] = floor;
    remainders[i] = exact - floor;
    given += floor;
  }
  const rest = abs - given;
  if (rest > 0) {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => remainders[b]! - remainders[a]! || a - b);
    // The leftover is below the number of parts; beyond 2^53 float error can make it larger, and then the
    // excess goes to the first part in one step instead of looping unit by unit.
    const spread = Math.min(rest, n);
    for (let k = 0; k < spread; k++) parts[order[k]!]! += 1;
    if (rest > spread) parts[order[0]!]! += rest - spread;
  }
  if (sign < 0) for (let i = 0; i < n; i++) parts[i] = -parts[i]! || 0;
  return parts;
}

// Splits an integer total into integer parts proportional to weights, summing exactly to the total
// (largest-remainder / Hamilton method). Ties go to the earlier part, so the result is deterministic.

export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total)) throw new RangeError(`allocate: total must be an integer, got ${total}`);
  if (weights.length === 0) return [];
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  // No weight anywhere: spread evenly rather than divide by zero.
  const shares = sum > 0 ? clean.map((w) => w / sum) : clean.map(() => 1 / clean.length);
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const exact = shares.map((s) => s * abs);
  const parts = exact.map(Math.floor);
  let rest = abs - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]![1]]! += 1;
  return parts.map((p) => p * sign);
}

// The cohort retention curve of users.yaml as a function of months since the first purchase.

/** Retention k months after the first purchase: r(0) = 1, linear between points, last point held. */
export function retentionAt(curve: ReadonlyArray<{ month: number; rate: number }> | undefined, k: number): number {
  if (k <= 0) return 1;
  const points = [...(curve ?? [])].filter((p) => p.month > 0 && Number.isFinite(p.rate)).sort((a, b) => a.month - b.month);
  if (points.length === 0) return 0;
  let prev = { month: 0, rate: 1 };
  for (const p of points) {
    if (k <= p.month) return prev.rate + ((p.rate - prev.rate) * (k - prev.month)) / (p.month - prev.month);
    prev = p;
  }
  return prev.rate;
}

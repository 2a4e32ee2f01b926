// The cohort retention curve of users.yaml as a function of months since the first purchase.

type Curve = ReadonlyArray<{ month: number; rate: number }> | undefined;

/** Retention k months after the first purchase: r(0) = 1, linear between points, last point held. */
export function retentionAt(curve: Curve, k: number): number {
  return retentionCurve(curve)(k);
}

/**
 * The curve as a function of k, its points sorted once: the users model and the customer lifetime read it for
 * every cohort and month, on every rerun of the engine.
 */
export function retentionCurve(curve: Curve): (k: number) => number {
  const points = [...(curve ?? [])].filter((p) => p.month > 0 && Number.isFinite(p.rate)).sort((a, b) => a.month - b.month);
  return (k) => {
    if (k <= 0) return 1;
    if (points.length === 0) return 0;
    let prev = { month: 0, rate: 1 };
    for (const p of points) {
      if (k <= p.month) return prev.rate + ((p.rate - prev.rate) * (k - prev.month)) / (p.month - prev.month);
      prev = p;
    }
    return prev.rate;
  };
}

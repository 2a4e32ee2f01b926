// Geometry of the bars drawn in HTML — the waterfall (components/verdict/Bridge.astro) and the tornado
// (components/verdict/Tornado.astro): where each bar starts and how wide it is, in per cent of the track.
// Drawing only — the figures themselves come from the engine.
//
// The axis runs from a little below the smallest running total to a little above the largest, so that steps of
// a few per cent of a large total stay visible (the totals' bars start at the axis, which is marked as such).

export interface Bar {
  left: number;
  width: number;
}

/**
 * The width the axis is scaled to: the range of the figures, or — when they (nearly) coincide, down to
 * subnormal numbers such as 5e-324 whose halves and tenths round to 0 — the figures' size, or 1. A range below a
 * billionth of the figures' size cannot be drawn apart anyway, and scaling by it gives 0 ÷ 0 = NaN widths.
 */
function drawnSpan(lo: number, hi: number): number {
  const size = Math.max(Math.abs(lo), Math.abs(hi));
  if (hi - lo > size * 1e-9 && hi - lo > 1e-9) return hi - lo;
  return size > 1e-9 ? size : 1;
}

/** `deltas[i]` null marks a total (the running value so far, drawn from the axis); else a step from the running value. */
export function waterfallBars(start: number, deltas: ReadonlyArray<number | null>): Bar[] {
  const levels: Array<[number, number]> = [];
  let running = start;
  for (const d of deltas) {
    if (d === null) levels.push([running, running]);
    else {
      levels.push([running, running + d]);
      running += d;
    }
  }
  const values = levels.flat();
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = drawnSpan(lo, hi);
  // Never below 0 for figures that are all positive: a total bar then starts at a true zero.
  const axis = lo >= 0 && lo - span * 0.5 < 0 ? 0 : lo - span * 0.5;
  const top = hi + span * 0.1;
  const pct = (v: number) => Math.round(((v - axis) / (top - axis)) * 1000) / 10;
  return levels.map(([a, b], i) => {
    if (deltas[i] === null) return { left: 0, width: pct(a) };
    const from = Math.min(a, b);
    return { left: pct(from), width: Math.max(0, pct(Math.max(a, b)) - pct(from)) };
  });
}

/** Tornado bars around a base value: each bar spans its low and high outcome; `base` is where the base line is drawn. */
export function tornadoBars(base: number, outcomes: ReadonlyArray<{ low: number; high: number }>): { base: number; bars: Bar[] } {
  const values = [base, ...outcomes.flatMap((o) => [o.low, o.high])];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = drawnSpan(lo, hi) * 0.05;
  const pct = (v: number) => Math.round(((v - (lo - pad)) / (hi - lo + 2 * pad)) * 1000) / 10;
  return { base: pct(base), bars: outcomes.map((o) => ({ left: pct(Math.min(o.low, o.high)), width: pct(Math.max(o.low, o.high)) - pct(Math.min(o.low, o.high)) })) };
}

// Timing helpers for scripts/bench.ts: median and min only. The median resists the odd slow run
// (GC pause, another process); the min shows what the code costs when nothing interferes.

export interface Timing {
  /** Median of the timed runs, in ms. */
  median: number;
  /** Fastest timed run, in ms. */
  min: number;
  /** Every timed run, in ms, in the order they ran (kept for the JSON output). */
  runs: number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface MeasureHooks {
  /** Called before every run; run 0 is the warm-up. For progress lines while a long run is going. */
  beforeRun?: (run: number, runs: number) => void;
  /** Called after every run, outside the timed span, e.g. to sample memory. */
  afterRun?: (run: number, runs: number) => void;
}

/**
 * Runs `fn` once untimed (so JIT compilation and lazy caches — the ajv schemas, module state — are
 * not charged to the first run), then `runs` times timed with performance.now().
 * Returns the timings and the last run's value, which the next stage takes as input. Each run's value
 * replaces the previous one, so old results do not pile up on the heap and tax later runs with GC.
 */
export async function measure<T>(fn: () => T | Promise<T>, runs: number, hooks: MeasureHooks = {}): Promise<{ timing: Timing; value: T }> {
  hooks.beforeRun?.(0, runs);
  let value = await fn();
  hooks.afterRun?.(0, runs);
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    hooks.beforeRun?.(i, runs);
    const start = performance.now();
    value = await fn();
    times.push(performance.now() - start);
    hooks.afterRun?.(i, runs);
  }
  return { timing: { median: median(times), min: Math.min(...times), runs: times }, value };
}

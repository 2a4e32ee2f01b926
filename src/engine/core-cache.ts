// A memo of model results for the passes of ONE compute() call (the plan, each scenario, each tornado
// run). compute() creates it and drops it when it returns: nothing is kept between calls, and the engine
// stays a pure function of its input.
//
// A model's result is reused when every dependency in its key is identical (Object.is) to one it was
// computed with. Keys name plan sections (input.channels …) and upstream results, never the whole input:
// scenario overrides and tornado drivers copy only the objects on their path (model/set-path.ts), so a
// section they do not touch keeps its identity and the models that read only untouched sections are not
// recomputed. A key that leaves out something the model reads is a correctness bug: the key of each model
// is written next to its call in compute.ts, and test/engine/compute-cache.test.ts compares cached with
// uncached results for every scenario and driver of the example plan.

/**
 * Results kept per model besides the first (the plan's own pass, which most reruns share): a rerun's results are
 * reused by the steps of that same rerun, rarely by a later one, and keeping all of them held every scenario's and
 * driver's SKU × month arrays until compute() returned (the garbage collector's work grew with them).
 */
const RECENT = 3;

export interface CoreCache {
  /** Model name → the results computed in this call, each with the dependencies it was computed from. */
  readonly entries: Map<string, Array<{ deps: readonly unknown[]; value: unknown }>>;
  /** Model name → how often a result was reused (hits) or computed (misses); for tests and profiling. */
  readonly stats: Map<string, { hits: number; misses: number }>;
}

export function createCoreCache(): CoreCache {
  return { entries: new Map(), stats: new Map() };
}

/** `compute()` once per distinct `deps` within the cache; without a cache simply `compute()`. */
export function memo<T>(cache: CoreCache | undefined, name: string, deps: readonly unknown[], compute: () => T): T {
  if (!cache) return compute();
  let list = cache.entries.get(name);
  if (!list) cache.entries.set(name, (list = []));
  let stats = cache.stats.get(name);
  if (!stats) cache.stats.set(name, (stats = { hits: 0, misses: 0 }));
  for (const entry of list) {
    if (entry.deps.length === deps.length && entry.deps.every((d, i) => Object.is(d, deps[i]))) {
      stats.hits++;
      return entry.value as T;
    }
  }
  stats.misses++;
  const value = compute();
  list.push({ deps, value });
  if (list.length > 1 + RECENT) list.splice(1, 1);
  return value;
}

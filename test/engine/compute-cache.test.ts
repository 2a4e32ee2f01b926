// The per-call cache of compute(): a model result is reused only when everything it reads is unchanged.
// A memo key that leaves out a section or result its model reads would reuse a stale result; these tests
// rerun every scenario and every tornado driver of the example plan (content/) with the cache filled by
// the plan's own pass and compare with a pass without any cache, value for value.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compute, computeCore, computeHeadline, computeMeasures, withTargetsClosed } from '../../src/engine/compute.ts';
import { computeVerdictSummary } from '../../src/engine/verdict-summary.ts';
import { createCoreCache, type CoreCache } from '../../src/engine/core-cache.ts';
import { applyScenario } from '../../src/model/scenarios-apply.ts';
import { withoutPrototypes } from '../../src/model/dict.ts';
import { computeScenarios, computeSensitivity } from '../../src/engine/sensitivity.ts';
import type { Headline } from '../../src/model/result/scenarios.ts';
import { resolvePlanPath } from '../../src/model/plan-path.ts';
import { setPath } from '../../src/model/set-path.ts';
import { loadPlan } from '../../src/load/load-plan.ts';
import { validatePlan } from '../../src/validate/validate-plan.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { folderFiles } from '../helpers/plan.ts';

const dir = fileURLToPath(new URL('../../content', import.meta.url));
const validated = validatePlan(loadPlan(dir, folderFiles(dir)).sources);
const input = deepFreeze(validated.input!);
const actuals = validated.actuals ?? {};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The headline the way compute() reported it before the cache: from a full, uncached core. */
function headlineOf(i: PlanInput): Headline {
  const c = computeCore(i, {});
  return {
    gmv: c.pnl.total.gmv,
    netRevenue: c.pnl.total.netRevenue,
    grossProfit: c.pnl.total.grossProfit,
    operatingProfit: c.pnl.total.operatingProfit,
    newCustomers: Math.round(c.funnel.totals.newCustomers * 100) / 100,
    marketingSpend: c.pnl.total.marketing,
  };
}

const scenarios = input.scenarios?.scenarios ?? [];
const sensitivity = input.scenarios!.sensitivity!;

/** Every tornado rerun of the example plan: each driver at (1 − range) and (1 + range). */
const driverRuns = sensitivity.drivers.flatMap((d) => {
  const resolved = resolvePlanPath(input as unknown as Record<string, unknown>, d.path)!;
  return [1 - sensitivity.range, 1 + sensitivity.range].map((factor) => ({
    name: `${d.id} × ${factor}`,
    path: d.path,
    input: setPath(input, resolved.segments, (resolved.value as number) * factor),
  }));
});

function filledCache(): CoreCache {
  const cache = createCoreCache();
  computeCore(input, actuals, { cache });
  return cache;
}

describe('the example plan', () => {
  it('has scenarios with overrides and tornado drivers to test with', () => {
    expect(validated.diagnostics.filter((d) => d.fatal)).toEqual([]);
    expect(scenarios.filter((s) => (s.overrides ?? []).length > 0).length).toBeGreaterThan(0);
    expect(driverRuns.length).toBe(2 * sensitivity.drivers.length);
    expect(driverRuns.length).toBeGreaterThan(0);
  });
});

describe('computeCore with a cache filled by the plan’s pass', () => {
  it('gives the plan’s own result unchanged', () => {
    const cache = createCoreCache();
    expect(computeCore(input, actuals, { cache })).toStrictEqual(computeCore(input, actuals));
    // a second pass on the same input reuses every model
    computeCore(input, actuals, { cache });
    for (const [name, s] of cache.stats) expect(s.hits, name).toBeGreaterThan(0);
  });

  for (const s of scenarios) {
    it(`scenario ${s.id}: cached = uncached, in full and headline`, () => {
      const cache = filledCache();
      const changed = applyScenario(input, s.id);
      expect(computeCore(changed, {}, { cache })).toStrictEqual(computeCore(changed, {}));
      expect(computeHeadline(changed, cache)).toStrictEqual(headlineOf(changed));
    });
  }

  for (const run of driverRuns) {
    it(`driver ${run.name}: cached = uncached, in full and headline`, () => {
      const cache = filledCache();
      expect(computeHeadline(run.input, cache)).toStrictEqual(headlineOf(run.input));
      expect(computeCore(run.input, actuals, { cache })).toStrictEqual(computeCore(run.input, actuals));
    });
  }

  it('all reruns through one cache, in the order compute() runs them, match uncached passes', () => {
    const cache = filledCache();
    for (const s of scenarios) {
      const changed = applyScenario(input, s.id);
      expect(computeHeadline(changed, cache), s.id).toStrictEqual(headlineOf(changed));
    }
    for (const run of driverRuns) expect(computeHeadline(run.input, cache), run.name).toStrictEqual(headlineOf(run.input));
  });
});

describe('a sweep over every plan section', () => {
  /** Paths of the numbers in a section, in document order. */
  const numbersIn = (value: unknown, path: Array<string | number>, out: Array<Array<string | number>>) => {
    if (typeof value === 'number') out.push(path);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, [...path, Array.isArray(value) ? Number(k) : k], out);
    return out;
  };
  /** Up to `n` numbers of each section, evenly spread, each moved by +10 % (+1 when 0). */
  const sample = (plan: PlanInput, n: number) =>
    Object.keys(plan).flatMap((section) => {
      const all = numbersIn((plan as unknown as Record<string, unknown>)[section], [section], []);
      const step = Math.max(1, all.length / n);
      return Array.from({ length: Math.min(n, all.length) }, (_, k) => all[Math.floor(k * step)]!);
    });
  const valueAt = (plan: unknown, path: Array<string | number>) => path.reduce<any>((node, s) => node[s], plan);
  const moved = (v: number) => (v === 0 ? 1 : v * 1.1);

  it('a number changed anywhere gives the same result with the plan’s cache as without', () => {
    const cache = filledCache();
    for (const path of sample(input, 6)) {
      const changed = setPath(input, path, moved(valueAt(input, path)));
      expect(computeCore(changed, actuals, { cache }), path.join('.')).toStrictEqual(computeCore(changed, actuals));
    }
  });

  // Dependencies the example plan's own drivers and the sweep do not reach, each on a plan where it matters.
  const stripped = {
    /** Marketing channels without their own AOV take the mean AOV of the sales channels they drive. */
    marketingAov: { ...input, marketing: { ...input.marketing!, channels: input.marketing!.channels!.map(({ aov: _aov, ...c }) => c) } },
    /** Sales channels without their own fulfilment costs take them from supply.yaml's warehouses and logistics. */
    fulfilment: { ...input, channels: { ...input.channels!, channels: input.channels!.channels!.map(({ fulfilment: _f, ...c }) => c) } },
    /** Without points, the retention curve moves MAU and DAU but no P&L line. */
    noPoints: { ...input, users: { ...input.users!, membership: (({ points: _p, ...m }) => m)(input.users!.membership!) } },
  } satisfies Record<string, PlanInput>;
  const stageIndex = (stage: string) => input.users!.lifecycle!.stages.findIndex((s) => s.stage === stage);
  const cases: Array<[string, PlanInput, Array<string | number>]> = [
    ['strategy channel mix (target gaps)', input, ['strategy', 'channelMix', 0, 'share']],
    ['repurchase rate (the repurchase measure)', input, ['users', 'lifecycle', 'stages', stageIndex('revenue'), 'rate']],
    ['discount rate (CLV in marketing)', input, ['users', 'lifecycle', 'retention', 'discountRate']],
    ['lifespan (CLV in marketing)', input, ['users', 'lifecycle', 'retention', 'lifespanMonths']],
    ['sales channel stated AOV (the AOV check)', stripped.marketingAov, [...resolvePlanPath(stripped.marketingAov as unknown as Record<string, unknown>, 'channels.tmall.funnel.aov')!.segments]],
    ['warehouse cost per order (fulfilment)', stripped.fulfilment, ['supply', 'warehouses', 0, 'costPerOrder']],
    ['retention (MAU, DAU without points)', stripped.noPoints, ['users', 'lifecycle', 'retention', 'curve', 0, 'rate']],
  ];
  for (const [name, plan, path] of cases) {
    it(`${name}: cached = uncached`, () => {
      const before = valueAt(plan, path);
      expect(typeof before, path.join('.')).toBe('number');
      const changed = setPath(plan, path, moved(before));
      const cache = createCoreCache();
      computeCore(plan, actuals, { cache });
      expect(computeCore(changed, actuals, { cache })).toStrictEqual(computeCore(changed, actuals));
      expect(computeCore(changed, actuals)).not.toStrictEqual(computeCore(plan, actuals));
    });
  }
});

describe('what a rerun recomputes', () => {
  const misses = (cache: CoreCache) => Object.fromEntries([...cache.stats].map(([name, s]) => [name, s.misses]));

  it('a sales-channel driver reruns traffic, sales, funnel and stock, not systems; a headline builds no per-SKU detail', () => {
    const cache = filledCache();
    const before = misses(cache);
    const run = driverRuns.find((r) => r.path === 'channels.tmall.funnel.cvr')!;
    computeHeadline(run.input, cache);
    const after = misses(cache);
    for (const model of ['traffic', 'sales', 'funnel', 'stock']) expect(after[model], model).toBe(before[model]! + 1);
    expect(after.systems).toBe(before.systems);
    expect(after.products).toBe(before.products);
    expect(after.supply).toBe(before.supply);
  });

  it('a SKU cost driver reruns sales and the stock, but not the traffic', () => {
    const cache = filledCache();
    const before = misses(cache);
    const run = driverRuns.find((r) => r.path.startsWith('products.'))!;
    computeHeadline(run.input, cache);
    const after = misses(cache);
    expect(after.sales).toBe(before.sales! + 1);
    expect(after.stock).toBe(before.stock! + 1);
    expect(after.traffic).toBe(before.traffic);
  });
});

describe('compute()', () => {
  // compute() hands out its result without prototypes (ids are keys), so the parts are compared as such.
  /** The core of a plan computed without a cache, what it would take, the target findings and the verdict summary included (solved without a cache too). */
  const uncachedCore = (i: PlanInput) => {
    const c = computeCore(i, actuals);
    const summary = computeVerdictSummary({ ...c, input: i, months: c.calendar.months, measures: computeMeasures(i) });
    return withoutPrototypes({ ...c, ...withTargetsClosed(i, c), summary });
  };

  it('equals the plan’s core, each scenario and each driver computed without a cache', () => {
    const r = compute(input, { actuals });
    const { meta, scenarios: sc, sensitivity: se, baseline, ...core } = r as typeof r & { baseline?: unknown };
    void meta;
    void baseline;
    expect(withoutPrototypes(core)).toStrictEqual(uncachedCore(input));
    const base = headlineOf(input);
    expect(sc).toStrictEqual(withoutPrototypes(computeScenarios(input, headlineOf, base)));
    expect(se).toStrictEqual(withoutPrototypes(computeSensitivity(input, headlineOf, base)));
  });

  it('with a scenario equals that scenario’s uncached core, scenarios and tornado', () => {
    for (const s of scenarios) {
      const r = compute(input, { actuals, scenario: s.id });
      const changed = applyScenario(input, s.id);
      const { meta, scenarios: sc, sensitivity: se, baseline, ...core } = r as typeof r & { baseline?: unknown };
      void meta;
      void baseline;
      expect(withoutPrototypes(core), s.id).toStrictEqual(uncachedCore(changed));
      expect(sc, s.id).toStrictEqual(withoutPrototypes(computeScenarios(input, headlineOf, headlineOf(input))));
      expect(se, s.id).toStrictEqual(withoutPrototypes(computeSensitivity(changed, headlineOf, headlineOf(changed))));
    }
  });
});

describe('setPath', () => {
  it('copies only the path: the input is unchanged and untouched sections keep their identity', () => {
    const resolved = resolvePlanPath(input as unknown as Record<string, unknown>, 'channels.tmall.funnel.cvr')!;
    const out = setPath(input, resolved.segments, 0.5);
    expect(resolvePlanPath(out as unknown as Record<string, unknown>, 'channels.tmall.funnel.cvr')!.value).toBe(0.5);
    expect(resolved.value).not.toBe(0.5);
    expect(out).not.toBe(input);
    expect(out.channels).not.toBe(input.channels);
    expect(out.products).toBe(input.products);
    expect(out.supply).toBe(input.supply);
    const k = resolved.segments[2] as number;
    expect(out.channels!.channels![k]!.fees).toBe(input.channels!.channels![k]!.fees);
    for (const [j, c] of input.channels!.channels!.entries()) if (j !== k) expect(out.channels!.channels![j]).toBe(c);
  });
});

// What it would take: for a target judged amber or red, the single-driver changes that close it. Each driver
// is one input (or one kind of input across the plan) scaled by a factor, all else as planned; the factor is
// found by a monotone search that reruns the same engine (the caller's `measuresOf`, as scenarios and the
// tornado do) until the target's projection (target-verdicts.ts) reaches the target.
//
// Search: from the plan (factor 1, short of the target) a probe step of 10 % in the driver's direction, then
// secant steps until the target is passed, then false position (Illinois) inside the bracket until the
// projection meets the target within a tolerance (0.001 % of the target). The factor reported always meets the target: it is the
// passing end of the bracket. A driver that cannot meet it anywhere in its search range (up to 10× as
// planned, a rate up to 100 %, a cost down to 0) is reported without a value (`to: null`).
//
// Plausibility (`limit`): how far a driver can be taken in one plan year, a judgement call written down in
// docs/engine.md — a conversion rate +50 % and at most the platform's published high
// (shared/reference/cn-ecommerce-ranges.md §2), visitors +50 %, prices +15 %, marketing spend ×2 at today's
// CAC, new-customer share, repurchase, retention and stickiness +30 %, payroll −15 %, fulfilment cost −20 %.
//
// The price driver scales every SKU's price (through its pricing method) and every stated AOV; the AOV it
// reports is the result of the sales model, so everyday discounts, promotion depths and the mix act on the new
// prices as planned.
import type { PlanInput } from '../model/plan-input.generated.ts';
import { setPath } from '../model/set-path.ts';
import type { PathSegment } from '../model/data-path.ts';
import type { TargetResult, Unit } from '../model/result/targets.ts';
import type { DriverChange, DriverKind, TargetVerdict } from '../model/result/target-verdicts.ts';
import { targetProjection, type Measures } from './target-verdicts.ts';
import { retentionAt } from './retention.ts';
import { ratio } from './series.ts';
import { scaledPricing } from './pricing.ts';

export type MeasuresOf = (input: PlanInput) => Measures;

/** Channels whose CVR is tried, largest GMV first: enough for the channels that matter, bounded for a plan with dozens. */
const CHANNELS_TRIED = 4;
const MAX_EVALUATIONS = 24;
const PROBE = 0.1;
const MAX_FACTOR = 10;
/** Relative width of a bracket at which the search stops: ten times finer than a change is reported (0.01 %). */
const BRACKET = 1e-5;

/** The published high of a channel's conversion rate (buyers ÷ UV) by platform, where a source gives one. */
const CVR_HIGH: Partial<Record<string, number>> = { tmall: 0.06, taobao: 0.06, jd: 0.08, douyin: 0.08, 'mini-program': 0.03 };

interface Driver {
  kind: DriverKind;
  channel?: string;
  unit: Unit;
  /** +1: the target needs more of it; −1: less (a cost). */
  direction: 1 | -1;
  /** The factor's far end of the search (≥ 1 going up, ≥ 0 going down). */
  extreme: number;
  /** The plausible factor (limit ÷ from). */
  plausibleFactor: number;
  /** The driver's value in a computed plan, for from / to. */
  read: (input: PlanInput, measures: Measures) => number;
  /** The plan with the driver at `factor` × as planned. */
  apply: (factor: number) => PlanInput;
}

type Channel = NonNullable<NonNullable<PlanInput['channels']>['channels']>[number];

/** Which drivers can move each metric. Channel CVR comes first, plan-wide demand next, costs last. */
const DRIVERS_OF: Record<TargetResult['metric'], readonly DriverKind[]> = {
  gmv: ['cvr', 'visitors', 'price', 'marketing'],
  revenue: ['cvr', 'visitors', 'price', 'marketing'],
  'gross-profit': ['cvr', 'visitors', 'price', 'marketing'],
  'operating-profit': ['cvr', 'visitors', 'price', 'marketing', 'payroll', 'fulfilment-cost'],
  orders: ['cvr', 'visitors', 'marketing'],
  'new-customers': ['cvr', 'visitors', 'marketing', 'new-customer-share'],
  aov: ['price'],
  cvr: ['cvr'],
  'repurchase-rate': ['repurchase', 'retention'],
  mau: ['retention', 'visitors', 'marketing'],
  dau: ['dau-mau', 'retention', 'visitors'],
};

export interface WhatItTakes {
  /** The single-driver changes for one target, in DRIVERS_OF order (CVR by channel, largest channel first). */
  toClose(target: TargetResult): DriverChange[];
}

/**
 * Prepares the drivers of a plan once; every target that needs them shares their evaluations (a factor tried
 * for one target is not recomputed for another).
 */
export function whatItTakes(input: PlanInput, base: Measures, channelGmv: Readonly<Record<string, number>>, measuresOf: MeasuresOf): WhatItTakes {
  const evaluations = new Map<Driver, Map<number, Measures>>();
  const evaluate = (d: Driver, factor: number): Measures => {
    let seen = evaluations.get(d);
    if (!seen) evaluations.set(d, (seen = new Map()));
    let m = seen.get(factor);
    if (!m) seen.set(factor, (m = measuresOf(d.apply(factor))));
    return m;
  };
  const drivers = new Map<DriverKind, Driver[]>();
  const driversOf = (kind: DriverKind) => {
    if (!drivers.has(kind)) drivers.set(kind, buildDrivers(kind, input, base, channelGmv));
    return drivers.get(kind)!;
  };
  return {
    toClose(target) {
      const goal = target.value;
      return DRIVERS_OF[target.metric].flatMap(driversOf).flatMap((d): DriverChange[] => {
        const solved = solve(d, goal, target, base, (f) => evaluate(d, f));
        if (solved === 'no-effect') return [];
        // A driver planned at (nearly) zero can only be scaled without bound: no finite factor closes the gap.
        const found = solved && Number.isFinite(solved.factor) ? solved : null;
        const from = d.read(input, base);
        const to = found ? d.read(d.apply(found.factor), found.measures) : null;
        const limit = from * d.plausibleFactor;
        const change: DriverChange = {
          driver: d.kind,
          ...(d.channel ? { channel: d.channel } : {}),
          unit: d.unit,
          from,
          to,
          change: to === null || !Number.isFinite(to / from - 1) ? null : to / from - 1,
          factor: found ? found.factor : null,
          projection: found ? targetProjection(target, found.measures) : null,
          limit,
          plausible: to !== null && (d.direction > 0 ? to <= limit * (1 + 1e-9) : to >= limit * (1 - 1e-9)),
        };
        return [change];
      });
    },
  };
}

/** The verdicts with what it would take filled in for every target judged amber or red. */
export function withWhatItTakes(verdicts: readonly TargetVerdict[], targets: readonly TargetResult[], solver: () => WhatItTakes): TargetVerdict[] {
  let s: WhatItTakes | undefined;
  return verdicts.map((v, i) => (v.overall.status === 'amber' || v.overall.status === 'red' ? { ...v, toClose: (s ??= solver()).toClose(targets[i]!) } : v));
}

/**
 * The smallest move of the driver (to within the tolerance) at which the target's projection reaches the
 * target; null when even the far end of its range does not, 'no-effect' when the driver does not move the
 * projection at all (e.g. the curve's retention for a repurchase rate that the lifecycle states).
 */
function solve(d: Driver, goal: number, target: TargetResult, base: Measures, at: (factor: number) => Measures): { factor: number; measures: Measures } | null | 'no-effect' {
  const miss = (m: Measures) => (targetProjection(target, m) ?? -Infinity) - goal;
  // Money totals move in whole fen.
  const tolerance = Math.max(Math.abs(goal) * 1e-5, target.unit === 'money' && target.kind === 'total' ? 0.01 : 1e-9);
  // Every step aims half a tolerance past the goal, so a projection linear in the driver is met in one step.
  const aim = tolerance / 2;
  const clamp = (f: number) => (d.direction > 0 ? Math.min(f, d.extreme) : Math.max(f, d.extreme));
  // `lo` falls short of the goal, `hi` reaches it; g = projection − goal.
  const planned = { f: 1, g: miss(base) };
  let lo = planned;
  let prev = lo;
  let hi: { f: number; g: number; m: Measures } | undefined;
  let kept: 'lo' | 'hi' | undefined;
  let next = clamp(1 + d.direction * PROBE);
  for (let n = 0; n < MAX_EVALUATIONS; n++) {
    const m = at(next);
    const g = miss(m);
    if (g >= 0) {
      hi = { f: next, g, m };
      if (g <= tolerance) break;
      // Illinois: an end kept twice in a row counts half, so false position does not stall on it.
      if (kept === 'lo') lo = { ...lo, g: lo.g / 2 };
      kept = 'lo';
    } else {
      prev = lo;
      lo = { f: next, g };
      if (hi && kept === 'hi') hi = { ...hi, g: hi.g / 2 };
      kept = 'hi';
    }
    if (hi) {
      // A bracket this narrow still apart by more than the tolerance straddles a jump of the projection (money
      // rounded to the fen moves in steps): no factor inside meets it more closely, so the passing end is taken.
      if (Math.abs(hi.f - lo.f) <= BRACKET * Math.abs(hi.f)) break;
      next = lo.f + ((hi.f - lo.f) * (aim - lo.g)) / (hi.g - lo.g);
    } else if (lo.f === d.extreme) {
      return lo.g === planned.g ? 'no-effect' : null;
    } else {
      // Not reached yet: a secant step from the last two shortfalls. Where they disagree (the projection stepped back
      // between them) the step is taken from the plan's own point; straight to the far end when the driver does not
      // help from there either (flat, or the wrong way).
      const slope = (lo.g - prev.g) / (lo.f - prev.f);
      const overall = (lo.g - planned.g) / (lo.f - planned.f);
      const s = slope * d.direction > 0 ? slope : overall * d.direction > 0 ? overall : null;
      next = clamp(s !== null ? lo.f + (aim - lo.g) / s : d.extreme);
    }
  }
  return hi ? { factor: hi.f, measures: hi.m } : null;
}

function buildDrivers(kind: DriverKind, input: PlanInput, base: Measures, channelGmv: Readonly<Record<string, number>>): Driver[] {
  const channels = input.channels?.channels ?? [];
  const total = (measure: keyof Measures) => (_: PlanInput, m: Measures) => m[measure].total ?? 0;
  const driver = (unit: Unit, read: Driver['read'], direction: 1 | -1, extreme: number, plausibleFactor: number, channel?: string): Driver => ({
    kind,
    ...(channel ? { channel } : {}),
    unit,
    read,
    direction,
    extreme: direction > 0 ? Math.max(1, extreme) : extreme,
    plausibleFactor,
    apply: (f) => applyDriver(input, kind, f, channel),
  });
  const lifecycle = input.users?.lifecycle;
  switch (kind) {
    case 'cvr':
      return channels
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.funnel.cvr > 0 && c.funnel.visitors > 0)
        .sort((a, b) => (channelGmv[b.c.id] ?? 0) - (channelGmv[a.c.id] ?? 0) || a.i - b.i)
        .slice(0, CHANNELS_TRIED)
        .map(({ c, i }) => {
          const cvr = c.funnel.cvr;
          const high = CVR_HIGH[c.platform];
          // At most +50 %, and not above the platform's high (a channel already above it has no plausible room).
          const limit = Math.min(cvr * 1.5, high === undefined ? Infinity : Math.max(cvr, high));
          return driver('rate', (x) => x.channels?.channels?.[i]?.funnel.cvr ?? 0, 1, 1 / cvr, limit / cvr, c.id);
        });
    case 'visitors':
      return channels.some((c) => c.funnel.visitors > 0) ? [driver('count', total('visitors'), 1, MAX_FACTOR, 1.5)] : [];
    case 'price':
      // Read as the AOV the sales model gives (SKU prices, else a channel's stated AOV).
      return channels.length ? [driver('money', total('aov'), 1, MAX_FACTOR, 1.15)] : [];
    case 'marketing':
      return (base.marketing_spend.total ?? 0) > 0 && (base.new_customers.total ?? 0) > 0 ? [driver('money', total('marketing_spend'), 1, MAX_FACTOR, 2)] : [];
    case 'new-customer-share': {
      const top = Math.max(0, ...channels.map((c) => c.funnel.newCustomerShare));
      return top > 0 ? [driver('rate', (_, m) => ratio(m.new_customers.total ?? 0, m.orders.total ?? 0) ?? 0, 1, 1 / top, 1.3)] : [];
    }
    case 'repurchase': {
      const at = revenueStage(input);
      const rate = at >= 0 ? (lifecycle!.stages[at]!.rate ?? 0) : 0;
      return rate > 0 ? [driver('rate', (x) => x.users?.lifecycle?.stages?.[at]?.rate ?? 0, 1, 1 / rate, 1.3)] : [];
    }
    case 'retention': {
      const top = Math.max(0, ...(lifecycle?.retention?.curve ?? []).map((p) => p.rate));
      return top > 0 ? [driver('rate', (x) => retentionAt(x.users?.lifecycle?.retention?.curve, 12), 1, 1 / top, 1.3)] : [];
    }
    case 'dau-mau': {
      const v = lifecycle?.retention?.dauMauRatio ?? 0;
      return v > 0 ? [driver('rate', (x) => x.users?.lifecycle?.retention?.dauMauRatio ?? 0, 1, 1 / v, 1.3)] : [];
    }
    case 'payroll':
      return (base.payroll.total ?? 0) > 0 ? [driver('money', total('payroll'), -1, 0, 0.85)] : [];
    case 'fulfilment-cost':
      return (base.fulfilment_cost.total ?? 0) > 0 ? [driver('money', total('fulfilment_cost'), -1, 0, 0.8)] : [];
  }
}

/** Index of the lifecycle's `revenue` stage with a rate: the plan's own repurchase rate (users.ts), or −1. */
function revenueStage(input: PlanInput): number {
  return (input.users?.lifecycle?.stages ?? []).findIndex((s) => s.stage === 'revenue' && s.rate !== undefined);
}

/**
 * The plan with one driver at `factor` × as planned (rates capped at 1); only the objects on the changed paths
 * are copied. `channel` names the sales channel of a `cvr` driver.
 */
export function applyDriver(input: PlanInput, kind: DriverKind, factor: number, channel?: string): PlanInput {
  const rate = (v: number) => Math.min(1, v * factor);
  switch (kind) {
    case 'cvr': {
      const i = (input.channels?.channels ?? []).findIndex((c) => c.id === channel);
      return i < 0 ? input : setPath(input, ['channels', 'channels', i, 'funnel', 'cvr'], rate(input.channels!.channels![i]!.funnel.cvr));
    }
    case 'visitors':
      return scaleVisitors(input, factor);
    case 'price':
      return scalePrices(input, factor);
    case 'marketing':
      // At today's CAC: f × the spend buys f × the new customers, who buy like today's customers — every
      // channel's visitors and every marketing budget scale together.
      return scaleMarketing(scaleVisitors(input, factor), factor);
    case 'new-customer-share':
      return scaleChannels(input, (c) => ({ ...c, funnel: { ...c.funnel, newCustomerShare: rate(c.funnel.newCustomerShare) } }));
    case 'repurchase': {
      const at = revenueStage(input);
      return at < 0 ? input : setPath(input, ['users', 'lifecycle', 'stages', at, 'rate'], rate(input.users!.lifecycle!.stages[at]!.rate!));
    }
    case 'retention': {
      const curve = input.users?.lifecycle?.retention?.curve;
      return curve ? setPath(input, ['users', 'lifecycle', 'retention', 'curve'], curve.map((p) => ({ ...p, rate: rate(p.rate) }))) : input;
    }
    case 'dau-mau': {
      const v = input.users?.lifecycle?.retention?.dauMauRatio;
      return v === undefined ? input : setPath(input, ['users', 'lifecycle', 'retention', 'dauMauRatio'], rate(v));
    }
    case 'payroll': {
      const roles = input.org?.roles;
      return roles ? setPath(input, ['org', 'roles'], roles.map((r) => ({ ...r, monthlySalary: r.monthlySalary * factor }))) : input;
    }
    case 'fulfilment-cost':
      return scaleFulfilment(input, factor);
  }
}

function scaleChannels(input: PlanInput, fn: (c: Channel) => Channel): PlanInput {
  return setPath(input, ['channels', 'channels'], (input.channels?.channels ?? []).map(fn));
}

/**
 * The price level × f: every SKU's price through its pricing method (and its written list price with it, so the
 * two still agree), which drives GMV and AOV in the sales model, and every channel's stated AOV — the price of a
 * channel on which no SKU sells, and the check of one on which SKUs sell (so its gap stays as planned). Channel
 * discounts and promotion depths stay as planned, so they apply to the new prices.
 */
function scalePrices(input: PlanInput, f: number): PlanInput {
  const skus = input.products?.skus;
  const out = skus
    ? setPath(
        input,
        ['products', 'skus'],
        skus.map((s) => ({ ...s, pricing: scaledPricing(s.pricing, f), ...(s.listPrice !== undefined ? { listPrice: s.listPrice * f } : {}) })),
      )
    : input;
  return scaleChannels(out, (c) => (c.funnel.aov === undefined ? c : { ...c, funnel: { ...c.funnel, aov: c.funnel.aov * f } }));
}

function scaleVisitors(input: PlanInput, f: number): PlanInput {
  return scaleChannels(input, (c) => ({ ...c, funnel: { ...c.funnel, visitors: c.funnel.visitors * f } }));
}

function scaleMarketing(input: PlanInput, f: number): PlanInput {
  const list = input.marketing?.channels;
  if (!list) return input;
  return setPath(
    input,
    ['marketing', 'channels'],
    list.map((c) => ({
      ...c,
      budget: {
        ...c.budget,
        ...(c.budget.total !== undefined ? { total: c.budget.total * f } : {}),
        ...(c.budget.monthly ? { monthly: Object.fromEntries(Object.entries(c.budget.monthly).map(([m, v]) => [m, (v ?? 0) * f])) } : {}),
      },
    })),
  );
}

/** Every per-order handling and shipping cost, on the channels and in supply.yaml, scaled. */
function scaleFulfilment(input: PlanInput, f: number): PlanInput {
  let out = scaleChannels(input, (c) =>
    c.fulfilment
      ? {
          ...c,
          fulfilment: {
            ...c.fulfilment,
            ...(c.fulfilment.costPerOrder !== undefined ? { costPerOrder: c.fulfilment.costPerOrder * f } : {}),
            ...(c.fulfilment.shippingPerOrder !== undefined ? { shippingPerOrder: c.fulfilment.shippingPerOrder * f } : {}),
          },
        }
      : c,
  );
  const scaleList = (key: 'warehouses' | 'logistics', field: string) => {
    const list = out.supply?.[key] as Array<Record<string, unknown>> | undefined;
    if (list?.length) out = setPath(out, ['supply', key] as PathSegment[], list.map((x) => ({ ...x, [field]: (x[field] as number) * f })));
  };
  scaleList('warehouses', 'costPerOrder');
  scaleList('logistics', 'costPerParcel');
  return out;
}

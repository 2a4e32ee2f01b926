// Sales by SKU, channel and month: each channel's orders (visitors × CVR) are filled with products by its mix, at
// each SKU's price on the channel (price × (1 − everyday discount)), and the promotions raise units and cut prices
// on the days they run. Exact (unrounded) numbers in typed arrays; rounding to the fen happens where parts must
// add up (funnel.ts, products.ts). See docs/engine.md "Revenue from products up" for the formulas.
//
// Cost: a SKU's everyday units on a channel are f_s,m × κ_c,k,m (its mix weight times a coefficient of the
// channel, its category and the month), so SKU totals come from per-category coefficients summed over the
// channels. The loops run over SKUs × months, channels × categories × months, and the SKU × channel pairs the
// plan names (channel lists, `mix.skus`, promotions listing SKUs) × months — never SKUs × channels × months.
import type { ChannelsFile, PlanInput } from '../model/plan-input.generated.ts';
import { daysInMonth, dateOf } from './calendar.ts';
import { priceOf, vatRateOf } from './pricing.ts';
import { promotionTerms, type PromotionTerms } from './promotion-terms.ts';

/** Mix weight (units a month) below which a product weight counts as none: dividing orders by it would overflow. */
const NEGLIGIBLE = 1e-9;

type Channel = NonNullable<ChannelsFile['channels']>[number];

/** Visitors and everyday orders per channel and month (funnel.ts computes them). */
export interface Traffic {
  channels: Array<{ id: string; visitors: Float64Array; orders: Float64Array }>;
}

export type MixMode = 'forecast' | 'categories' | 'skus';

export interface ChannelSales {
  id: string;
  /** Position in channels.yaml. */
  index: number;
  /** False when no SKU of the plan can sell on the channel: it sells orders × stated AOV. */
  productDriven: boolean;
  mode: MixMode;
  unitsPerOrder: number;
  everydayDiscount: number;
  /** Everyday orders (visitors × CVR) that found a SKU on sale; before promotions. */
  everydayOrders: Float64Array;
  /** Everyday orders of months with no SKU on sale on the channel: not sold. */
  unfilledOrders: Float64Array;
  everydayUnits: Float64Array;
  everydayGmv: Float64Array;
  /** Units × unit cost (excl. VAT) of the everyday units. */
  everydayCost: Float64Array;
  units: Float64Array;
  orders: Float64Array;
  gmv: Float64Array;
  refunds: Float64Array;
  /** Units kept by customers (units × (1 − return rate)), and their cost: the channel's COGS. */
  keptUnits: Float64Array;
  cogs: Float64Array;
  /** Units and GMV per category × month (index k × M + m). */
  categoryUnits: Float64Array;
  categoryGmv: Float64Array;
}

export interface PromotionChannelSales {
  channel: number;
  /** Everyday AOV the mechanics are measured against; null when the channel has none. */
  aov: number | null;
  presaleShare: number;
  priceDepth: number;
  depth: number;
  /** Everyday sales of the covered SKUs on the window's days (what the promotion replaces). */
  baselineUnits: number;
  baselineGmv: number;
  /** Cost (excl. VAT) of those units; with baselineGmv, the margin of what is on offer at the channel's price. */
  baselineCost: number;
  /** Sales on the window's days with this promotion alone: × (1 + uplift), price × (1 − price depth). */
  promoUnits: number;
  promoGmv: number;
  orders: number;
  /** Promotion GMV and cash by month (presale GMV in the balance month; its deposit as cash on the order day). */
  gmvByMonth: Float64Array;
  cashByMonth: Float64Array;
  /** Gift orders by month (orders on the order day). */
  ordersByMonth: Float64Array;
}

export interface PromotionSales {
  terms: PromotionTerms;
  channels: PromotionChannelSales[];
}

export interface SalesNumbers {
  months: readonly string[];
  vatRate: number;
  categories: string[];
  /** Per SKU (products.yaml order). */
  skuIds: string[];
  skuCategory: Int32Array;
  /** Price incl. VAT by the pricing method, and unit cost excl. VAT. */
  price: Float64Array;
  cost: Float64Array;
  /** Share of month m the SKU is on sale (launch, a phase-out SKU's stock), index s × M + m. */
  onSale: Float64Array;
  /** forecast.monthlyUnits × months on sale: what the plan expects the SKU to sell. */
  forecastUnits: Float64Array;
  /** Per SKU × month (index s × M + m): units sold, units kept (net of returns), GMV, refunds. */
  skuUnits: Float64Array;
  skuKept: Float64Array;
  skuGmv: Float64Array;
  skuRefunds: Float64Array;
  channels: ChannelSales[];
  promotions: PromotionSales[];
}

/** A promotion-day factor: everyday units of month m × u land in month t (−1: outside the horizon), GMV × g. */
interface Factor {
  t: number;
  u: number;
  g: number;
}

/**
 * The part of the sales model that no traffic, conversion or channel term changes: SKU prices, costs, on-sale
 * shares and mix weights, categories, channel lists, the group sums of the weights and the promotions' terms.
 * It reads plan.yaml (VAT), targets.yaml (seasonality), products.yaml, supply.yaml (opening stock),
 * promotions.yaml and the channels' ids (salesBaseKey); reruns that change none of them reuse it (compute.ts).
 */
export function salesBase(input: PlanInput, months: readonly string[]) {
  const M = months.length;
  const vatRate = vatRateOf(input);
  const skus = input.products?.skus ?? [];
  const specs = input.channels?.channels ?? [];
  const S = skus.length;

  // Seasonal indices: share of the month × N (1 on average); null = flat.
  const profiles = new Map<string, Float64Array>();
  for (const p of input.targets?.seasonality ?? []) {
    if (profiles.has(p.id)) continue;
    profiles.set(p.id, Float64Array.from(months, (m) => finite(p.shares[m] ?? 0) * M));
  }
  const profile = (id: string | undefined) => (id ? (profiles.get(id) ?? null) : null);

  // Categories: those declared, then any a SKU names that is not (validation reports it).
  const categories: string[] = [];
  const catIndex = new Map<string, number>();
  const addCategory = (id: string) => {
    if (!catIndex.has(id)) catIndex.set(id, categories.push(id) - 1);
    return catIndex.get(id)!;
  };
  const categoryProfile: Array<Float64Array | null> = [];
  for (const c of input.products?.categories ?? []) {
    const k = addCategory(c.id);
    categoryProfile[k] ??= profile((c as { seasonality?: string }).seasonality);
  }
  const skuCategory = new Int32Array(S);
  skus.forEach((s, i) => (skuCategory[i] = addCategory(s.category)));
  const K = categories.length;
  for (let k = 0; k < K; k++) categoryProfile[k] ??= null;

  // Channels by id (the first of a duplicated id; validation reports duplicates).
  const channelIndex = new Map<string, number>();
  specs.forEach((c, i) => channelIndex.has(c.id) || channelIndex.set(c.id, i));
  const skuIndex = new Map<string, number>();
  skus.forEach((s, i) => skuIndex.has(s.id) || skuIndex.set(s.id, i));

  // SKUs: price, cost, channel lists, on-sale share and mix weight f.
  const price = new Float64Array(S);
  const cost = new Float64Array(S);
  const onSale = new Float64Array(S * M);
  const f = new Float64Array(S * M);
  const skuIdx: Array<Float64Array | null> = new Array(S);
  const forecastUnits = new Float64Array(S);
  const listedChannels: Array<number[] | null> = new Array(S);
  const listedOn: number[][] = specs.map(() => []);
  const openingStock = input.supply?.inventory?.openingStock ?? {};
  skus.forEach((sku, s) => {
    price[s] = priceOf(sku.pricing, sku.cost);
    cost[s] = Math.max(0, finite(sku.cost));
    const idx = profile((sku as { seasonality?: string }).seasonality) ?? categoryProfile[skuCategory[s]!]!;
    skuIdx[s] = idx;
    const monthly = Math.max(0, finite(sku.forecast.monthlyUnits));
    // A phase-out SKU is not reordered: on sale while its opening stock covers its forecast, the last month pro rata.
    const stock = sku.status === 'phase-out' ? openingStock[sku.id] : undefined;
    let left = stock ?? Infinity;
    for (let m = 0; m < M; m++) {
      let a = sku.launch && months[m]! < sku.launch ? 0 : 1;
      if (a && stock !== undefined && monthly > 0) {
        const need = monthly * (idx ? idx[m]! : 1);
        a = need <= 0 ? (left > 0 ? 1 : 0) : Math.min(1, Math.max(0, left / need));
        left = Math.max(0, left - need);
      }
      onSale[s * M + m] = a;
      forecastUnits[s]! += monthly * a;
      f[s * M + m] = monthly * (idx ? idx[m]! : 1) * a;
    }
    if (sku.channels) {
      const list = [...new Set(sku.channels.map((id) => channelIndex.get(id)).filter((c): c is number => c !== undefined))];
      listedChannels[s] = list;
      for (const c of list) listedOn[c]!.push(s);
    } else listedChannels[s] = null;
  });
  const sellsOn = (s: number, c: number) => listedChannels[s] === null || listedChannels[s]!.includes(c);

  // Σ f, Σ f × price, Σ f × cost per category and month over the SKUs sold on every channel.
  const Fgen = new Float64Array(K * M);
  const PFgen = new Float64Array(K * M);
  const CFgen = new Float64Array(K * M);
  for (let s = 0; s < S; s++) {
    if (listedChannels[s] !== null) continue;
    addWeights(s, Fgen, PFgen, CFgen);
  }
  function addWeights(s: number, F: Float64Array, PF: Float64Array, CF: Float64Array) {
    const base = skuCategory[s]! * M;
    for (let m = 0; m < M; m++) {
      const w = f[s * M + m]!;
      if (w === 0) continue;
      F[base + m]! += w;
      PF[base + m]! += w * price[s]!;
      CF[base + m]! += w * cost[s]!;
    }
  }

  // Σ f, Σ f × price, Σ f × cost of a channel that SKUs list: those sold everywhere plus its listed ones.
  const channelSums = listedOn.map((list) => {
    if (!list.length) return null;
    const sums = { F: Fgen.slice(), PF: PFgen.slice(), CF: CFgen.slice() };
    for (const s of list) addWeights(s, sums.F, sums.PF, sums.CF);
    return sums;
  });
  const terms = (input.promotions?.promotions ?? []).map((p, i) => promotionTerms(p, i, months, vatRate));
  const promoChannels = (input.promotions?.promotions ?? []).map((p) => [...new Set(p.channels.map((id) => channelIndex.get(id)).filter((c): c is number => c !== undefined))]);
  // Which promotions run on each channel and month: those for every SKU (`wide`), and those listing SKUs, by SKU ×
  // channel pair (`pairPromos`, key s × C + c). Equal sets are one array (interned by their text), so the caches
  // below can key on the array itself.
  const C = specs.length;
  const interned = new Map<string, number[]>();
  const intern = (set: number[]) => {
    const text = set.join(',');
    if (!interned.has(text)) interned.set(text, set);
    return interned.get(text)!;
  };
  const wideLists: number[][][] = specs.map(() => Array.from({ length: M }, () => []));
  const pairPromos = new Map<number, number[]>();
  terms.forEach((t, p) => {
    for (const c of promoChannels[p]!) {
      if (!t.skus) {
        for (const pm of t.months) wideLists[c]![pm.month]!.push(p);
        continue;
      }
      for (const id of t.skus) {
        const s = skuIndex.get(id);
        if (s === undefined || !sellsOn(s, c)) continue;
        const key = s * C + c;
        const list = pairPromos.get(key) ?? [];
        if (!list.includes(p)) list.push(p);
        pairPromos.set(key, list);
      }
    }
  });
  const wide = wideLists.map((byMonth) => byMonth.map(intern));
  for (const [key, list] of pairPromos) pairPromos.set(key, intern(list));
  const pairKeys = [...pairPromos.keys()].sort((a, b) => a - b);
  // The set running on channel c in month m for a SKU that `list` names (with those for every SKU), by list and
  // c × M + m; null when none of the list runs then.
  const pairSets = new Map<readonly number[], Array<readonly number[] | null | undefined>>();
  const pairSet = (list: readonly number[], c: number, m: number): readonly number[] | null => {
    let byMonth = pairSets.get(list);
    if (!byMonth) pairSets.set(list, (byMonth = new Array(C * M)));
    let out = byMonth[c * M + m];
    if (out === undefined) {
      const here = list.filter((p) => terms[p]!.months.some((pm) => pm.month === m));
      out = byMonth[c * M + m] = here.length ? intern([...wide[c]![m]!, ...here].sort((a, b) => a - b)) : null;
    }
    return out;
  };
  // Promotion-day factors by set of promotions, month and price depths (computeSales), shared by the runs that use
  // this base within one compute() call: reruns that leave the depths as they were reuse them.
  const factors = new Map<readonly number[], Array<Array<{ depths: number[]; factors: Factor[] }> | undefined>>();
  return { factors, wide, pairPromos, pairKeys, pairSet, vatRate, categories, catIndex, categoryProfile, K, skuCategory, skuIndex, price, cost, onSale, f, skuIdx, forecastUnits, listedChannels, listedOn, sellsOn, Fgen, PFgen, CFgen, channelSums, terms, promoChannels };
}

export type SalesBase = ReturnType<typeof salesBase>;

/** What salesBase reads of the channels: their ids, in order (a rerun changing a channel's numbers keeps it). */
export function salesBaseKey(input: PlanInput): string {
  return JSON.stringify((input.channels?.channels ?? []).map((c) => c.id));
}

export function computeSales(input: PlanInput, months: readonly string[], traffic: Traffic, base: SalesBase = salesBase(input, months)): SalesNumbers {
  const M = months.length;
  const skus = input.products?.skus ?? [];
  const specs = input.channels?.channels ?? [];
  const S = skus.length;
  const C = specs.length;
  const { vatRate, categories, catIndex, categoryProfile, K, skuCategory, skuIndex, price, cost, onSale, f, skuIdx, forecastUnits, listedChannels, listedOn, sellsOn, Fgen, PFgen, CFgen, channelSums, terms, promoChannels, wide, pairPromos, pairKeys, pairSet } = base;

  // Output arrays.
  const skuUnits = new Float64Array(S * M);
  const skuKept = new Float64Array(S * M);
  const skuGmv = new Float64Array(S * M);
  const skuRefunds = new Float64Array(S * M);

  // Per channel: mix, everyday coefficients κ (per category × month) and everyday sales.
  interface Setup {
    spec: Channel;
    mode: MixMode;
    upo: number;
    disc: number;
    ret: Float64Array;
    retDefault: number;
    statedAov: number;
    productDriven: boolean;
    /** κ: everyday units of a SKU = f × κ[k × M + m] (forecast and category modes). */
    kappa: Float64Array;
    /** Group sums of the SKUs sold on this channel: Σ f, Σ f × price, Σ f × cost per category × month. */
    F: Float64Array;
    PF: Float64Array;
    CF: Float64Array;
    /** `mix.skus`: SKU index and share, and the share by SKU index. */
    skuMix: Array<{ s: number; share: number }>;
    skuShare: Map<number, number>;
    /** `mix.skus`: Σ share × idx × on sale per month. */
    skuMixTotal: Float64Array;
  }
  const setups: Setup[] = specs.map((spec, c) => {
    const funnel = spec.funnel as Channel['funnel'] & { unitsPerOrder?: number; returnRateByCategory?: Record<string, number> };
    const extra = spec as Channel & { everydayDiscount?: number; mix?: { categories?: Record<string, number>; skus?: Record<string, number> } };
    const upo = funnel.unitsPerOrder !== undefined && Number.isFinite(funnel.unitsPerOrder) && funnel.unitsPerOrder > 0 ? funnel.unitsPerOrder : 1;
    const disc = clamp01(extra.everydayDiscount ?? 0);
    const retDefault = clamp01(funnel.returnRate);
    const ret = new Float64Array(K).fill(retDefault);
    for (const [id, r] of Object.entries(funnel.returnRateByCategory ?? {})) {
      const k = catIndex.get(id);
      if (k !== undefined) ret[k] = clamp01(r);
    }
    const mode: MixMode = extra.mix?.skus ? 'skus' : extra.mix?.categories ? 'categories' : 'forecast';
    const setup: Setup = {
      spec,
      mode,
      upo,
      disc,
      ret,
      retDefault,
      statedAov: Math.max(0, finite(spec.funnel.aov ?? 0)),
      productDriven: false,
      kappa: new Float64Array(K * M),
      F: Fgen,
      PF: PFgen,
      CF: CFgen,
      skuMix: [],
      skuShare: new Map(),
      skuMixTotal: new Float64Array(M),
    };
    const orders = traffic.channels[c]?.orders ?? new Float64Array(M);
    if (mode === 'skus') {
      for (const [id, share] of Object.entries(extra.mix!.skus!)) {
        const s = skuIndex.get(id);
        if (s !== undefined && sellsOn(s, c) && finite(share) > 0) setup.skuMix.push({ s, share: finite(share) });
      }
      setup.skuMix.sort((a, b) => a.s - b.s);
      for (const { s, share } of setup.skuMix) setup.skuShare.set(s, share);
      for (const { s, share } of setup.skuMix) for (let m = 0; m < M; m++) setup.skuMixTotal[m]! += share * (skuIdx[s] ? skuIdx[s]![m]! : 1) * onSale[s * M + m]!;
      setup.productDriven = setup.skuMix.length > 0;
      return setup;
    }
    const own = channelSums[c];
    if (own) {
      setup.F = own.F;
      setup.PF = own.PF;
      setup.CF = own.CF;
    }
    const catMix = new Float64Array(K);
    if (mode === 'categories') for (const [id, share] of Object.entries(extra.mix!.categories!)) if (catIndex.has(id)) catMix[catIndex.get(id)!] = Math.max(0, finite(share));
    // Product-driven when some SKU of the plan can sell on the channel (in a category its mix gives a share).
    for (let s = 0; s < S && !setup.productDriven; s++) if (sellsOn(s, c) && (mode === 'forecast' || catMix[skuCategory[s]!]! > 0)) setup.productDriven = true;
    for (let m = 0; m < M; m++) {
      const U = orders[m]! * upo;
      if (mode === 'forecast') {
        let total = 0;
        for (let k = 0; k < K; k++) total += setup.F[k * M + m]!;
        if (total > NEGLIGIBLE) for (let k = 0; k < K; k++) setup.kappa[k * M + m] = U / total;
      } else {
        let W = 0;
        for (let k = 0; k < K; k++) if (setup.F[k * M + m]! > NEGLIGIBLE) W += catMix[k]! * (categoryProfile[k] ? categoryProfile[k]![m]! : 1);
        if (W > 0) {
          for (let k = 0; k < K; k++) {
            const Fk = setup.F[k * M + m]!;
            if (Fk > NEGLIGIBLE) setup.kappa[k * M + m] = (U * catMix[k]! * (categoryProfile[k] ? categoryProfile[k]![m]! : 1)) / W / Fk;
          }
        }
      }
    }
    return setup;
  });

  const channels: ChannelSales[] = setups.map((x, c) => ({
    id: x.spec.id,
    index: c,
    productDriven: x.productDriven,
    mode: x.mode,
    unitsPerOrder: x.upo,
    everydayDiscount: x.disc,
    everydayOrders: new Float64Array(M),
    unfilledOrders: new Float64Array(M),
    everydayUnits: new Float64Array(M),
    everydayGmv: new Float64Array(M),
    everydayCost: new Float64Array(M),
    units: new Float64Array(M),
    orders: new Float64Array(M),
    gmv: new Float64Array(M),
    refunds: new Float64Array(M),
    keptUnits: new Float64Array(M),
    cogs: new Float64Array(M),
    categoryUnits: new Float64Array(K * M),
    categoryGmv: new Float64Array(K * M),
  }));

  /** Everyday units of SKU s on channel c in month m (0 when it does not sell there). */
  const everydayUnitsOf = (s: number, c: number, m: number): number => {
    const x = setups[c]!;
    if (x.mode === 'skus') {
      const share = x.skuShare.get(s);
      const W = x.skuMixTotal[m]!;
      if (share === undefined || W <= 0) return 0;
      const orders = traffic.channels[c]?.orders[m] ?? 0;
      return (orders * x.upo * share * (skuIdx[s] ? skuIdx[s]![m]! : 1) * onSale[s * M + m]!) / W;
    }
    if (!x.productDriven || !sellsOn(s, c)) return 0;
    return f[s * M + m]! * x.kappa[skuCategory[s]! * M + m]!;
  };

  // Everyday sales per channel and month (before promotions), for AOVs and promotion baselines.
  setups.forEach((x, c) => {
    const ch = channels[c]!;
    const orders = traffic.channels[c]?.orders ?? new Float64Array(M);
    for (let m = 0; m < M; m++) {
      const O = orders[m]!;
      if (!x.productDriven) {
        ch.everydayOrders[m] = O;
        ch.everydayUnits[m] = O * x.upo;
        ch.everydayGmv[m] = O * x.statedAov;
        continue;
      }
      let units = 0;
      let gmv = 0;
      let costs = 0;
      if (x.mode === 'skus') {
        for (const { s } of x.skuMix) {
          const eu = everydayUnitsOf(s, c, m);
          units += eu;
          gmv += eu * price[s]!;
          costs += eu * cost[s]!;
        }
      } else {
        for (let k = 0; k < K; k++) {
          const kappa = x.kappa[k * M + m]!;
          if (kappa === 0) continue;
          units += kappa * x.F[k * M + m]!;
          gmv += kappa * x.PF[k * M + m]!;
          costs += kappa * x.CF[k * M + m]!;
        }
      }
      if (units > 0) {
        ch.everydayOrders[m] = O;
        ch.everydayUnits[m] = units;
        ch.everydayGmv[m] = gmv * (1 - x.disc);
        ch.everydayCost[m] = costs;
      } else ch.unfilledOrders[m] = O;
    }
  });

  // Promotions: terms, the depth on each channel (against the channel's everyday AOV in the window's months).
  const priceDepth: Array<Map<number, number>> = terms.map(() => new Map());
  const promotions: PromotionSales[] = terms.map((t, p) => {
    const list = promoChannels[p]!.map((c): PromotionChannelSales => {
      const ch = channels[c]!;
      const x = setups[c]!;
      // Covered everyday sales per window month: the channel's, or the listed SKUs' on it.
      const covered = t.months.map((pm) => coveredEveryday(t, c, pm.month));
      let all = 0;
      let pre = 0;
      t.months.forEach((pm, j) => {
        const perDay = covered[j]!.gmv / daysInMonth(months[pm.month]!);
        all += perDay * pm.days;
        pre += perDay * pm.presaleDays;
      });
      const presaleDays = t.months.reduce((n, pm) => n + pm.presaleDays, 0);
      const days = t.months.reduce((n, pm) => n + pm.days, 0);
      const presaleShare = all > 0 ? pre / all : days > 0 ? presaleDays / days : 0;
      const aov = everydayAov(ch, x, t.months.map((pm) => pm.month));
      const depth = t.depthAt(aov ?? 0, presaleShare);
      priceDepth[p]!.set(c, depth.priceDepth);
      const out: PromotionChannelSales = {
        channel: c,
        aov,
        presaleShare,
        ...depth,
        baselineUnits: 0,
        baselineGmv: 0,
        baselineCost: 0,
        promoUnits: 0,
        promoGmv: 0,
        orders: 0,
        gmvByMonth: new Float64Array(M),
        cashByMonth: new Float64Array(M),
        ordersByMonth: new Float64Array(M),
      };
      const lift = 1 + t.uplift;
      const pf = lift * (1 - depth.priceDepth);
      t.months.forEach((pm, j) => {
        const D = daysInMonth(months[pm.month]!);
        const cov = covered[j]!;
        const frac = pm.days / D;
        const preFrac = pm.presaleDays / D;
        const spotFrac = frac - preFrac;
        out.baselineUnits += cov.units * frac;
        out.baselineGmv += cov.gmv * frac;
        out.baselineCost += cov.cost * frac;
        out.promoUnits += cov.units * frac * lift;
        out.orders += (cov.units * frac * lift) / x.upo;
        out.ordersByMonth[pm.month]! += (cov.units * frac * lift) / x.upo;
        const spot = cov.gmv * spotFrac * pf;
        const presale = cov.gmv * preFrac * pf;
        out.gmvByMonth[pm.month]! += spot;
        out.cashByMonth[pm.month]! += spot + presale * t.deposit;
        const b = t.balanceMonth ?? pm.month;
        if (b >= 0) {
          out.gmvByMonth[b]! += presale;
          out.cashByMonth[b]! += presale * (1 - t.deposit);
        }
        out.promoGmv += spot + (b >= 0 ? presale : 0);
      });
      return out;
    });
    return { terms: t, channels: list };
  });

  function coveredEveryday(t: PromotionTerms, c: number, m: number): { units: number; gmv: number; cost: number } {
    const ch = channels[c]!;
    if (!t.skus) return { units: ch.everydayUnits[m]!, gmv: ch.everydayGmv[m]!, cost: ch.everydayCost[m]! };
    let units = 0;
    let gmv = 0;
    let costs = 0;
    for (const id of t.skus) {
      const s = skuIndex.get(id);
      if (s === undefined) continue;
      const eu = everydayUnitsOf(s, c, m);
      units += eu;
      gmv += eu * price[s]! * (1 - setups[c]!.disc);
      costs += eu * cost[s]!;
    }
    return { units, gmv, cost: costs };
  }

  const IDENTITY: Factor[][] = Array.from({ length: M }, (_, m) => [{ t: m, u: 1, g: 1 }]);
  const factorCache = base.factors;
  /** How everyday sales of month m on channel c move under the promotions `set` (day by day, stacked). */
  function factors(c: number, m: number, set: readonly number[]): Factor[] {
    if (set.length === 0) return IDENTITY[m]!;
    const depths = set.map((p) => priceDepth[p]!.get(c) ?? 0);
    // The factors follow from the month, the promotions and their price depths alone (the channel only sets the depths).
    let byMonth = factorCache.get(set);
    if (!byMonth) factorCache.set(set, (byMonth = new Array(M)));
    const known = (byMonth[m] ??= []);
    for (const k of known) if (k.depths.every((d, i) => d === depths[i])) return k.factors;
    const D = daysInMonth(months[m]!);
    const acc = new Map<number, Factor>();
    const runs = set.map((p, i) => ({ t: terms[p]!, pm: terms[p]!.months.find((x) => x.month === m), depth: depths[i]! }));
    for (let d = 1; d <= D; d++) {
      let uplift = 0;
      let depth = 0;
      let target = m;
      for (const r of runs) {
        if (!r.pm || d < r.pm.first || d > r.pm.last) continue;
        uplift += r.t.uplift;
        depth += r.depth;
        if (target === m && r.t.balanceMonth !== null && r.t.isPresale(dateOf(months[m]!, d))) target = r.t.balanceMonth;
      }
      const e = acc.get(target) ?? { t: target, u: 0, g: 0 };
      e.u += (1 + uplift) / D;
      e.g += ((1 + uplift) * Math.max(0, 1 - depth)) / D;
      acc.set(target, e);
    }
    const out = [...acc.values()].sort((a, b) => a.t - b.t);
    known.push({ depths, factors: out });
    return out;
  }
  // The factors of the promotions for every SKU, per channel and month, and of each pair's set: looked up per SKU and
  // month below, so kept in arrays.
  const wideFactors: Array<readonly Factor[] | undefined> = new Array(C * M);
  const factorsOfWide = (c: number, m: number): readonly Factor[] => (wideFactors[c * M + m] ??= factors(c, m, wide[c]![m]!));
  const setFactors = new Map<readonly number[], Array<readonly Factor[] | undefined>>();
  /** The factors of SKU s on channel c in month m while promotions listing it run then (with those for every SKU); null when none does. */
  const pairFactors = (s: number, c: number, m: number): readonly Factor[] | null => {
    const listed = pairPromos.get(s * C + c);
    const set = listed ? pairSet(listed, c, m) : null;
    if (!set) return null;
    let byCell = setFactors.get(set);
    if (!byCell) setFactors.set(set, (byCell = new Array(C * M)));
    return (byCell[c * M + m] ??= factors(c, m, set));
  };

  /** Adds a SKU's everyday sales on a channel in month m, moved by `fs`, to the SKU's arrays (× sign). */
  const addToSku = (s: number, c: number, m: number, eu: number, fs: readonly Factor[], sign: number) => {
    const x = setups[c]!;
    const r = x.ret[skuCategory[s]!]!;
    const eg = eu * price[s]! * (1 - x.disc);
    for (let j = 0; j < fs.length; j++) {
      const e = fs[j]!;
      if (e.t < 0) continue;
      const i = s * M + e.t;
      skuUnits[i]! += sign * eu * e.u;
      skuKept[i]! += sign * eu * e.u * (1 - r);
      skuGmv[i]! += sign * eg * e.g;
      skuRefunds[i]! += sign * eg * e.g * r;
    }
  };
  /** Adds a SKU's everyday sales on channel c in month m, moved by `fs`, to the channel's arrays (× sign). */
  const addToChannel = (s: number, c: number, m: number, eu: number, fs: readonly Factor[], sign: number) => {
    const x = setups[c]!;
    const ch = channels[c]!;
    const k = skuCategory[s]!;
    const r = x.ret[k]!;
    const eg = eu * price[s]! * (1 - x.disc);
    for (let j = 0; j < fs.length; j++) {
      const e = fs[j]!;
      if (e.t < 0) continue;
      ch.units[e.t]! += sign * eu * e.u;
      ch.keptUnits[e.t]! += sign * eu * e.u * (1 - r);
      ch.cogs[e.t]! += sign * eu * e.u * (1 - r) * cost[s]!;
      ch.gmv[e.t]! += sign * eg * e.g;
      ch.refunds[e.t]! += sign * eg * e.g * r;
      ch.categoryUnits[k * M + e.t]! += sign * eu * e.u;
      ch.categoryGmv[k * M + e.t]! += sign * eg * e.g;
    }
  };

  // Per category: Σ over channels of κ × factor (units, kept, GMV, refunds), month m → month t. Diagonal
  // (t = m) in arrays, the rest (presale GMV landing in a later month) in a short list.
  const A = new Float64Array(K * M);
  const Akept = new Float64Array(K * M);
  const G = new Float64Array(K * M);
  const R = new Float64Array(K * M);
  const offDiagonal: Array<Array<{ m: number; t: number; a: number; kept: number; g: number; r: number }>> = Array.from({ length: K }, () => []);

  setups.forEach((x, c) => {
    const ch = channels[c]!;
    const orders = traffic.channels[c]?.orders ?? new Float64Array(M);
    if (!x.productDriven) {
      // Orders × stated AOV; promotions for every SKU still move it; COGS follows the SKU mix's ratio (funnel.ts).
      for (let m = 0; m < M; m++) {
        const fs = factorsOfWide(c, m);
        for (let j = 0; j < fs.length; j++) {
          const e = fs[j]!;
          if (e.t < 0) continue;
          ch.units[e.t]! += orders[m]! * x.upo * e.u;
          ch.orders[e.t]! += orders[m]! * e.u;
          ch.gmv[e.t]! += ch.everydayGmv[m]! * e.g;
          ch.refunds[e.t]! += ch.everydayGmv[m]! * e.g * x.retDefault;
          ch.keptUnits[e.t]! += orders[m]! * x.upo * e.u * (1 - x.retDefault);
        }
      }
      return;
    }
    if (x.mode === 'skus') {
      for (const { s } of x.skuMix) {
        for (let m = 0; m < M; m++) {
          const eu = everydayUnitsOf(s, c, m);
          if (eu === 0) continue;
          const fs = pairFactors(s, c, m) ?? factorsOfWide(c, m);
          addToChannel(s, c, m, eu, fs, 1);
          addToSku(s, c, m, eu, fs, 1);
        }
      }
    } else {
      for (let m = 0; m < M; m++) {
        const fs = factorsOfWide(c, m);
        for (let k = 0; k < K; k++) {
          const kappa = x.kappa[k * M + m]!;
          if (kappa === 0) continue;
          const r = x.ret[k]!;
          const eu = kappa * x.F[k * M + m]!;
          const eg = kappa * x.PF[k * M + m]! * (1 - x.disc);
          const ec = kappa * x.CF[k * M + m]!;
          for (let j = 0; j < fs.length; j++) {
            const e = fs[j]!;
            if (e.t < 0) continue;
            ch.units[e.t]! += eu * e.u;
            ch.keptUnits[e.t]! += eu * e.u * (1 - r);
            ch.cogs[e.t]! += ec * e.u * (1 - r);
            ch.gmv[e.t]! += eg * e.g;
            ch.refunds[e.t]! += eg * e.g * r;
            ch.categoryUnits[k * M + e.t]! += eu * e.u;
            ch.categoryGmv[k * M + e.t]! += eg * e.g;
            // SKUs sold on every channel share these coefficients.
            const a = kappa * e.u;
            const kept = a * (1 - r);
            const g = kappa * (1 - x.disc) * e.g;
            if (e.t === m) {
              A[k * M + m]! += a;
              Akept[k * M + m]! += kept;
              G[k * M + m]! += g;
              R[k * M + m]! += g * r;
            } else offDiagonal[k]!.push({ m, t: e.t, a, kept, g, r: g * r });
          }
        }
      }
      // SKUs listing this channel: their share of it, one by one.
      for (const s of listedOn[c]!) {
        for (let m = 0; m < M; m++) {
          const eu = everydayUnitsOf(s, c, m);
          if (eu !== 0) addToSku(s, c, m, eu, factorsOfWide(c, m), 1);
        }
      }
    }
    ch.orders.set(ch.units.map((u) => u / x.upo));
  });

  // SKUs sold on every channel: f × the category's coefficients.
  for (let s = 0; s < S; s++) {
    if (listedChannels[s] !== null) continue;
    const k = skuCategory[s]!;
    for (let m = 0; m < M; m++) {
      const w = f[s * M + m]!;
      if (w === 0) continue;
      const i = s * M + m;
      skuUnits[i]! += w * A[k * M + m]!;
      skuKept[i]! += w * Akept[k * M + m]!;
      skuGmv[i]! += w * price[s]! * G[k * M + m]!;
      skuRefunds[i]! += w * price[s]! * R[k * M + m]!;
    }
    for (const e of offDiagonal[k]!) {
      const w = f[s * M + e.m]!;
      if (w === 0) continue;
      const i = s * M + e.t;
      skuUnits[i]! += w * e.a;
      skuKept[i]! += w * e.kept;
      skuGmv[i]! += w * price[s]! * e.g;
      skuRefunds[i]! += w * price[s]! * e.r;
    }
  }

  // Promotions listing SKUs: on their days the pair's own factors replace the channel's (forecast and category
  // modes; `mix.skus` channels applied them above). The orders of a channel whose units they move follow once.
  const moved = new Set<number>();
  for (const key of pairKeys) {
    const s = Math.floor(key / C);
    const c = key % C;
    const x = setups[c]!;
    if (x.mode === 'skus' || !x.productDriven) continue;
    moved.add(c);
    for (let m = 0; m < M; m++) {
      const own = pairFactors(s, c, m);
      if (!own) continue;
      const eu = everydayUnitsOf(s, c, m);
      if (eu === 0) continue;
      const base = factorsOfWide(c, m);
      addToChannel(s, c, m, eu, base, -1);
      addToSku(s, c, m, eu, base, -1);
      addToChannel(s, c, m, eu, own, 1);
      addToSku(s, c, m, eu, own, 1);
    }
  }
  for (const c of moved) channels[c]!.orders.set(channels[c]!.units.map((u) => u / setups[c]!.upo));

  return {
    months,
    vatRate,
    categories,
    skuIds: skus.map((s) => s.id),
    skuCategory,
    price,
    cost,
    onSale,
    forecastUnits,
    skuUnits,
    skuKept,
    skuGmv,
    skuRefunds,
    channels,
    promotions,
  };

  function everydayAov(ch: ChannelSales, x: Setup, window: readonly number[]): number | null {
    if (!x.productDriven) return x.statedAov > 0 ? x.statedAov : null;
    const ratioOver = (ms: Iterable<number>) => {
      let g = 0;
      let o = 0;
      for (const m of ms) {
        g += ch.everydayGmv[m]!;
        o += ch.everydayOrders[m]!;
      }
      return o > 0 ? g / o : null;
    };
    return ratioOver(window) ?? ratioOver(months.keys()) ?? (x.statedAov > 0 ? x.statedAov : null);
  }
}

function finite(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

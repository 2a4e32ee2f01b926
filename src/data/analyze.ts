// The order analyses, in SQL over the `stage` table that load-orders.ts fills. Every query returns
// aggregates; customer ids exist only as 64-bit hashes inside DuckDB and are never selected out.
//
// Definitions (also in docs/data.md):
// - An order is one order id (rows sharing it are its lines); its time is its earliest row, its amounts
//   the sums of its rows. GMV = paid amount (refunds included); net sales = paid − refunds.
// - A customer's first order is the earliest order in the data: "new" means new to the data.
// - Seasonality: the baseline year's GMV (or orders) per month ÷ the year's.
// - Repurchase rate: buyers of the baseline year with 2+ orders in it ÷ buyers of the year.
// - Cohorts: buyers by the month of their first order (baseline-year cohorts); retention k = share of the
//   cohort with an order in month k after it.
// - RFM scores every customer with an order on or before `asOf`: recency = days from the last order day
//   to asOf, frequency = orders and monetary = net spend in the window of `windowMonths` (12) months up to
//   asOf. A lapsed customer (no order in the window) keeps a score: long recency, frequency 0, spend 0.
//   Scores with four ascending cut-offs c1…c4: R = 5 when recency ≤ c1, 4 when ≤ c2, 3 when ≤ c3, 2 when
//   ≤ c4, else 1; F and M = 1 when ≤ c1, 2 when ≤ c2, 3 when ≤ c3, 4 when ≤ c4, else 5, so 5 is always
//   the best and a value equal to a cut-off takes the lower score. Quintile cut-offs are DuckDB's
//   `quantile_disc` at 0.2/0.4/0.6/0.8 of the scored customers' values: the value at (1-based)
//   position ⌈q·n⌉ of the n values sorted ascending (nearest rank); with many equal values several cut-offs coincide and a
//   score can stay empty. A customer belongs to the first segment of users.yaml whose rule holds all three.
import type { OrderDb, Row } from './duckdb.ts';
import { sqlString } from './duckdb.ts';
import { ORDER_BASELINE_VERSION, type CohortRow, type OrderBaseline, type OrderMonth, type RfmSegmentCount, type SkuFigures } from '../model/order-baseline.ts';
import type { FileLoad } from './load-orders.ts';

export interface SegmentRule {
  id: string;
  rule: { r?: number[]; f?: number[]; m?: number[] };
}

export interface AnalysisContext {
  baselineYear: number;
  /** Months of the plan horizon (`YYYY-MM`): orders in them become actuals. */
  horizon: readonly string[];
  currency: string;
  timeZone: string;
  /** Channel ids of channels.yaml; null accepts any channel value. */
  channels: readonly string[] | null;
  /** SKU ids of products.yaml. */
  skus: readonly string[];
  seasonality: { id: string; metric: 'gmv' | 'orders' };
  rfm: {
    scoring: 'quintiles' | 'cutoffs';
    /** `YYYY-MM-DD`. */
    asOf: string;
    /** Months up to asOf whose orders count for frequency and monetary (data.yaml `rfm.windowMonths`, 12). */
    windowMonths?: number;
    /** users.yaml cut-offs (required for `cutoffs` scoring). */
    cutoffs?: { recencyDays: number[]; frequency: number[]; monetary: number[] };
    segments: readonly SegmentRule[];
  };
  topSkus: number;
  slowShare: number;
  slowDays: number;
}

const yuan = (fen: unknown) => Math.round(Number(fen ?? 0)) / 100;
const num = (v: unknown) => Number(v ?? 0);
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const monthOf = (mi: number) => `${Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;
const miOf = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

function figures(r: Row, newCustomers?: number): OrderMonth {
  const gmv = yuan(r.gmv);
  const refunds = yuan(r.refunds);
  const orders = num(r.orders);
  return {
    gmv,
    refunds,
    netSales: Math.round((gmv - refunds) * 100) / 100,
    orders,
    customers: num(r.customers),
    ...(newCustomers !== undefined ? { newCustomers, returningCustomers: num(r.customers) - newCustomers } : {}),
    aov: orders ? Math.round((gmv / orders) * 100) / 100 : null,
  };
}

/** Runs every analysis over `stage`; `files` and `sources` describe what was loaded. */
export async function analyzeStage(db: OrderDb, ctx: AnalysisContext, files: readonly FileLoad[], sources: OrderBaseline['sources']): Promise<OrderBaseline> {
  const Y = ctx.baselineYear;
  const y0 = Y * 12;
  const y1 = Y * 12 + 11;
  // Row order matters only while loading (row → line); the analyses run faster without it.
  await db.run(`SET preserve_insertion_order = false`);
  // Orders: one row per order id.
  await db.run(`CREATE OR REPLACE TEMP TABLE ord AS
    SELECT oid, min(cid) AS cid, min(ts) AS ts, CAST(min(ts) AS DATE) AS d, year(min(ts)) * 12 + month(min(ts)) - 1 AS mi,
           sum(paid) AS paid, sum(refund) AS refund, min(channel) AS channel
    FROM stage WHERE problem IS NULL GROUP BY oid`);
  // SKUs need the order lines; after them the lines are no longer needed (memory for the rest).
  const skus = await analyzeSkus(db, ctx);
  await db.run(`DROP TABLE stage`);
  // Customer-months: one row per buyer and month they bought in (monthly buyers, cohorts).
  await db.run(`CREATE OR REPLACE TEMP TABLE cm AS SELECT cid, mi FROM ord GROUP BY cid, mi`);
  // Customers: one row each, with everything the year figures and RFM need, in one pass.
  const asOf = sqlString(ctx.rfm.asOf);
  const inWindow = `d BETWEEN DATE ${sqlString(windowStart(ctx.rfm.asOf, ctx.rfm.windowMonths))} AND DATE ${asOf}`;
  await db.run(`CREATE OR REPLACE TEMP TABLE cust AS
    SELECT cid, min(mi) AS first_mi, count(*) FILTER (WHERE mi BETWEEN ${y0} AND ${y1}) AS n_year,
           DATE ${asOf} - max(d) FILTER (WHERE d <= DATE ${asOf}) AS rec,
           count(*) FILTER (WHERE ${inWindow}) AS freq,
           coalesce(sum(paid - refund) FILTER (WHERE ${inWindow}), 0) AS mon
    FROM ord GROUP BY cid`);
  const coverageRow = (await db.all(`SELECT strftime(min(d), '%Y-%m-%d') AS first, strftime(max(d), '%Y-%m-%d') AS last FROM ord`))[0] ?? {};
  const newByMonth = new Map((await db.all(`SELECT first_mi AS mi, count(*) AS n FROM cust GROUP BY ALL`)).map((r) => [num(r.mi), num(r.n)]));
  const buyersByMonth = new Map((await db.all(`SELECT mi, count(*) AS n FROM cm GROUP BY mi`)).map((r) => [num(r.mi), num(r.n)]));
  const monthlyRows = await db.all(`SELECT mi, CAST(sum(paid) AS DOUBLE) AS gmv, CAST(sum(refund) AS DOUBLE) AS refunds, count(*) AS orders FROM ord GROUP BY mi ORDER BY mi`);
  const monthly: Record<string, OrderMonth> = {};
  for (const r of monthlyRows) monthly[monthOf(num(r.mi))] = figures({ ...r, customers: buyersByMonth.get(num(r.mi)) ?? 0 }, newByMonth.get(num(r.mi)) ?? 0);
  const byChannel: Record<string, Record<string, OrderMonth>> = {};
  for (const r of await db.all(
    `SELECT channel, mi, CAST(sum(paid) AS DOUBLE) AS gmv, CAST(sum(refund) AS DOUBLE) AS refunds, count(*) AS orders, count(DISTINCT cid) AS customers FROM ord GROUP BY ALL ORDER BY channel, mi`,
  )) {
    (byChannel[String(r.channel)] ??= {})[monthOf(num(r.mi))] = figures(r);
  }

  // The baseline year.
  const yearRow =
    (
      await db.all(`SELECT CAST(coalesce(sum(paid), 0) AS DOUBLE) AS gmv, CAST(coalesce(sum(refund), 0) AS DOUBLE) AS refunds, count(*) AS orders
        FROM ord WHERE mi BETWEEN ${y0} AND ${y1}`)
    )[0] ?? {};
  const buyers =
    (
      await db.all(`SELECT count(*) FILTER (WHERE n_year >= 1) AS customers, count(*) FILTER (WHERE n_year >= 2) AS repeaters,
          count(*) FILTER (WHERE n_year >= 1 AND first_mi < ${y0}) AS returning FROM cust`)
    )[0] ?? {};
  const yearMonths = Object.keys(monthly).filter((m) => miOf(m) >= y0 && miOf(m) <= y1);
  const base = figures({ ...yearRow, customers: buyers.customers }, yearMonths.reduce((s, m) => s + (monthly[m]!.newCustomers ?? 0), 0));
  const totals: OrderBaseline['totals'] = {
    ...base,
    repurchaseRate: ratio(num(buyers.repeaters), num(buyers.customers)),
    ordersPerCustomer: ratio(base.orders, base.customers),
    refundRate: ratio(base.refunds, base.gmv),
    returningCustomers: num(buyers.returning),
    monthsCovered: yearMonths.length,
  };

  // Seasonality of the baseline year, by month of year.
  let seasonality: OrderBaseline['seasonality'] = null;
  const yearTotal = ctx.seasonality.metric === 'gmv' ? num(yearRow.gmv) : base.orders;
  if (yearTotal > 0) {
    const weights = Array.from({ length: 12 }, (_, k) => {
      const m = monthly[monthOf(y0 + k)];
      const v = m ? (ctx.seasonality.metric === 'gmv' ? Math.round(m.gmv * 100) : m.orders) : 0;
      return v / yearTotal;
    });
    seasonality = { id: ctx.seasonality.id, metric: ctx.seasonality.metric, weights };
  }

  // Cohorts of the baseline year, followed up to 12 months (as far as the data goes).
  const lastMi = coverageRow.last ? miOf(String(coverageRow.last)) : y1;
  const cohortCells = await db.all(`SELECT c.first_mi AS cohort, a.mi - c.first_mi AS k, count(*) AS n
      FROM cm a JOIN cust c USING (cid)
      WHERE c.first_mi BETWEEN ${y0} AND ${y1} AND a.mi - c.first_mi <= 12 GROUP BY ALL`);
  const cohorts: CohortRow[] = [];
  for (let mi = y0; mi <= y1; mi++) {
    const cells = cohortCells.filter((r) => num(r.cohort) === mi);
    const size = num(cells.find((r) => num(r.k) === 0)?.n);
    if (!size) continue;
    const span = Math.min(12, lastMi - mi);
    const retention = Array.from({ length: span + 1 }, (_, k) => (k === 0 ? 1 : num(cells.find((r) => num(r.k) === k)?.n) / size));
    cohorts.push({ cohort: monthOf(mi), size, retention });
  }

  const rfm = await analyzeRfm(db, ctx);

  // Months of the plan horizon become actuals.
  const actuals: Record<string, OrderMonth> = {};
  for (const m of ctx.horizon) if (monthly[m]) actuals[m] = monthly[m]!;

  const bad: Record<string, number> = {};
  for (const f of files) for (const [k, v] of Object.entries(f.bad)) bad[k] = (bad[k] ?? 0) + (v ?? 0);
  return {
    version: ORDER_BASELINE_VERSION,
    year: Y,
    currency: ctx.currency,
    timeZone: ctx.timeZone,
    sources,
    rows: {
      read: files.reduce((s, f) => s + f.rows, 0),
      used: files.reduce((s, f) => s + f.used, 0),
      filtered: files.reduce((s, f) => s + f.filtered, 0),
      bad,
      badTotal: Object.values(bad).reduce((s, v) => s + v, 0),
    },
    coverage: { first: (coverageRow.first as string | null) ?? null, last: (coverageRow.last as string | null) ?? null, months: Object.keys(monthly) },
    monthly,
    byChannel,
    totals,
    seasonality,
    cohorts,
    rfm,
    skus,
    actuals,
  };
}

function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The first day of the window of `months` months ending on `asOf`: the day after the same date `months`
 * months earlier (the month's last day when that date does not exist, e.g. 29 February).
 */
export function windowStart(asOf: string, months = 12): string {
  const index = Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7)) - 1 - months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = Math.min(Number(asOf.slice(8, 10)), lastDay);
  return addDays(`${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`, 1);
}

async function analyzeRfm(db: OrderDb, ctx: AnalysisContext): Promise<OrderBaseline['rfm']> {
  const asOf = ctx.rfm.asOf;
  const windowMonths = ctx.rfm.windowMonths ?? 12;
  const from = windowStart(asOf, windowMonths);
  // The scored customers' three values only: no id is carried further. Every customer who bought on or
  // before asOf is scored, lapsed ones too.
  await db.run(`CREATE OR REPLACE TEMP TABLE rfm AS SELECT rec, freq, mon FROM cust WHERE rec IS NOT NULL`);
  const counts = (await db.all(`SELECT count(*) AS n, count(*) FILTER (WHERE freq = 0) AS lapsed FROM rfm`))[0];
  const n = num(counts?.n);
  if (n === 0) return null;
  let cutoffs: { recencyDays: number[]; frequency: number[]; monetary: number[] };
  if (ctx.rfm.scoring === 'cutoffs' && ctx.rfm.cutoffs) {
    cutoffs = { recencyDays: [...ctx.rfm.cutoffs.recencyDays], frequency: [...ctx.rfm.cutoffs.frequency], monetary: [...ctx.rfm.cutoffs.monetary] };
  } else {
    const q = (await db.all(`SELECT quantile_disc(rec, [0.2, 0.4, 0.6, 0.8]) AS r, quantile_disc(freq, [0.2, 0.4, 0.6, 0.8]) AS f, quantile_disc(mon, [0.2, 0.4, 0.6, 0.8]) AS m FROM rfm`))[0]!;
    cutoffs = { recencyDays: (q.r as unknown[]).map(num), frequency: (q.f as unknown[]).map(num), monetary: (q.m as unknown[]).map((v) => yuan(v)) };
  }
  // Monetary cut-offs are in yuan; the table holds fen.
  const up = (expr: string, c: number[]) => `CASE WHEN ${expr} <= ${c[0]} THEN 1 WHEN ${expr} <= ${c[1]} THEN 2 WHEN ${expr} <= ${c[2]} THEN 3 WHEN ${expr} <= ${c[3]} THEN 4 ELSE 5 END`;
  const fenCut = cutoffs.monetary.map((v) => Math.round(v * 100));
  const rScore = `6 - ${up('rec', cutoffs.recencyDays)}`;
  const segmentCase = ctx.rfm.segments.length
    ? `CASE ${ctx.rfm.segments
        .map((s) => {
          const parts = (['r', 'f', 'm'] as const).flatMap((k) => (s.rule[k]?.length ? [`${k} IN (${s.rule[k]!.join(', ')})`] : []));
          return `WHEN ${parts.length ? parts.join(' AND ') : 'true'} THEN ${sqlString(s.id)}`;
        })
        .join(' ')} END`
    : 'NULL';
  await db.run(`CREATE OR REPLACE TEMP TABLE scored AS
    SELECT rec, freq, mon, r, f, m, ${segmentCase} AS segment FROM (
      SELECT rec, freq, mon, ${rScore} AS r, ${up('freq', cutoffs.frequency)} AS f, ${up('mon', fenCut)} AS m FROM rfm)`);
  const totalRevenue = num((await db.all(`SELECT CAST(sum(mon) AS DOUBLE) AS v FROM scored`))[0]?.v);
  const segRows = await db.all(
    `SELECT segment, count(*) AS n, CAST(sum(mon) AS DOUBLE) AS revenue, avg(rec) AS rec, avg(freq) AS freq, avg(mon) AS mon FROM scored GROUP BY segment`,
  );
  const order = [...ctx.rfm.segments.map((s) => s.id), null];
  const segments: RfmSegmentCount[] = order.flatMap((id) => {
    const r = segRows.find((row) => (row.segment ?? null) === id);
    if (!r && id === null) return [];
    const customers = num(r?.n);
    const revenue = yuan(r?.revenue);
    return [
      {
        id,
        customers,
        customerShare: customers / n,
        revenue,
        revenueShare: ratio(Math.round(revenue * 100), totalRevenue),
        avgRecencyDays: customers ? Math.round(num(r?.rec) * 10) / 10 : 0,
        avgOrders: customers ? Math.round(num(r?.freq) * 100) / 100 : 0,
        avgSpend: customers ? Math.round(num(r?.mon)) / 100 : 0,
      },
    ];
  });
  const grid = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const distribution = { r: [0, 0, 0, 0, 0], f: [0, 0, 0, 0, 0], m: [0, 0, 0, 0, 0] };
  for (const row of await db.all(`SELECT r, f, m, count(*) AS n FROM scored GROUP BY ALL`)) {
    const [r, f, m, k] = [num(row.r), num(row.f), num(row.m), num(row.n)];
    grid[5 - r]![f - 1]! += k;
    distribution.r[r - 1]! += k;
    distribution.f[f - 1]! += k;
    distribution.m[m - 1]! += k;
  }
  return { scoring: ctx.rfm.cutoffs && ctx.rfm.scoring === 'cutoffs' ? 'cutoffs' : 'quintiles', asOf, from, windowMonths, customers: n, lapsed: num(counts?.lapsed), cutoffs, distribution, grid, segments };
}

async function analyzeSkus(db: OrderDb, ctx: AnalysisContext): Promise<OrderBaseline['skus']> {
  const Y = ctx.baselineYear;
  const rows = await db.all(`SELECT sku, CAST(sum(paid) FILTER (WHERE year(ts) = ${Y}) AS DOUBLE) AS gmv,
        count(*) FILTER (WHERE year(ts) = ${Y}) AS orders, CAST(coalesce(sum(qty) FILTER (WHERE year(ts) = ${Y}), 0) AS DOUBLE) AS units,
        strftime(max(CAST(ts AS DATE)) FILTER (WHERE CAST(ts AS DATE) <= DATE ${sqlString(ctx.rfm.asOf)}), '%Y-%m-%d') AS last
      FROM stage WHERE problem IS NULL AND sku IS NOT NULL GROUP BY sku`);
  if (rows.length === 0 && ctx.skus.length === 0) return null;
  const total = rows.reduce((s, r) => s + Math.round(num(r.gmv)), 0);
  const known = new Set(ctx.skus);
  const all: SkuFigures[] = rows.map((r) => ({
    sku: String(r.sku),
    gmv: yuan(r.gmv),
    share: total ? Math.round(num(r.gmv)) / total : 0,
    orders: num(r.orders),
    units: num(r.units),
    lastSale: (r.last as string | null) ?? null,
    known: known.has(String(r.sku)),
  }));
  for (const sku of ctx.skus) if (!all.some((s) => s.sku === sku)) all.push({ sku, gmv: 0, share: 0, orders: 0, units: 0, lastSale: null, known: true });
  all.sort((a, b) => b.gmv - a.gmv || a.sku.localeCompare(b.sku));
  const staleBefore = addDays(ctx.rfm.asOf, -ctx.slowDays);
  const slow = all
    .map((s) => {
      const reasons: NonNullable<SkuFigures['reasons']> = [];
      if (s.lastSale === null) reasons.push('no-order');
      else {
        if (s.share < ctx.slowShare) reasons.push('low-share');
        if (s.lastSale < staleBefore) reasons.push('stale');
      }
      return reasons.length ? { ...s, reasons } : null;
    })
    .filter((s): s is SkuFigures & { reasons: NonNullable<SkuFigures['reasons']> } => s !== null)
    .sort((a, b) => a.gmv - b.gmv || a.sku.localeCompare(b.sku));
  return { count: all.filter((s) => s.lastSale !== null).length, top: all.filter((s) => s.gmv > 0).slice(0, ctx.topSkus), slow, slowShare: ctx.slowShare, slowDays: ctx.slowDays };
}

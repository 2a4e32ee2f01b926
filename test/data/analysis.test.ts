// Every analysis on a hand-made order file (fixtures/orders-small.csv, 17 rows), against figures worked
// out by hand. The file: customers a–g, channels tmall and jd, SKUs tea/cup/gift; one order (O07) has
// two lines; cust-d's first order is in 2025-12 (a returning customer in 2026); 2027 rows are actuals.
//
//   2026   orders                          GMV    refunds  buyers  new
//   01     O01 a 100, O02 b 200              300      0       2      2 (a, b)
//   02     O03 a 50,  O04 c 300 (−50)        350     50       2      1 (c)
//   03     O05 b 150, O06 d 80               230      0       2      0 (d first bought 2025-12)
//   06     O07 a 400+100, O08 e 120          620      0       2      1 (e)
//   11     O09 c 500, O10 f 250, O11 e 60    810      0       3      1 (f)
//   12     O12 a 200                         200      0       1      0
//   year   12 orders, 6 buyers              2510     50              5, returning 1 (d)
import { describe, expect, it } from 'vitest';
import { analyzeOrders } from '../../src/data/analyze-orders.ts';
import { profileShares } from '../../src/engine/baseline-result.ts';
import { windowStart } from '../../src/data/analyze.ts';
import { SMALL_ORDERS, context, csvSource, SEGMENTS } from './helpers.ts';

const run = (extra: Parameters<typeof context>[0] = {}) => analyzeOrders([csvSource(SMALL_ORDERS)], context(extra), { cacheDir: null });
const outcome = await run();
const b = outcome.baseline!;

describe('order analysis on a hand-made file', () => {
  it('reads every row and reports no problem', () => {
    expect(outcome.problems).toEqual([]);
    expect(b.rows).toEqual({ read: 17, used: 17, filtered: 0, bad: {}, badTotal: 0 });
    expect(b.coverage.first).toBe('2025-12-01');
    expect(b.coverage.last).toBe('2027-02-02');
  });

  it('aggregates GMV, refunds, orders, buyers and new buyers by month', () => {
    const pick = (m: string) => {
      const x = b.monthly[m]!;
      return [x.gmv, x.refunds, x.orders, x.customers, x.newCustomers];
    };
    expect(pick('2026-01')).toEqual([300, 0, 2, 2, 2]);
    expect(pick('2026-02')).toEqual([350, 50, 2, 2, 1]);
    expect(pick('2026-03')).toEqual([230, 0, 2, 2, 0]);
    expect(pick('2026-06')).toEqual([620, 0, 2, 2, 1]); // O07's two lines are one order of 500
    expect(pick('2026-11')).toEqual([810, 0, 3, 3, 1]);
    expect(pick('2026-12')).toEqual([200, 0, 1, 1, 0]);
    expect(b.monthly['2026-04']).toBeUndefined();
    expect(b.monthly['2026-06']!.aov).toBe(310);
  });

  it('splits months by channel', () => {
    expect(b.byChannel.tmall!['2026-11']).toMatchObject({ gmv: 560, orders: 2, customers: 2 });
    expect(b.byChannel.jd!['2026-11']).toMatchObject({ gmv: 250, orders: 1, customers: 1 });
    expect(Object.keys(b.byChannel).sort()).toEqual(['jd', 'tmall']);
  });

  it('computes the baseline year: AOV, repurchase rate, new vs returning', () => {
    expect(b.totals).toMatchObject({ gmv: 2510, refunds: 50, netSales: 2460, orders: 12, customers: 6, newCustomers: 5, returningCustomers: 1, monthsCovered: 6 });
    expect(b.totals.aov).toBe(209.17); // 2510 / 12
    // a (4 orders), b, c, e (2 each) bought again; d and f once: 4 / 6
    expect(b.totals.repurchaseRate).toBeCloseTo(4 / 6, 12);
    expect(b.totals.ordersPerCustomer).toBe(2);
    expect(b.totals.refundRate).toBeCloseTo(50 / 2510, 12);
  });

  it('derives seasonality weights from the baseline year', () => {
    const w = b.seasonality!.weights;
    expect(w).toHaveLength(12);
    const expected = [300, 350, 230, 0, 0, 620, 0, 0, 0, 0, 810, 200].map((v) => v / 2510);
    w.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 12));
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    // Over a plan horizon starting in July: the same shares, month of year by month of year.
    const shares = profileShares(b, ['2027-07', '2027-08', '2027-09', '2027-10', '2027-11', '2027-12', '2028-01', '2028-02', '2028-03', '2028-04', '2028-05', '2028-06'])!;
    expect(shares['2027-11']).toBeCloseTo(810 / 2510, 12);
    expect(shares['2028-06']).toBeCloseTo(620 / 2510, 12);
    // Over a half year the shares are rescaled to add up to 1: Jan–Jun hold 1500 of 2510.
    const half = profileShares(b, ['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'])!;
    expect(half['2027-06']).toBeCloseTo(620 / 1500, 12);
  });

  it('weights by orders when the profile metric is orders', async () => {
    const byOrders = (await run({ seasonality: { id: 'from-orders', metric: 'orders' } })).baseline!;
    expect(byOrders.seasonality!.weights).toEqual([2, 2, 2, 0, 0, 2, 0, 0, 0, 0, 3, 1].map((v) => v / 12));
  });

  it('builds the cohort retention matrix (cohorts of 2026, followed into 2027)', () => {
    // 2026-01: a, b. a buys again in Feb (k1), Jun (k5), Dec (k11); b in Mar (k2) and 2027-01 (k12).
    // The data ends 2027-02, so 2026-06 is followed 8 months and 2026-11 three.
    expect(b.cohorts).toEqual([
      { cohort: '2026-01', size: 2, retention: [1, 0.5, 0.5, 0, 0, 0.5, 0, 0, 0, 0, 0, 0.5, 0.5] },
      { cohort: '2026-02', size: 1, retention: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0] },
      { cohort: '2026-06', size: 1, retention: [1, 0, 0, 0, 0, 1, 0, 0, 0] },
      { cohort: '2026-11', size: 1, retention: [1, 0, 0, 0] },
    ]);
  });

  it('scores RFM by quintiles (nearest rank) and counts segments', () => {
    // As of 2026-12-31 (window 2026-01-01 … 2026-12-31):
    //   cust   last order   recency  orders  net spend   R F M
    //   a      2026-12-20      11       4       850      5 5 5   champions
    //   b      2026-03-03     303       2       350      1 2 3   lapsing (r = 1)
    //   c      2026-11-11      50       2       750      4 2 4   high-potential
    //   d      2026-03-15     291       1        80      2 1 1   no segment
    //   e      2026-11-20      41       2       180      5 2 1   recent
    //   f      2026-11-11      50       1       250      4 1 2   recent
    // n = 6: cut-offs at sorted positions ⌈1.2⌉ = 2, ⌈2.4⌉ = 3, ⌈3.6⌉ = 4, ⌈4.8⌉ = 5.
    //   recency 11 41 50 50 291 303 → 41 50 50 291; orders 1 1 2 2 2 4 → 1 2 2 2; spend 80 180 250 350 750 850 → 180 250 350 750
    const rfm = b.rfm!;
    expect(rfm.scoring).toBe('quintiles');
    expect(rfm.from).toBe('2026-01-01');
    expect(rfm.customers).toBe(6);
    expect(rfm.cutoffs).toEqual({ recencyDays: [41, 50, 50, 291], frequency: [1, 2, 2, 2], monetary: [180, 250, 350, 750] });
    expect(rfm.distribution).toEqual({ r: [1, 1, 0, 2, 2], f: [2, 3, 0, 0, 1], m: [2, 1, 1, 1, 1] });
    expect(rfm.grid).toEqual([
      [0, 1, 0, 0, 1], // R5: e (F2), a (F5)
      [1, 1, 0, 0, 0], // R4: f (F1), c (F2)
      [0, 0, 0, 0, 0],
      [1, 0, 0, 0, 0], // R2: d
      [0, 1, 0, 0, 0], // R1: b
    ]);
    const seg = Object.fromEntries(rfm.segments.map((s) => [String(s.id), [s.customers, s.revenue, Math.round(s.revenueShare! * 10000) / 10000]]));
    expect(seg).toEqual({
      champions: [1, 850, 0.3455], // 850 / 2460
      'high-potential': [1, 750, 0.3049],
      recent: [2, 430, 0.1748],
      lapsing: [1, 350, 0.1423],
      null: [1, 80, 0.0325],
    });
    expect(rfm.segments.find((s) => s.id === 'recent')).toMatchObject({ avgRecencyDays: 45.5, avgOrders: 1.5, avgSpend: 215, customerShare: 2 / 6 });
  });

  it('scores RFM by the fixed cut-offs of users.yaml when asked', async () => {
    const cutoffs = { recencyDays: [30, 90, 180, 365], frequency: [1, 2, 4, 8], monetary: [200, 600, 1500, 4000] };
    const rfm = (await run({ rfm: { scoring: 'cutoffs', asOf: '2026-12-31', cutoffs, segments: [] } })).baseline!.rfm!;
    expect(rfm.scoring).toBe('cutoffs');
    expect(rfm.cutoffs).toEqual(cutoffs);
    // R: a 11→5, e 41→4, c/f 50→4, d 291→2, b 303→2; F: 1→1, 2→2, 4→3; M: 80,180→1, 250,350→2, 750,850→3
    expect(rfm.distribution).toEqual({ r: [0, 2, 0, 3, 1], f: [2, 3, 1, 0, 0], m: [2, 2, 2, 0, 0] });
    expect(rfm.segments).toEqual([{ id: null, customers: 6, customerShare: 1, revenue: 2460, revenueShare: 1, avgRecencyDays: 124.3, avgOrders: 2, avgSpend: 410 }]);
  });

  it('scores a window that ends mid-year (as of 2026-06-30: 2025-07-01 … 2026-06-30)', async () => {
    expect(windowStart('2026-06-30')).toBe('2025-07-01');
    expect(windowStart('2028-02-29')).toBe('2027-03-01');
    const rfm = (await run({ rfm: { scoring: 'quintiles', asOf: '2026-06-30', segments: [] } })).baseline!.rfm!;
    // d (2025-12-01 and 2026-03-15), a, b, c, e: five customers; f buys only in November.
    expect(rfm.customers).toBe(5);
  });

  it('scores lapsed customers too: long recency, no orders, no spend (as of 2027-03-31: window 2026-04-01 … 2027-03-31)', async () => {
    // Every customer with an order on or before 2027-03-31 is scored; frequency and spend count the window.
    //   cust   last order   recency (days to 2027-03-31)           orders  net spend
    //   a      2027-02-02    26 + 31                     =  57       3    500 + 200 + (120 − 20) = 800
    //   b      2027-01-08    23 + 28 + 31                =  82       1    180
    //   c      2026-11-11    19 + 31 + 31 + 28 + 31      = 140       1    500
    //   d      2026-03-15    16 + 275 (Apr–Dec) + 90     = 381       0      0   lapsed: kept, scored low
    //   e      2026-11-20    10 + 31 + 31 + 28 + 31      = 131       2    120 + 60 = 180
    //   f      2026-11-11                                  140       1    250
    //   g      2027-01-15    16 + 28 + 31                =  75       1     90
    // n = 7: cut-offs at sorted positions ⌈1.4⌉ = 2, ⌈2.8⌉ = 3, ⌈4.2⌉ = 5, ⌈5.6⌉ = 6:
    //   recency 57 75 82 131 140 140 381 → 75 82 140 140;  orders 0 1 1 1 1 2 3 → 1 1 1 2;
    //   spend 0 90 180 180 250 500 800 → 90 180 250 500.
    // R: a, g 5; b 4; e, c, f 3; d 1.  F: d, b, c, f, g 1; e 4; a 5.  M: d, g 1; b, e 2; f 3; c 4; a 5.
    const rfm = (await run({ rfm: { scoring: 'quintiles', asOf: '2027-03-31', segments: SEGMENTS } })).baseline!.rfm!;
    expect(rfm).toMatchObject({ from: '2026-04-01', windowMonths: 12, customers: 7, lapsed: 1 });
    expect(rfm.cutoffs).toEqual({ recencyDays: [75, 82, 140, 140], frequency: [1, 1, 1, 2], monetary: [90, 180, 250, 500] });
    expect(rfm.distribution).toEqual({ r: [1, 0, 3, 1, 2], f: [5, 0, 0, 1, 1], m: [2, 2, 1, 1, 1] });
    // champions a (5 5 5); high-potential none; recent g, b (R ≥ 4); lapsing d (R 1); c, e, f in no segment.
    const seg = Object.fromEntries(rfm.segments.map((s) => [String(s.id), [s.customers, s.revenue, s.revenueShare]]));
    expect(seg).toEqual({ champions: [1, 800, 0.4], 'high-potential': [0, 0, 0], recent: [2, 270, 0.135], lapsing: [1, 0, 0], null: [3, 930, 0.465] }); // of 2,000
    // Nobody is dropped: every count adds up to the customers scored.
    for (const scores of Object.values(rfm.distribution)) expect(scores.reduce((a, b) => a + b, 0)).toBe(7);
    expect(rfm.grid.flat().reduce((a, b) => a + b, 0)).toBe(7);
    expect(rfm.segments.reduce((a, s) => a + s.customers, 0)).toBe(7);
  });

  it('counts frequency and spend over the window data.yaml sets (windowMonths)', async () => {
    // As of 2026-12-31 with a 3-month window (2026-10-01 …): only c, f, e, a ordered in it; b and d are lapsed.
    expect(windowStart('2026-12-31', 3)).toBe('2026-10-01');
    expect(windowStart('2027-05-31', 3)).toBe('2027-03-01'); // 2027-02-28 is the month's last day, the window starts the day after
    const rfm = (await run({ rfm: { scoring: 'quintiles', asOf: '2026-12-31', windowMonths: 3, segments: [] } })).baseline!.rfm!;
    expect(rfm).toMatchObject({ from: '2026-10-01', windowMonths: 3, customers: 6, lapsed: 2 });
  });

  it('lists top SKUs and slow sellers', () => {
    const skus = b.skus!;
    expect(skus.count).toBe(3);
    expect(skus.top.map((s) => [s.sku, s.gmv, s.orders, s.units, s.lastSale])).toEqual([
      ['gift', 1200, 3, 3, '2026-11-11'],
      ['tea', 1120, 7, 7, '2026-12-20'],
      ['cup', 190, 3, 3, '2026-11-20'],
    ]);
    expect(skus.top[0]!.share).toBeCloseTo(1200 / 2510, 12);
    // slowShare 0.1: cup sells 7.6 %; `old` is in products.yaml but never sold.
    expect(skus.slow.map((s) => [s.sku, s.reasons])).toEqual([
      ['old', ['no-order']],
      ['cup', ['low-share']],
    ]);
  });

  it('marks a SKU without a sale in the last N days as slow', async () => {
    const slow = (await run({ slowDays: 40, slowShare: 0 })).baseline!.skus!.slow;
    // As of 2026-12-31 minus 40 days = 2026-11-21: gift (11-11) and cup (11-20) sold before.
    expect(slow.map((s) => s.sku)).toEqual(['old', 'cup', 'gift']);
  });

  it('gives the plan horizon months as actuals', () => {
    expect(Object.keys(b.actuals)).toEqual(['2027-01', '2027-02']);
    expect(b.actuals['2027-01']).toMatchObject({ gmv: 270, orders: 2, customers: 2, newCustomers: 1 }); // g is new, b returns
    expect(b.actuals['2027-02']).toMatchObject({ gmv: 120, refunds: 20, orders: 1, newCustomers: 0 });
  });

  it('holds no customer or order id', () => {
    const json = JSON.stringify(outcome);
    for (const id of ['cust-a', 'cust-b', 'cust-g', 'O01', 'O07', 'O15']) expect(json).not.toContain(id);
  });
});

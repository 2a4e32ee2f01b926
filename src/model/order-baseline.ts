// What the order analysis hands to compute: aggregates only. No customer id, order id or any other
// per-customer value ever appears here — counts, sums and shares over groups of customers and orders.
// Money in yuan rounded to the fen; rates as decimals; months `YYYY-MM`; null where a ratio is 0 / 0.

/** One month (or one month of one channel). */
export interface OrderMonth {
  /** Paid amount (GMV), refunds included. */
  gmv: number;
  refunds: number;
  /** gmv − refunds. */
  netSales: number;
  /** Distinct orders. */
  orders: number;
  /** Distinct buyers. */
  customers: number;
  /** Buyers whose first order in the data falls in the month. Not given per channel. */
  newCustomers?: number;
  /** Buyers of the month whose first order in the data is earlier (customers − newCustomers). Not given per channel. */
  returningCustomers?: number;
  /** gmv ÷ orders. */
  aov: number | null;
}

export interface CohortRow {
  /** Month of the cohort's first order in the data. */
  cohort: string;
  /** Buyers in the cohort. */
  size: number;
  /** Share of the cohort buying in month k after the first (k = 0 is 1); only months the data covers. */
  retention: number[];
}

export interface RfmSegmentCount {
  /** Segment id of users.yaml `rfm.segments`; null for customers no segment rule takes. */
  id: string | null;
  customers: number;
  customerShare: number;
  /** Net spend (paid − refunds) of the segment's customers in the RFM window. */
  revenue: number;
  revenueShare: number | null;
  /** Means over the segment's customers. */
  avgRecencyDays: number;
  avgOrders: number;
  avgSpend: number;
}

export interface SkuFigures {
  sku: string;
  gmv: number;
  /** Share of the baseline year's paid amount. */
  share: number;
  /** Order lines with the SKU (an order listing the SKU on two rows counts twice). */
  orders: number;
  units: number;
  /** Last day the SKU sold (up to the RFM as-of day); null when it never sold. */
  lastSale: string | null;
  /** Whether the SKU is in products.yaml. */
  known: boolean;
  /** Why it is a slow seller (slow sellers only): never sold, sold less than `slowShare` of GMV, no sale in the last `slowDays` days. */
  reasons?: Array<'no-order' | 'low-share' | 'stale'>;
}

export interface OrderSourceSummary {
  id: string;
  format: 'csv' | 'parquet';
  /** Files as named inside the plan folder, with their size and content hash. */
  files: Array<{ path: string; bytes: number; sha256: string; rows: number; used: number }>;
  /** Over the source's files. */
  rows: number;
  used: number;
}

export interface OrderBaseline {
  /** Bumped when the analysis changes what it computes (invalidates caches). */
  version: number;
  /** Calendar year of the baseline. */
  year: number;
  currency: string;
  timeZone: string;
  sources: OrderSourceSummary[];
  rows: {
    /** Data rows read (malformed lines included). */
    read: number;
    /** Rows analysed. */
    used: number;
    /** Rows a source's `filter` left out on purpose. */
    filtered: number;
    /** Rows left out by problem kind (each reported as a diagnostic with its lines). */
    bad: Record<string, number>;
    /** Σ bad. */
    badTotal: number;
  };
  /** First and last order day of the rows analysed; null without any row. */
  coverage: { first: string | null; last: string | null; months: string[] };
  /** Every month with orders, all channels together. */
  monthly: Record<string, OrderMonth>;
  /** channel id → month → figures. */
  byChannel: Record<string, Record<string, OrderMonth>>;
  /** The baseline year as a whole. */
  totals: OrderMonth & {
    /** Buyers of the year with 2 or more orders in it ÷ buyers of the year. */
    repurchaseRate: number | null;
    ordersPerCustomer: number | null;
    /** refunds ÷ gmv. */
    refundRate: number | null;
    /** Buyers of the year whose first order in the data is before the year. */
    returningCustomers: number;
    /** Months of the baseline year that have orders. */
    monthsCovered: number;
  };
  /** The baseline year's monthly shape: share of the year per month of year (January first, 12 entries), adding up to 1. */
  seasonality: { id: string; metric: 'gmv' | 'orders'; weights: number[] } | null;
  /** Monthly cohorts of the baseline year (first order in the data), followed as far as the data goes (≤ 12 months). */
  cohorts: CohortRow[];
  rfm: {
    scoring: 'quintiles' | 'cutoffs';
    asOf: string;
    /** First day of the window whose orders count for frequency and monetary. */
    from: string;
    /** Length of that window in months (data.yaml `rfm.windowMonths`). */
    windowMonths: number;
    /** Every customer with an order on or before asOf: all are scored. */
    customers: number;
    /** Of them, customers with no order in the window (scored with frequency 0 and spend 0). */
    lapsed: number;
    /** The cut-offs applied (derived from the data for quintiles). */
    cutoffs: { recencyDays: number[]; frequency: number[]; monetary: number[] };
    /** Customers per score 1–5 (index 0 = score 1). */
    distribution: { r: number[]; f: number[]; m: number[] };
    /** Customers per recency score (rows, 5 → 1) × frequency score (columns, 1 → 5). */
    grid: number[][];
    segments: RfmSegmentCount[];
  } | null;
  skus: { count: number; top: SkuFigures[]; slow: SkuFigures[]; slowShare: number; slowDays: number } | null;
  /** Months of the plan horizon with orders: the actuals they give. */
  actuals: Record<string, OrderMonth>;
}

export const ORDER_BASELINE_VERSION = 2;

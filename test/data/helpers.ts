// Shared set-up for the order-data tests: the hand-made order file and an analysis context for it.
import { fileURLToPath } from 'node:url';
import { statSync } from 'node:fs';
import type { SourceSpec } from '../../src/data/load-orders.ts';
import type { AnalysisContext } from '../../src/data/analyze.ts';

export const SMALL_ORDERS = fileURLToPath(new URL('./fixtures/orders-small.csv', import.meta.url));

export const COLUMNS = { orderId: 'order_id', customerId: 'customer_id', orderTime: 'paid_at', paid: 'paid', refund: 'refund', channel: 'channel', sku: 'sku' };

/** One CSV source reading `path` with the columns of orders-small.csv. */
export function csvSource(path: string, extra: Partial<SourceSpec> = {}): SourceSpec {
  return {
    id: 'shop',
    format: /\.parquet$/.test(path) ? 'parquet' : 'csv',
    files: [{ path, name: `data/${path.split('/').pop()}`, sha256: `test-${path}`, bytes: statSync(path).size }],
    encoding: 'utf-8',
    delimiter: ',',
    timeZone: 'Asia/Shanghai',
    channelMap: {},
    columns: { ...COLUMNS },
    ...extra,
  };
}

export const SEGMENTS = [
  { id: 'champions', rule: { r: [4, 5], f: [4, 5], m: [4, 5] } },
  { id: 'high-potential', rule: { r: [4, 5], f: [1, 2, 3], m: [4, 5] } },
  { id: 'recent', rule: { r: [4, 5] } },
  { id: 'lapsing', rule: { r: [1] } },
];

export function context(extra: Partial<AnalysisContext> = {}): AnalysisContext {
  return {
    baselineYear: 2026,
    horizon: Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`),
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
    channels: ['tmall', 'jd'],
    skus: ['tea', 'cup', 'gift', 'old'],
    seasonality: { id: 'from-orders', metric: 'gmv' },
    rfm: { scoring: 'quintiles', asOf: '2026-12-31', segments: SEGMENTS },
    topSkus: 10,
    slowShare: 0.1,
    slowDays: 90,
    ...extra,
  };
}

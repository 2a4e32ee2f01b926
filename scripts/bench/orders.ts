// Order analysis benchmark (part of `npm run bench`): generates 1,000,000 and 10,000,000 synthetic
// orders as CSV in the temp folder (with DuckDB's own COPY, so generating is not the slow part), runs
// the full order analysis on each (read + validate every row + all analyses, no cache) in a child
// process of its own, and prints the time, the peak memory (the child's RSS high-water mark, which
// includes DuckDB's native memory) and the file size. The files are deleted afterwards.
// Goal (issue 7): 1 M orders in under 3 s on this machine, 10 M in under 10× that.
// Run alone: node scripts/bench/orders.ts [--sizes 1000000,10000000] [--json]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { scriptArgs } from '../script-args.ts';
import { duckDbFactory, sqlString } from '../../src/data/duckdb.ts';
import { analyzeOrders } from '../../src/data/analyze-orders.ts';
import { sha256File } from '../../src/data/files.ts';
import type { SourceSpec } from '../../src/data/load-orders.ts';
import type { AnalysisContext } from '../../src/data/analyze.ts';

export const ORDER_SIZES = [1_000_000, 10_000_000];
const GOAL_1M_MS = 3000;

export interface OrdersRun {
  orders: number;
  fileBytes: number;
  generateMs: number;
  /** Reading, checking and analysing every row (what an uncached build spends), wall clock. */
  analysisMs: number;
  /** CPU time of the same (all threads): on a busy machine wall time overstates what an idle one needs. */
  analysisCpuMs: number;
  /** SHA-256 of the file (the cache key; an unchanged file skips the analysis). */
  hashMs: number;
  peakRssBytes: number;
  customers: number;
  gmv: number;
  cores: number;
  /** 1-minute load average when the run finished: other work competing for the cores. */
  load: number;
}

/** Writes `n` synthetic orders (2026, four channels, 200 SKUs, about 1.5 orders per customer) as CSV. */
export async function generateBenchOrders(path: string, n: number): Promise<void> {
  const db = await duckDbFactory()();
  try {
    const customers = Math.max(1, Math.round(n / 1.5));
    await db.run(`COPY (
      SELECT 'O' || i AS order_id,
             'C' || (hash(i, 1) % ${customers}) AS customer_id,
             strftime(TIMESTAMP '2026-01-01' + to_seconds(CAST((hash(i, 2) % 31536000) AS BIGINT)), '%Y-%m-%d %H:%M:%S') AS paid_at,
             CAST(round(20 + (hash(i, 3) % 60000) / 100.0, 2) AS DECIMAL(10, 2)) AS paid,
             CASE WHEN hash(i, 4) % 20 = 0 THEN CAST(round(20 + (hash(i, 3) % 60000) / 100.0, 2) AS DECIMAL(10, 2)) ELSE 0 END AS refund,
             ['tmall', 'jd', 'douyin', 'mini-program'][1 + CAST(hash(i, 5) % 4 AS INTEGER)] AS channel,
             'sku-' || (hash(i, 6) % 200) AS sku
      FROM range(${n}) t(i)) TO ${sqlString(path)} (FORMAT csv, HEADER true)`);
  } finally {
    db.close();
  }
}

const CONTEXT: AnalysisContext = {
  baselineYear: 2026,
  horizon: Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`),
  currency: 'CNY',
  timeZone: 'Asia/Shanghai',
  channels: ['tmall', 'jd', 'douyin', 'mini-program'],
  skus: Array.from({ length: 200 }, (_, i) => `sku-${i}`),
  seasonality: { id: 'from-orders', metric: 'gmv' },
  rfm: {
    scoring: 'quintiles',
    asOf: '2026-12-31',
    segments: [
      { id: 'champions', rule: { r: [4, 5], f: [4, 5], m: [4, 5] } },
      { id: 'at-risk', rule: { r: [1, 2], m: [4, 5] } },
      { id: 'new', rule: { r: [5], f: [1] } },
    ],
  },
  topSkus: 10,
  slowShare: 0.002,
  slowDays: 90,
};

function source(path: string): SourceSpec {
  return {
    id: 'bench',
    format: 'csv',
    files: [{ path, name: path.split('/').pop()!, sha256: `bench-${path}`, bytes: statSync(path).size }],
    encoding: 'utf-8',
    delimiter: ',',
    timeZone: 'Asia/Shanghai',
    channelMap: {},
    columns: { orderId: 'order_id', customerId: 'customer_id', orderTime: 'paid_at', paid: 'paid', refund: 'refund', channel: 'channel', sku: 'sku' },
  };
}

/** In the child: analyse one file, print the timings as JSON. */
async function child(path: string): Promise<void> {
  let t = performance.now();
  const cpu = process.cpuUsage();
  const outcome = await analyzeOrders([source(path)], CONTEXT, { cacheDir: null });
  const analysisMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const analysisCpuMs = (used.user + used.system) / 1000;
  t = performance.now();
  await sha256File(path);
  const hashMs = performance.now() - t;
  if (outcome.problems.length) throw new Error(`unexpected problems: ${JSON.stringify(outcome.problems)}`);
  const b = outcome.baseline!;
  process.stdout.write(JSON.stringify({ analysisMs, analysisCpuMs, hashMs, peakRssBytes: process.resourceUsage().maxRSS * 1024, customers: b.totals.customers, gmv: b.totals.gmv }));
}

export async function benchOrders(progress: (line: string) => void, sizes: readonly number[] = ORDER_SIZES): Promise<OrdersRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shopplan-bench-orders-'));
  const runs: OrdersRun[] = [];
  try {
    for (const n of sizes) {
      const path = join(dir, `orders-${n}.csv`);
      progress(`orders: generating ${n.toLocaleString('en')} orders …`);
      let t = performance.now();
      await generateBenchOrders(path, n);
      const generateMs = performance.now() - t;
      progress(`orders: analysing ${n.toLocaleString('en')} orders …`);
      t = performance.now();
      const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', path], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (result.status !== 0) throw new Error(`order bench child failed: ${result.stderr}`);
      const measured = JSON.parse(result.stdout) as Pick<OrdersRun, 'analysisMs' | 'analysisCpuMs' | 'hashMs' | 'peakRssBytes' | 'customers' | 'gmv'>;
      runs.push({ orders: n, fileBytes: statSync(path).size, generateMs, ...measured, cores: cpus().length, load: loadavg()[0]! });
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

export function formatOrdersBench(runs: readonly OrdersRun[]): string {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    'Order analysis (embedded DuckDB; CSV read + row checks + every analysis, no cache)',
    `${'orders'.padStart(12)}  ${'file'.padStart(8)}  ${'analysis'.padStart(9)}  ${'(CPU)'.padStart(8)}  ${'sha256'.padStart(8)}  ${'peak RSS'.padStart(9)}  ${'generate'.padStart(9)}  load`,
    ...runs.map(
      (r) =>
        `${r.orders.toLocaleString('en').padStart(12)}  ${mb(r.fileBytes).padStart(8)}  ${s(r.analysisMs).padStart(9)}  ${s(r.analysisCpuMs).padStart(8)}  ${s(r.hashMs).padStart(8)}  ${mb(r.peakRssBytes).padStart(9)}  ${s(r.generateMs).padStart(9)}  ${r.load.toFixed(1)} on ${r.cores} cores`,
    ),
  ];
  const one = runs.find((r) => r.orders === 1_000_000);
  const ten = runs.find((r) => r.orders === 10_000_000);
  if (one) lines.push(`goal: 1 M orders in under ${GOAL_1M_MS / 1000} s — ${one.analysisMs < GOAL_1M_MS ? 'met' : 'NOT met'} (${s(one.analysisMs)})`);
  if (one && ten) lines.push(`goal: 10 M in under 10 × the 1 M time — ${ten.analysisMs < 10 * one.analysisMs ? 'met' : 'NOT met'} (${(ten.analysisMs / one.analysisMs).toFixed(1)}×)`);
  lines.push('sha256 is the cache key: an unchanged file costs only the hash (memoised by size and mtime, so usually not even that).');
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = scriptArgs('Usage: node scripts/bench/orders.ts [--sizes 1000000,10000000] [--json]', { options: { child: { type: 'string' }, sizes: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (values.child) await child(values.child);
  else {
    const sizes = values.sizes ? values.sizes.split(',').map(Number) : ORDER_SIZES;
    const runs = await benchOrders((l) => process.stderr.write(`${l}\n`), sizes);
    console.log(values.json ? JSON.stringify(runs, null, 2) : formatOrdersBench(runs));
  }
}

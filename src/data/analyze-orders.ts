// The order analysis as one call: sources (files already found and hashed) + plan context → the
// aggregate baseline and the problems found, cached by content. The cache key covers every file's
// SHA-256, the mapping, the plan context and the ShopPlan version, so an unchanged export is not read
// again and any change to data, mapping or code recomputes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { ConnectionFactory, OrderDb } from './duckdb.ts';
import { duckDbFactory } from './duckdb.ts';
import { headBytes, transcodeToUtf8, writeAtomic } from './files.ts';
import type { LoadProblem, SourceSpec } from './load-orders.ts';
import type { AnalysisContext } from './analyze.ts';
import { ORDER_BASELINE_VERSION, type OrderBaseline } from '../model/order-baseline.ts';

export const SHOPPLAN_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The analysis code itself is part of the cache key: a changed query recomputes even within one version. */
// `.ts` in a checkout, `.js` in the installed package (lib/, compiled).
const EXT = import.meta.url.slice(import.meta.url.lastIndexOf('.'));
const CODE_HASH = createHash('sha256')
  .update(['analyze', 'load-orders', 'analyze-orders', '../model/order-baseline', 'csv-lines'].map((f) => readFileSync(new URL(`./${f}${EXT}`, import.meta.url), 'utf8')).join('\0'))
  .digest('hex');

export interface AnalysisOutcome {
  /** Null when no file could be read. */
  baseline: OrderBaseline | null;
  problems: LoadProblem[];
  /** True when the result came from the cache. */
  cached: boolean;
}

export interface AnalyzeOptions {
  /** Opens the SQL engine; embedded in-memory DuckDB by default. */
  connect?: ConnectionFactory;
  /** Folder for cached results (`<dir>/<key>.json`); null turns caching off. */
  cacheDir?: string | null;
  /** A fresh folder for temporary files (GBK files decoded to UTF-8, DuckDB's spills); default: one in the OS temp folder. */
  tempFolder?: () => Promise<string>;
}

export function cacheKey(sources: readonly SourceSpec[], context: AnalysisContext): string {
  const stable = {
    shopplan: SHOPPLAN_VERSION,
    analysis: ORDER_BASELINE_VERSION,
    code: CODE_HASH,
    sources: sources.map((s) => ({ ...s, files: s.files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes })) })),
    context,
  };
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex');
}

export async function analyzeOrders(sources: readonly SourceSpec[], context: AnalysisContext, options: AnalyzeOptions = {}): Promise<AnalysisOutcome> {
  const cacheDir = options.cacheDir === undefined ? null : options.cacheDir;
  const key = cacheKey(sources, context);
  const cachePath = cacheDir ? join(cacheDir, `${key}.json`) : null;
  if (cachePath) {
    const hit = await readFile(cachePath, 'utf8').then((t) => JSON.parse(t) as Omit<AnalysisOutcome, 'cached'>).catch(() => undefined);
    if (hit) return { ...hit, cached: true };
  }
  // Decoded order rows live only here, and only until the analysis ends (finally).
  const tmpDir = await (options.tempFolder ?? (() => mkdtemp(join(tmpdir(), 'shopplan-orders-'))))();
  let db: OrderDb | undefined;
  try {
    // Loaded only when the cache has no result: every command that checks a plan with order data runs this
    // module, and an unchanged export (the usual case) needs neither the reader nor the queries.
    const [{ loadOrders }, { analyzeStage }] = await Promise.all([import('./load-orders.ts'), import('./analyze.ts')]);
    db = await (options.connect ?? duckDbFactory({ tempDirectory: join(tmpDir, 'duckdb') }))();
    const loaded = await loadOrders(db, sources, { channels: context.channels, timeZone: context.timeZone, tmpDir, transcode: transcodeToUtf8, headBytes: (p) => headBytes(p) });
    const summaries: OrderBaseline['sources'] = sources.map((s) => {
      const files = loaded.files.filter((f) => f.source === s.id).map((f) => ({ path: f.file, bytes: f.bytes, sha256: f.sha256, rows: f.rows, used: f.used }));
      return { id: s.id, format: s.format, files, rows: files.reduce((n, f) => n + f.rows, 0), used: files.reduce((n, f) => n + f.used, 0) };
    });
    const baseline = loaded.files.length ? await analyzeStage(db, context, loaded.files, summaries) : null;
    const outcome = { baseline, problems: loaded.problems };
    if (cachePath) await writeAtomic(cachePath, JSON.stringify(outcome)).catch(() => undefined);
    return { ...outcome, cached: false };
  } finally {
    db?.close();
    await rm(tmpDir, { recursive: true, force: true });
  }
}

// The SQL engine behind the order analysis, behind a small interface: the analysis only needs to run
// statements and read rows. The default opens an in-memory embedded DuckDB (`@duckdb/node-api`); the
// same SQL runs on a DuckDB attached to a warehouse. Nothing here sends data anywhere.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Row = Record<string, unknown>;

export interface OrderDb {
  /** Runs statements, discarding any result. */
  run(sql: string): Promise<void>;
  /** Runs one query and returns its rows as plain objects (BIGINT → number when safe, else string). */
  all(sql: string): Promise<Row[]>;
  close(): void;
}

/** Opens a fresh connection; the analysis closes it when done. */
export type ConnectionFactory = () => Promise<OrderDb>;

export interface DuckDbOptions {
  /** Worker threads; DuckDB's default (one per core) when left out. */
  threads?: number;
  /** Memory limit, e.g. `4GB`; DuckDB's default (80 % of RAM) when left out. */
  memoryLimit?: string;
  /** Where DuckDB may spill to disk for data larger than memory. */
  tempDirectory?: string;
}

export function duckDbFactory(options: DuckDbOptions = {}): ConnectionFactory {
  return async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const config: Record<string, string> = {
      temp_directory: options.tempDirectory ?? join(tmpdir(), 'shopplan-duckdb'),
      preserve_insertion_order: 'true',
      // No extension is ever downloaded: the analysis needs only what ships in the package (CSV, Parquet, ICU).
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    };
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    const instance = await DuckDBInstance.create(':memory:', config);
    const connection = await instance.connect();
    return {
      async run(sql) {
        await connection.run(sql);
      },
      async all(sql) {
        const reader = await connection.runAndReadAll(sql);
        return reader.getRowObjectsJS().map((row) => {
          const out: Row = {};
          for (const [k, v] of Object.entries(row)) out[k] = plain(v);
          return out;
        });
      },
      close() {
        connection.closeSync();
        instance.closeSync();
      },
    };
  };
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A SQL identifier (column name as written in the file). */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

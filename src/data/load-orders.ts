// Order files → one DuckDB table of order lines in a common shape, every row either usable or marked
// with what is wrong with it. Customer and order ids are hashed (64-bit) as they are read: the raw
// ids never leave the scan, and nothing downstream can print them.
//
//   stage(file, oid, cid, ts, paid, refund, channel, sku, qty, problem)
//     file     index of the file in the load order
//     oid/cid  hash of (source index, order id) / hash of the customer id (the same id in two sources is one customer)
//     ts       order time as local wall time in the source's time zone
//     paid     paid amount in fen (BIGINT); refund likewise (0 when the column is absent or empty)
//     problem  NULL for a usable row; otherwise the first problem found (see BAD_ROW_KINDS) or `filtered`
import type { OrderDb } from './duckdb.ts';
import { sqlIdent, sqlString } from './duckdb.ts';
import { scanCsvLines } from './csv-lines.ts';
import { DecodedTooLargeError } from './files.ts';
import { maskPersonalData, PERSONAL_DATA_RE2 } from '../model/personal-data.ts';

export interface ColumnMapping {
  orderId: string;
  customerId: string;
  orderTime: string;
  paid: string;
  refund?: string;
  channel?: string;
  sku?: string;
  quantity?: string;
}

export interface SourceFile {
  /** Path to read (absolute). */
  path: string;
  /** The file inside the plan folder, e.g. `data/tmall-2026.csv.gz`: what problems and the baseline name. */
  name: string;
  sha256: string;
  bytes: number;
}

export interface SourceSpec {
  id: string;
  format: 'csv' | 'parquet';
  files: SourceFile[];
  encoding: 'utf-8' | 'gbk' | 'gb18030';
  delimiter: string;
  timeFormat?: string;
  timeZone: string;
  /** Fixed channel of every row (the source's `channel`). */
  channel?: string;
  channelMap: Record<string, string>;
  filter?: { column: string; values: string[] };
  columns: ColumnMapping;
}

/** Why a row is left out, in the order they are tested. */
export const BAD_ROW_KINDS = ['malformed', 'missing-id', 'bad-time', 'bad-amount', 'negative-amount', 'bad-quantity', 'personal-data', 'unknown-channel'] as const;
export type BadRowKind = (typeof BAD_ROW_KINDS)[number];

/** What an order file holds is quoted in problems (which are cached) only masked: see model/personal-data.ts. */
export type LoadProblem =
  | { kind: 'file-empty'; source: string; file: string }
  | { kind: 'missing-column'; source: string; file: string; field: string; column: string; available: string[] }
  | { kind: 'encoding'; source: string; file: string; line: number | null; encoding?: string; detail?: string }
  | { kind: 'unreadable'; source: string; file: string; detail: string }
  | {
      kind: 'bad-rows';
      source: string;
      file: string;
      bad: BadRowKind;
      count: number;
      /** First lines (CSV) or row numbers (Parquet, 1-based), at most five. */
      lines: number[];
      unit: 'line' | 'row';
      /** Unknown channel values seen (at most five), so the message can name them. */
      values?: string[];
    };

export interface FileLoad {
  source: string;
  file: string;
  sha256: string;
  bytes: number;
  rows: number;
  used: number;
  filtered: number;
  bad: Partial<Record<BadRowKind, number>>;
}

export interface LoadContext {
  /** Channel ids of channels.yaml; null accepts any channel. */
  channels: readonly string[] | null;
  /** The zone months and days are counted in; a source's times are converted to it. */
  timeZone: string;
  /** Where GBK files are converted to UTF-8 for the reader. */
  tmpDir: string;
  transcode: (path: string, encoding: 'gbk' | 'gb18030', target: string) => Promise<void>;
  headBytes: (path: string) => Promise<Uint8Array>;
}

export const STAGE_DDL = `CREATE TEMP TABLE stage (file INTEGER, oid UBIGINT, cid UBIGINT, ts TIMESTAMP, paid BIGINT, refund BIGINT, channel VARCHAR, sku VARCHAR, qty INTEGER, problem VARCHAR)`;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Loads every file of every source into `stage`; returns what was read and what was wrong. */
export async function loadOrders(db: OrderDb, sources: readonly SourceSpec[], ctx: LoadContext): Promise<{ files: FileLoad[]; problems: LoadProblem[] }> {
  await db.run(STAGE_DDL);
  const files: FileLoad[] = [];
  const problems: LoadProblem[] = [];
  let fileIndex = 0;
  const unusable: number[] = [];
  for (const [sourceIndex, source] of sources.entries()) {
    for (const file of source.files) {
      const index = fileIndex++;
      const load = await loadFile(db, source, sourceIndex, file, index, ctx);
      problems.push(...load.problems);
      if (load.file) files.push(load.file);
      else unusable.push(index);
    }
  }
  // A file found unreadable after its rows went in (bytes that are not UTF-8 far down) takes no part.
  // Deleting only now keeps row positions intact while lines are being located.
  if (unusable.length) await db.run(`DELETE FROM stage WHERE file IN (${unusable.join(', ')})`);
  return { files, problems };
}

interface Loaded {
  file?: FileLoad;
  problems: LoadProblem[];
}

async function loadFile(db: OrderDb, source: SourceSpec, sourceIndex: number, file: SourceFile, index: number, ctx: LoadContext): Promise<Loaded> {
  const base = { source: source.id, file: file.name };
  const empty = (): Loaded => ({ problems: [{ kind: 'file-empty', ...base }], file: { ...base, sha256: file.sha256, bytes: file.bytes, rows: 0, used: 0, filtered: 0, bad: {} } });
  if (file.bytes === 0) return empty();
  let readPath = file.path;
  if (source.format === 'csv') {
    let head: Uint8Array;
    try {
      head = await ctx.headBytes(file.path);
    } catch (error) {
      return { problems: [{ kind: 'unreadable', ...base, detail: String((error as Error)?.message ?? error) }] };
    }
    if (head.length === 0 || new TextDecoder().decode(head).replace(/^\uFEFF/, '').trim() === '') return empty();
    if (source.encoding === 'utf-8') {
      const bad = firstInvalidUtf8Line(head);
      if (bad !== null) return { problems: [{ kind: 'encoding', ...base, line: bad }] };
    } else {
      readPath = `${ctx.tmpDir}/${file.sha256}.${source.encoding}.utf8.csv`;
      try {
        await ctx.transcode(file.path, source.encoding, readPath);
      } catch (error) {
        if (error instanceof DecodedTooLargeError) return { problems: [{ kind: 'unreadable', ...base, detail: error.message }] };
        return { problems: [{ kind: 'encoding', ...base, line: null, encoding: source.encoding, detail: (error as Error).message }] };
      }
    }
  }
  // The header is read leniently (a malformed row must not hide the columns); the rows with every
  // malformed record kept in a rejects table, by record number.
  const reader = (mode: 'header' | 'rows') =>
    source.format === 'parquet'
      ? `read_parquet(${sqlString(readPath)})`
      : `read_csv(${sqlString(readPath)}, header = true, all_varchar = true, delim = ${sqlString(source.delimiter)}, quote = '"', escape = '"', ${
          mode === 'header' ? 'ignore_errors = true' : `store_rejects = true, rejects_scan = 'rejects_scan_${index}', rejects_table = 'rejects_${index}'`
        })`;

  // The header: every mapped column must be there.
  let columns: Array<{ name: string; type: string }>;
  try {
    columns = (await db.all(`DESCRIBE SELECT * FROM ${reader('header')}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  } catch (error) {
    return { problems: [readProblem(base, error, [file.path, readPath])] };
  }
  const names = new Set(columns.map((c) => c.name));
  const missing: LoadProblem[] = [];
  const wanted: Array<[string, string | undefined]> = [...Object.entries(source.columns), ['filter.column', source.filter?.column]];
  for (const [field, column] of wanted) {
    if (column !== undefined && !names.has(column)) missing.push({ kind: 'missing-column', ...base, field, column, available: columns.map((c) => maskPersonalData(c.name)) });
  }
  if (missing.length) return { problems: missing };
  const typeOf = new Map(columns.map((c) => [c.name, c.type]));

  const before = Number((await db.all(`SELECT count(*) AS n FROM stage`))[0]!.n);
  try {
    await db.run(`INSERT INTO stage ${selectRows(source, sourceIndex, index, typeOf, ctx, reader('rows'))}`);
  } catch (error) {
    return { problems: [readProblem(base, error, [file.path, readPath])] };
  }
  const problems: LoadProblem[] = [];
  const counts = await db.all(`SELECT coalesce(problem, '') AS problem, count(*) AS n FROM stage WHERE file = ${index} GROUP BY ALL`);
  const rowsLoaded = counts.reduce((sum, r) => sum + Number(r.n), 0);
  const countOf = (p: string) => Number(counts.find((r) => r.problem === p)?.n ?? 0);
  const bad: Partial<Record<BadRowKind, number>> = {};

  // Records the CSV reader rejected: malformed rows, and bytes that are not UTF-8 further down the file.
  let rejected = new Set<number>();
  if (source.format === 'csv') {
    const rejects = await db.all(`SELECT DISTINCT line, error_type FROM rejects_${index} ORDER BY line`);
    await db.run(`DROP TABLE IF EXISTS rejects_${index}; DROP TABLE IF EXISTS rejects_scan_${index}`);
    const encoding = rejects.find((r) => String(r.error_type) === 'INVALID ENCODING');
    rejected = new Set(rejects.map((r) => Number(r.line)));
    if (encoding) {
      const at = await scanCsvLines(readPath, { records: [Number(encoding.line)] });
      return { problems: [{ kind: 'encoding', ...base, line: at.records.get(Number(encoding.line)) ?? null }] };
    }
  }

  // Rows marked bad: the first five of each kind.
  const kinds = BAD_ROW_KINDS.filter((k) => k !== 'malformed' && countOf(k) > 0);
  const firsts = kinds.length
    ? await db.all(
        `SELECT problem, rowid - ${before} AS row FROM (SELECT problem, rowid, row_number() OVER (PARTITION BY problem ORDER BY rowid) AS k FROM stage WHERE file = ${index} AND problem IS NOT NULL AND problem <> 'filtered') WHERE k <= 5 ORDER BY row`,
      )
    : [];
  const firstRejected = [...rejected].slice(0, 5);
  const lines =
    source.format === 'csv' && (firsts.length || firstRejected.length)
      ? await scanCsvLines(readPath, { rows: firsts.map((r) => Number(r.row)), records: firstRejected, rejected })
      : { rows: new Map<number, number>(), records: new Map<number, number>() };
  const unit = source.format === 'csv' ? 'line' : 'row';
  if (rejected.size) {
    bad.malformed = rejected.size;
    problems.push({ kind: 'bad-rows', ...base, bad: 'malformed', count: rejected.size, lines: firstRejected.map((r) => lines.records.get(r) ?? r), unit });
  }
  for (const kind of kinds) {
    bad[kind] = countOf(kind);
    const at = firsts.filter((r) => r.problem === kind).map((r) => (source.format === 'csv' ? (lines.rows.get(Number(r.row)) ?? Number(r.row) + 2) : Number(r.row) + 1));
    const problem: LoadProblem = { kind: 'bad-rows', ...base, bad: kind, count: countOf(kind), lines: at, unit };
    if (kind === 'unknown-channel') {
      const values = await db.all(`SELECT channel FROM stage WHERE file = ${index} AND problem = 'unknown-channel' GROUP BY channel ORDER BY count(*) DESC, channel LIMIT 5`);
      problem.values = values.map((v) => maskPersonalData(String(v.channel ?? '')));
    }
    problems.push(problem);
  }
  const rows = rowsLoaded + (bad.malformed ?? 0);
  const filtered = countOf('filtered');
  return {
    problems: rowsLoaded === 0 && !bad.malformed ? [{ kind: 'file-empty', ...base }] : problems,
    file: { ...base, sha256: file.sha256, bytes: file.bytes, rows, used: countOf(''), filtered, bad },
  };
}

function readProblem(base: { source: string; file: string }, error: unknown, paths: readonly string[]): LoadProblem {
  // The reader names the file by the path it opened: say the plan's name for it, and no other path.
  let message = String((error as Error)?.message ?? error);
  for (const path of paths) message = message.split(path).join(base.file);
  message = message.replace(/(^|[\s'"(=])\/[^\s'"]+/g, '$1…');
  const line = /CSV Error on Line: (\d+)/.exec(message);
  if (/not utf-8 encoded|Invalid unicode/i.test(message)) return { kind: 'encoding', ...base, line: line ? Number(line[1]) : null };
  // DuckDB's messages carry the reader's settings after a blank line; keep the first lines, and never
  // the offending row itself ("Original Line: …"), which may hold a customer's data.
  const detail = message
    .split('\n')
    .filter((l) => l.trim() !== '' && !/original line|csv_line/i.test(l))
    .slice(0, 2)
    .join(' ')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
  return { kind: 'unreadable', ...base, detail: maskPersonalData(detail) };
}

/** 1-based line of the first byte sequence that is not UTF-8 in `bytes`; null when it is all UTF-8 (a cut-off last character is fine). */
export function firstInvalidUtf8Line(bytes: Uint8Array): number | null {
  try {
    UTF8.decode(bytes);
    return null;
  } catch {
    // A multi-byte character cut at the end of the sample is not an error.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      try {
        UTF8.decode(bytes.subarray(0, bytes.length - cut));
        return null;
      } catch {
        /* keep cutting */
      }
    }
  }
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        UTF8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}

/** The SELECT that turns one file's rows into stage rows. */
function selectRows(source: SourceSpec, sourceIndex: number, fileIndex: number, typeOf: Map<string, string>, ctx: LoadContext, reader: string): string {
  const channels = ctx.channels;
  const c = source.columns;
  const col = (name: string) => sqlIdent(name);
  const text = (name: string) => (typeOf.get(name) === 'VARCHAR' ? col(name) : `CAST(${col(name)} AS VARCHAR)`);
  const amount = (name: string) => {
    const type = typeOf.get(name) ?? 'VARCHAR';
    // Plain numbers cast directly; only the rest pay for stripping thousands separators and ¥ signs.
    if (type === 'VARCHAR') return `coalesce(TRY_CAST(${col(name)} AS DECIMAL(18, 2)), TRY_CAST(replace(replace(replace(${col(name)}, ',', ''), '¥', ''), '￥', '') AS DECIMAL(18, 2)))`;
    return `TRY_CAST(${col(name)} AS DECIMAL(18, 2))`;
  };
  // Times without an offset are wall-clock times of the source's zone; times with one are instants.
  // Both become wall-clock times of the analysis zone, where months and days are counted.
  const tz = sqlString(ctx.timeZone);
  const local = (naive: string) => (source.timeZone === ctx.timeZone ? naive : `timezone(${tz}, timezone(${sqlString(source.timeZone)}, ${naive}))`);
  const time = (() => {
    const name = c.orderTime;
    const type = typeOf.get(name) ?? 'VARCHAR';
    if (type === 'TIMESTAMP WITH TIME ZONE') return `timezone(${tz}, ${col(name)})`;
    if (type.startsWith('TIMESTAMP') || type === 'DATE') return local(`CAST(${col(name)} AS TIMESTAMP)`);
    const t = text(name);
    if (source.timeFormat) {
      const parsed = `TRY_STRPTIME(${t}, ${sqlString(source.timeFormat)})`;
      return /%z|%Z/.test(source.timeFormat) ? `timezone(${tz}, ${parsed})` : local(parsed);
    }
    return `CASE WHEN length(${t}) > 19 AND regexp_matches(${t}, ':\\d\\d(\\.\\d+)?\\s*(Z|[+-]\\d\\d(:?\\d\\d)?)$') THEN timezone(${tz}, TRY_CAST(${t} AS TIMESTAMPTZ)) ELSE ${local(`TRY_CAST(${t} AS TIMESTAMP)`)} END`;
  })();
  const channel = (() => {
    if (source.channel) return sqlString(source.channel);
    if (!c.channel) return 'NULL';
    const raw = `trim(${text(c.channel)})`;
    const entries = Object.entries(source.channelMap);
    return entries.length ? `CASE ${entries.map(([from, to]) => `WHEN ${raw} = ${sqlString(from)} THEN ${sqlString(to)}`).join(' ')} ELSE ${raw} END` : raw;
  })();
  const known = channels ? `(${channels.map(sqlString).join(', ') || "''"})` : null;
  const filter = source.filter ? `${text(source.filter.column)} IN (${source.filter.values.map(sqlString).join(', ')})` : null;
  // SKU and channel values become ids on the baseline page and in plan.json: one that looks like personal
  // data (a customer column mapped by mistake) leaves its row out instead.
  const personal = [...(c.sku ? ['sku'] : []), ...(!source.channel && c.channel ? ['channel'] : [])].map((v) => `coalesce(regexp_matches(${v}, ${sqlString(PERSONAL_DATA_RE2)}), false)`);
  const quantity = c.quantity ? (typeOf.get(c.quantity) === 'VARCHAR' ? `TRY_CAST(trim(${col(c.quantity)}) AS INTEGER)` : `TRY_CAST(${col(c.quantity)} AS INTEGER)`) : '1';
  const parsed = `SELECT
      ${text(c.orderId)} AS oid_raw,
      ${text(c.customerId)} AS cid_raw,
      ${time} AS ts,
      ${amount(c.paid)} AS paid,
      ${c.refund ? `CASE WHEN ${col(c.refund)} IS NULL THEN 0 ELSE ${amount(c.refund)} END` : '0'} AS refund,
      ${channel} AS channel,
      ${c.sku ? `nullif(trim(${text(c.sku)}), '')` : 'NULL'} AS sku,
      ${c.quantity ? `CASE WHEN ${col(c.quantity)} IS NULL THEN 1 ELSE ${quantity} END` : '1'} AS qty
      ${filter ? `, coalesce(${filter}, false) AS kept` : ''}
    FROM ${reader}`;
  return `SELECT ${fileIndex}, hash(${sourceIndex}, oid_raw), hash(cid_raw), ts,
      CAST(paid * 100 AS BIGINT), CAST(refund * 100 AS BIGINT), channel, sku, qty,
      CASE
        ${filter ? `WHEN NOT kept THEN 'filtered'` : ''}
        WHEN oid_raw IS NULL OR cid_raw IS NULL OR trim(oid_raw) = '' OR trim(cid_raw) = '' THEN 'missing-id'
        WHEN ts IS NULL OR year(ts) < 1990 OR year(ts) > 2100 THEN 'bad-time'
        WHEN paid IS NULL OR refund IS NULL THEN 'bad-amount'
        WHEN paid < 0 OR refund < 0 THEN 'negative-amount'
        WHEN qty IS NULL OR qty < 0 THEN 'bad-quantity'
        ${personal.length ? `WHEN ${personal.join(' OR ')} THEN 'personal-data'` : ''}
        ${known ? `WHEN channel IS NULL OR channel NOT IN ${known} THEN 'unknown-channel'` : 'WHEN channel IS NULL THEN \'unknown-channel\''}
      END
    FROM (${parsed})`;
}

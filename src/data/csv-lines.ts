// Row → line: the analysis knows a bad row by its position among the rows DuckDB read, and a malformed
// record by DuckDB's record number; people need the line in the file. This scans the CSV once (only
// when there are bad rows, and only as far as needed), counting records the way DuckDB's reader does:
// every line break outside quotes ends a record (a blank line is a record of its own, but no row), a
// quoted field may span lines (the record starts on its first line), the header is record 1, and
// records the reader rejected hold no row.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface LineScan {
  /** 0-based row index → 1-based line the row starts on. */
  rows: Map<number, number>;
  /** DuckDB record number (1-based, header included) → 1-based line the record starts on. */
  records: Map<number, number>;
}

export interface LineScanRequest {
  /** Row indexes (0-based, among the rows read) to locate. */
  rows?: readonly number[];
  /** Record numbers (as DuckDB's rejects table gives them) to locate. */
  records?: readonly number[];
  /** Record numbers DuckDB rejected: they hold no row. */
  rejected?: ReadonlySet<number>;
  quote?: string;
}

export async function scanCsvLines(path: string, request: LineScanRequest): Promise<LineScan> {
  const out: LineScan = { rows: new Map(), records: new Map() };
  const wantedRows = new Set(request.rows ?? []);
  const wantedRecords = new Set(request.records ?? []);
  if (wantedRows.size === 0 && wantedRecords.size === 0) return out;
  const lastRow = wantedRows.size ? Math.max(...wantedRows) : -1;
  const lastRecord = wantedRecords.size ? Math.max(...wantedRecords) : 0;
  const rejected = request.rejected ?? new Set<number>();
  const quote = (request.quote ?? '"').charCodeAt(0);
  let stream: Readable = createReadStream(path, { highWaterMark: 1 << 20 });
  if (/\.gz$/i.test(path)) stream = stream.pipe(createGunzip());
  let line = 1;
  let inQuotes = false;
  let recordStart = 1;
  let recordHasBytes = false;
  let record = 0;
  let row = -1;
  let first = true;
  /** Ends the current record; true when everything asked for is found. */
  const endRecord = (): boolean => {
    record++;
    if (wantedRecords.has(record)) out.records.set(record, recordStart);
    if (record > 1 && recordHasBytes && !rejected.has(record)) {
      row++;
      if (wantedRows.has(row)) out.rows.set(row, recordStart);
    }
    recordHasBytes = false;
    return row >= lastRow && record >= lastRecord;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let i = 0;
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
      }
      for (; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b === 0x0a) {
          line++;
          if (!inQuotes) {
            if (endRecord()) return out;
            recordStart = line;
          }
        } else if (b !== 0x0d) {
          if (!recordHasBytes) {
            recordHasBytes = true;
            recordStart = line;
          }
          if (b === quote) inQuotes = !inQuotes;
        }
      }
    }
    if (recordHasBytes) endRecord();
    return out;
  } finally {
    stream.destroy();
  }
}

// A spreadsheet file (.xlsx with exceljs, or .csv) → one sheet as a grid of typed cells. What operators'
// files really hold is kept as facts for the importer to judge: Excel percentages, dates, formulas (their
// cached results), merged cells (every cell of a merge reads as its top-left cell), text cells.
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { basename, extname } from 'node:path';

export type CellValue =
  | { type: 'empty' }
  | { type: 'number'; value: number; /** Formatted as a percentage in Excel (0.035 shown as 3.5%). */ percent: boolean }
  | { type: 'text'; value: string }
  | { type: 'date'; value: Date }
  | { type: 'boolean'; value: boolean }
  /** `#DIV/0!` and the like, or a formula without a cached result. */
  | { type: 'error'; value: string };

export interface Merge {
  /** Columns and rows the merge spans (1-based, inclusive). */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The file as the user named it. */
  file: string;
  sheet: string;
  /** rows[r - 1][c - 1] is the cell at row r, column c (1-based like Excel); trailing empty rows dropped. */
  rows: CellValue[][];
  /** Merges whose top-left cell lies in the grid. */
  merges: Merge[];
  /** The workbook counts date serials from 1904 (old Mac Excel), not 1900. */
  date1904: boolean;
}

export type ReadResult = { ok: true; grid: Grid } | { ok: false; problem: ReadProblem };

export type ReadProblem =
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'format'; extension: string }
  | { kind: 'sheet-missing'; sheet: string; sheets: string[] }
  | { kind: 'too-many-rows'; rows: number; limit: number };

/** Limits that keep a hostile or mistaken file from exhausting memory. */
export const LIMITS = { bytes: 32 * 1024 * 1024, unzipped: 256 * 1024 * 1024, rows: 100_000, columns: 1_000 };

const EMPTY: CellValue = { type: 'empty' };

export async function readSheet(file: string, bytes: Uint8Array, sheetName?: string): Promise<ReadResult> {
  if (bytes.length > LIMITS.bytes) return { ok: false, problem: { kind: 'too-large', bytes: bytes.length, limit: LIMITS.bytes } };
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return readCsv(file, bytes, sheetName);
  if (extension === '.xlsx' || extension === '.xlsm') return readXlsx(file, bytes, sheetName);
  return { ok: false, problem: { kind: 'format', extension } };
}

async function readXlsx(file: string, bytes: Uint8Array, sheetName?: string): Promise<ReadResult> {
  const unzipped = zipUncompressedSize(bytes);
  if (unzipped === undefined) return { ok: false, problem: { kind: 'unreadable', detail: 'it is not an .xlsx workbook (no ZIP directory)' } };
  if (unzipped > LIMITS.unzipped) return { ok: false, problem: { kind: 'too-large', bytes: unzipped, limit: LIMITS.unzipped } };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', detail: (error as Error).message.split('\n')[0] ?? 'unknown error' } };
  }
  const sheets = workbook.worksheets.filter((w) => w.state !== 'hidden' && w.state !== 'veryHidden');
  const sheet = sheetName === undefined ? sheets[0] : workbook.worksheets.find((w) => w.name === sheetName) ?? workbook.worksheets.find((w) => w.name.trim().toLowerCase() === sheetName.trim().toLowerCase());
  if (!sheet) return { ok: false, problem: { kind: 'sheet-missing', sheet: sheetName ?? '', sheets: workbook.worksheets.map((w) => w.name) } };
  // Rows Excel keeps only for their formatting (a colour down to row 1,048,576) hold no value and do not count.
  let lastRow = 0;
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (row.values && (row.values as unknown[]).some((v) => v !== null && v !== undefined && v !== '')) lastRow = n;
  });
  if (lastRow > LIMITS.rows) return { ok: false, problem: { kind: 'too-many-rows', rows: lastRow, limit: LIMITS.rows } };
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  const rows: CellValue[][] = [];
  const masters = new Map<string, Merge>();
  const columns = Math.min(sheet.columnCount, LIMITS.columns);
  for (let r = 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    const cells: CellValue[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      const source = cell.isMerged ? cell.master : cell;
      if (cell.isMerged) {
        const m = masters.get(source.address) ?? { top: Number(source.row), left: Number(source.col), bottom: r, right: c };
        m.bottom = Math.max(m.bottom, r);
        m.right = Math.max(m.right, c);
        masters.set(source.address, m);
      }
      cells.push(cellValue(source.value, source.numFmt));
    }
    rows.push(cells);
  }
  return { ok: true, grid: { file, sheet: sheet.name, rows: trimRows(rows), merges: [...masters.values()], date1904 } };
}

function cellValue(value: ExcelJS.CellValue, numFmt: string | undefined): CellValue {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return Number.isFinite(value) ? { type: 'number', value, percent: isPercentFormat(numFmt) } : { type: 'error', value: String(value) };
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { type: 'text', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { type: 'error', value: 'invalid date' } : { type: 'date', value };
  if ('error' in value) return { type: 'error', value: String(value.error) };
  if ('richText' in value) return cellValue(value.richText.map((p) => p.text).join(''), numFmt);
  if ('hyperlink' in value) return cellValue(typeof value.text === 'string' ? value.text : '', numFmt);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined) return { type: 'error', value: 'formula without a saved result' };
    return cellValue(result, numFmt);
  }
  return { type: 'error', value: 'unsupported cell' };
}

/** A number format shows a percentage when it has a `%` outside quotes and brackets. */
function isPercentFormat(numFmt: string | undefined): boolean {
  return Boolean(numFmt && numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').includes('%'));
}

function trimRows(rows: CellValue[][]): CellValue[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every((c) => c.type === 'empty')) end--;
  return rows.slice(0, end);
}

function readCsv(file: string, bytes: Uint8Array, sheetName?: string): ReadResult {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: false, bom: true, to_line: LIMITS.rows + 1 }) as string[][];
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', detail: (error as Error).message.split('\n')[0] ?? 'unknown error' } };
  }
  if (records.length > LIMITS.rows) return { ok: false, problem: { kind: 'too-many-rows', rows: records.length, limit: LIMITS.rows } };
  const rows = records.map((r) => r.slice(0, LIMITS.columns).map((v): CellValue => (v.trim() === '' ? EMPTY : { type: 'text', value: v })));
  const name = basename(file, extname(file));
  return { ok: true, grid: { file, sheet: sheetName ?? name, rows: trimRows(rows), merges: [], date1904: false } };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 (with or without BOM), else GB18030 — what Excel saves as "CSV" on a Chinese Windows. */
function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * Sum of the uncompressed sizes in a ZIP's central directory, read before unzipping so that a small file that
 * inflates to gigabytes is refused; undefined when the bytes are not a ZIP.
 */
export function zipUncompressedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const entries = view.getUint16(i + 10, true);
    let p = view.getUint32(i + 16, true);
    let total = 0;
    for (let e = 0; e < entries; e++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return undefined;
      const size = view.getUint32(p + 24, true);
      // ZIP64 entries store 0xffffffff here: count them as too large rather than parse the extra field.
      total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return total;
  }
  return undefined;
}

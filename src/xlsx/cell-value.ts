// One cell → the value of a plan field, or the reason it cannot be one. Accepts what operators' sheets hold:
// numbers stored as text (`1,234.50`, `¥88`), full-width digits and spaces, Excel percentages, dates and
// date serials, months written as `2027/3` or `2027年3月`. What would change meaning (a text `3.5%`, `12万`)
// is refused with the value to write instead.
import type { CellValue } from './read-sheet.ts';
import type { FieldKind } from '../validate/schema-fields.ts';

export type CellProblem =
  | { kind: 'percent-text'; text: string; suggestion: number }
  | { kind: 'unit-text'; text: string; unit: string; suggestion: number }
  | { kind: 'not-a-number'; text: string }
  | { kind: 'error-cell'; text: string }
  | { kind: 'not-boolean'; text: string }
  | { kind: 'not-text'; text: string };

export type Converted = { ok: true; value: string | number | boolean | string[] } | { ok: false; problem: CellProblem };

const ok = (value: string | number | boolean | string[]): Converted => ({ ok: true, value });
const fail = (problem: CellProblem): Converted => ({ ok: false, problem });

/** Full-width digits, letters and spaces to ASCII (NFKC), trimmed. */
export function normalize(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** What a cell shows as text, for headers and messages. */
export function cellText(cell: CellValue): string {
  switch (cell.type) {
    case 'empty':
      return '';
    case 'text':
      return cell.value;
    case 'number':
      return String(cell.value);
    case 'boolean':
      return String(cell.value);
    case 'date':
      return cell.value.toISOString().slice(0, 10);
    case 'error':
      return cell.value;
  }
}

export function convertCell(cell: CellValue, kind: FieldKind, options: { date1904: boolean }): Converted {
  if (cell.type === 'error') return fail({ kind: 'error-cell', text: cell.value });
  switch (kind) {
    case 'number':
    case 'integer':
    case 'money':
    case 'rate':
      return toNumber(cell);
    case 'month': {
      // 202703 typed as a number is a month, not a date serial.
      if (cell.type === 'number' && /^(19|20)\d{2}(0[1-9]|1[0-2])$/.test(String(cell.value))) return ok(normalizeMonth(String(cell.value)));
      const date = toDate(cell, options.date1904);
      return ok(date ? date.slice(0, 7) : normalizeMonth(normalize(cellText(cell))));
    }
    case 'date': {
      const date = toDate(cell, options.date1904);
      return ok(date ?? normalizeDate(normalize(cellText(cell))));
    }
    case 'boolean':
      return toBoolean(cell);
    case 'idList':
      return ok(normalize(cellText(cell)).split(/[\s,，、;；]+/).filter(Boolean));
    case 'textList':
      return ok(cellText(cell).split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
    case 'id':
    case 'enum':
      return ok(normalize(cellText(cell)));
    case 'string':
    case 'text':
      return cell.type === 'date' ? fail({ kind: 'not-text', text: cellText(cell) }) : ok(cellText(cell).trim());
  }
}

function toNumber(cell: CellValue): Converted {
  if (cell.type === 'number') return ok(tidy(cell.value));
  if (cell.type === 'boolean' || cell.type === 'date') return fail({ kind: 'not-a-number', text: cellText(cell) });
  const raw = cellText(cell);
  const text = normalize(raw)
    .replace(/^(¥|￥|\$|CNY|RMB)\s*/i, '')
    .replace(/\s*元$/, '')
    .replace(/(\d)[,\s](?=\d{3}(\D|$))/g, '$1');
  const number = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
  const unit = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*(%|‰|万|亿|k|m)$/i.exec(text);
  if (unit) {
    const n = Number(unit[1]);
    const u = unit[2]!.toLowerCase();
    const factor = { '%': 0.01, '‰': 0.001, 万: 10_000, 亿: 100_000_000, k: 1_000, m: 1_000_000 }[u]!;
    return u === '%' ? fail({ kind: 'percent-text', text: raw, suggestion: tidy(n * factor) }) : fail({ kind: 'unit-text', text: raw, unit: unit[2]!, suggestion: tidy(n * factor) });
  }
  return number.test(text) ? ok(tidy(Number(text))) : fail({ kind: 'not-a-number', text: raw });
}

/** Drops binary noise from formula results (0.1 + 0.2 → 0.3) without touching what people type. */
function tidy(n: number): number {
  return Number(n.toPrecision(15));
}

function toBoolean(cell: CellValue): Converted {
  if (cell.type === 'boolean') return ok(cell.value);
  const t = normalize(cellText(cell)).toLowerCase();
  if (['true', 'yes', 'y', '1', '是', '✓'].includes(t)) return ok(true);
  if (['false', 'no', 'n', '0', '否', '✗'].includes(t)) return ok(false);
  return fail({ kind: 'not-boolean', text: cellText(cell) });
}

/** `YYYY-MM-DD` of a date cell, or of a number taken as an Excel date serial. */
function toDate(cell: CellValue, date1904: boolean): string | undefined {
  if (cell.type === 'date') return cell.value.toISOString().slice(0, 10);
  if (cell.type === 'number' && Number.isInteger(cell.value) && cell.value > 0 && cell.value < 2_958_466) {
    // Serial 1 is 1900-01-01 (1904-01-02 in the 1904 system); Excel's phantom 1900-02-29 shifts later serials by one.
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 31);
    const days = !date1904 && cell.value > 59 ? cell.value - 1 : cell.value;
    return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

function pad(n: string): string {
  return n.padStart(2, '0');
}

/** `2027/3`, `2027.03`, `2027年3月`, `202703`, `2027-03-15` → `2027-03`; anything else as written. */
export function normalizeMonth(text: string): string {
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))(?:\s*[-/.]\s*\d{1,2}\s*日?)?$/.exec(text);
  return m ? `${m[1]}-${pad(m[2] ?? m[3]!)}` : text;
}

/** `2027/11/11`, `2027年11月11日` → `2027-11-11`; anything else as written. */
export function normalizeDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  return m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : text;
}

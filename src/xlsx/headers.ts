// Finds the header of a sheet and what each column holds. A header cell may be the field's name
// (`forecast.monthlyUnits`), its English or Chinese title (`Units per month`, `月销量预测`), a text field with
// its language (`name.en`, `商品名称（英文）`), or a key of a map (`headcount.2027-03`, `scores.margin`).
// A title row above the header is skipped; a header of two rows, the upper one merged over several columns
// (`编制` over `2027-01 | 2027-07`), reads as `编制.2027-01`, `编制.2027-07`.
import type { CellValue, Grid } from './read-sheet.ts';
import type { EntryFields, Field, KeyedField } from '../validate/schema-fields.ts';
import { cellText, normalize, normalizeMonth } from './cell-value.ts';

export type Column =
  | { col: number; header: string; kind: 'field'; field: Field; locale?: string }
  | { col: number; header: string; kind: 'keyed'; field: KeyedField; key: string }
  | { col: number; header: string; kind: 'unsupported'; title: string }
  | { col: number; header: string; kind: 'unknown' };

export interface Header {
  /** 1-based rows the header takes; data starts below the last. */
  rows: number[];
  columns: Column[];
}

/** Rows searched for the header: title rows and notes above it are common. */
const SEARCH_ROWS = 10;

const LOCALE_WORDS: Record<string, string> = { 'zh-cn': 'zh-CN', zh: 'zh-CN', 中文: 'zh-CN', en: 'en', 英文: 'en', english: 'en' };

/** Header text compared without case, full-width forms, blanks, a required-field star. */
export function headerKey(text: string): string {
  return normalize(text).toLowerCase().replace(/\s+/g, '').replace(/^\*|\*$/g, '');
}

interface Names {
  fields: Map<string, Field>;
  keyed: Map<string, KeyedField>;
  unsupported: Map<string, string>;
}

/** Every name a column of each field may carry. */
export function fieldNames(entry: EntryFields): Names {
  const names: Names = { fields: new Map(), keyed: new Map(), unsupported: new Map() };
  const aliases = (path: string[], title: Field['title']) => {
    const out = [path.join('.'), title.en, title['zh-CN'] ?? ''];
    // `Conversion rate (转化率)`: both halves name the field too.
    const paren = /^(.*?)\s*[(（]([^)）]+)[)）]$/.exec(title.en);
    if (paren) out.push(paren[1]!, paren[2]!);
    return out.filter(Boolean).map(headerKey);
  };
  for (const f of entry.fields) for (const a of aliases(f.path, f.title)) if (!names.fields.has(a)) names.fields.set(a, f);
  for (const f of entry.keyed) for (const a of aliases(f.path, f.title)) if (!names.keyed.has(a)) names.keyed.set(a, f);
  for (const f of entry.unsupported) for (const a of aliases(f.path, f.title)) names.unsupported.set(a, f.title['zh-CN'] ?? f.title.en);
  return names;
}

/** What one header text names. */
export function resolveHeader(text: string, col: number, names: Names): Column {
  const header = normalize(text);
  const key = headerKey(text);
  const field = names.fields.get(key);
  if (field) return { col, header, kind: 'field', field };
  const unsupported = names.unsupported.get(key);
  if (unsupported) return { col, header, kind: 'unsupported', title: unsupported };
  // `name.en`, `商品名称（英文）`, `Name (en)`
  const localized = /^(.*?)\s*(?:\.|[(（])\s*(zh-cn|zh|中文|en|英文|english)\s*[)）]?$/i.exec(header);
  if (localized) {
    const f = names.fields.get(headerKey(localized[1]!));
    if (f && (f.kind === 'text' || f.kind === 'textList')) return { col, header, kind: 'field', field: f, locale: LOCALE_WORDS[localized[2]!.toLowerCase()]! };
  }
  // `headcount.2027-01`, `编制 2027-01`, `编制（2027-01）`, `scores.margin`
  const keyed = /^(.*?)\s*(?:\.|\s|[(（])\s*([^.\s()（）]+?)\s*[)）]?$/.exec(header);
  if (keyed) {
    const f = names.keyed.get(headerKey(keyed[1]!));
    if (f) {
      const k = f.keys === 'month' ? normalizeMonth(keyed[2]!) : keyed[2]!;
      return { col, header, kind: 'keyed', field: f, key: k };
    }
  }
  return { col, header, kind: 'unknown' };
}

const known = (c: Column) => c.kind !== 'unknown';

/** The header row(s) of the grid: the candidate among the first rows that names the most fields. */
export function findHeader(grid: Grid, names: Names): Header | undefined {
  let best: { header: Header; score: number } | undefined;
  const last = Math.min(grid.rows.length, SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    for (const rows of [[r], [r, r + 1]]) {
      if (rows.length === 2 && (r + 1 > grid.rows.length || !hasHorizontalMerge(grid, r))) continue;
      const columns = headerColumns(grid, rows, names);
      const score = columns.filter(known).length;
      if (score > (best?.score ?? 0)) best = { header: { rows, columns }, score };
    }
  }
  return best?.header;
}

function hasHorizontalMerge(grid: Grid, row: number): boolean {
  return grid.merges.some((m) => m.top === row && m.right > m.left);
}

function headerColumns(grid: Grid, rows: number[], names: Names): Column[] {
  const width = Math.max(...rows.map((r) => grid.rows[r - 1]?.length ?? 0));
  const out: Column[] = [];
  for (let c = 1; c <= width; c++) {
    const parts = rows.map((r) => headerText(grid.rows[r - 1]?.[c - 1]));
    // The upper cell of a two-row header is a group when merged over several columns, else the header itself.
    let text = parts[0]!;
    if (rows.length === 2) {
      const group = grid.merges.find((m) => m.top === rows[0] && m.left <= c && c <= m.right && m.right > m.left);
      const spansBoth = grid.merges.some((m) => m.top === rows[0] && m.bottom >= rows[1]! && m.left <= c && c <= m.right);
      text = group && parts[1] && !spansBoth ? `${parts[0]}.${parts[1]}` : parts[0] || parts[1]!;
    }
    if (text) out.push(resolveHeader(text, c, names));
  }
  return out;
}

function headerText(cell: CellValue | undefined): string {
  if (!cell) return '';
  // A month written as a date in the header (`2027-01-01` shown as 2027年1月).
  if (cell.type === 'date') return cellText(cell).slice(0, 7);
  return normalize(cellText(cell));
}

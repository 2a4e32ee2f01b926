// A sheet's rows → edits of one list of a plan file (SKUs, channels, marketing channels, roles). Rows are
// matched to entries by id: a matched entry gets the row's non-empty cells, a new id is appended; entries
// without a row and empty cells are left as they are. Pure: text in, text and diagnostics out.
import { isDeepStrictEqual } from 'node:util';
import { Diagnostic } from '../diagnostics/diagnostic.ts';
import { closest } from '../model/closest.ts';
import type { PlanFileKey } from '../model/plan-files.ts';
import { formatPath, type PathSegment } from '../model/data-path.ts';
import type { CellValue, Grid } from './read-sheet.ts';
import { entryFields, type Field } from '../validate/schema-fields.ts';
import { fieldNames, findHeader, type Column } from './headers.ts';
import { cellText, convertCell, type CellProblem } from './cell-value.ts';
import { YamlPatch, setJs } from './yaml-patch.ts';

export interface ImportTarget {
  /** `--to` value. */
  name: string;
  file: PlanFileKey;
  /** The list in the file that rows become entries of. */
  list: string;
}

/** What `shopplan import --to` can fill; one entry per list a sheet can hold. */
export const IMPORT_TARGETS: readonly ImportTarget[] = [
  { name: 'products', file: 'products', list: 'skus' },
  { name: 'channels', file: 'channels', list: 'channels' },
  { name: 'marketing', file: 'marketing', list: 'channels' },
  { name: 'org', file: 'org', list: 'roles' },
];

export interface ImportOptions {
  /** The plan's locales, first = the language of a text column without one (`商品名称`). */
  locales: readonly string[];
}

export interface ImportOutcome {
  /** The file's new text (the old text when nothing changed). */
  text: string;
  diagnostics: Diagnostic[];
  added: number;
  updated: number;
  unchanged: number;
  /** The cell a plan path inside the list came from (`skus[3].cost` → `SKU!G5`), for reporting validation. */
  cellOf(path: readonly PathSegment[]): { cell: string; row: number; col: number } | undefined;
}

type Json = unknown;
type Entry = Record<string, Json>;

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function importSheet(grid: Grid, target: ImportTarget, yamlText: string, options: ImportOptions): ImportOutcome {
  const entry = entryFields(target.file, target.list);
  const names = fieldNames(entry);
  const diagnostics: Diagnostic[] = [];
  const at = (row: number, col: number) => ({ cell: `${sheetRef(grid.sheet)}!${columnLetter(col)}${row}`, row, col });
  const located = (code: Diagnostic['code'], message: string, row: number, col: number, extra: { hint?: string; path?: string } = {}) => {
    const where = at(row, col);
    return new Diagnostic(code, message, { file: grid.file, cell: where.cell, place: { start: { line: row, column: col } }, ...extra });
  };
  const unchangedOutcome = (): ImportOutcome => ({ text: yamlText, diagnostics, added: 0, updated: 0, unchanged: 0, cellOf: () => undefined });

  const header = findHeader(grid, names);
  const idColumn = header?.columns.find((c) => c.kind === 'field' && c.field.path.join('.') === 'id');
  if (!header || !idColumn) {
    const idTitles = entry.fields.find((f) => f.path.join('.') === 'id')!.title;
    const seen = header?.columns.map((c) => c.header).slice(0, 12).join(', ');
    diagnostics.push(
      new Diagnostic('import-header', `${grid.sheet}: no header row with an id column${seen ? ` (headers found: ${seen})` : ''}.`, {
        file: grid.file,
        cell: `${sheetRef(grid.sheet)}!A1`,
        place: { start: { line: 1, column: 1 } },
        hint: `Name the id column \`id\`, \`${idTitles.en}\` or \`${idTitles['zh-CN'] ?? idTitles.en}\`; other columns by field name or title (docs/excel.md lists them).`,
      }),
    );
    return unchangedOutcome();
  }
  const headerRow = header.rows.at(-1)!;
  for (const c of header.columns) {
    if (c.kind === 'unknown') {
      const all = [...entry.fields.map((f) => f.title['zh-CN'] ?? f.title.en), ...entry.fields.map((f) => f.path.join('.'))];
      const guess = closest(c.header, all);
      diagnostics.push(located('import-column', `Column "${c.header}" is not a field of ${target.list} in ${target.file}.yaml; it is not imported.${guess ? ` Did you mean "${guess}"?` : ''}`, headerRow, c.col));
    } else if (c.kind === 'unsupported') {
      diagnostics.push(located('import-column', `Column "${c.header}" (${c.title}) is a list of entries that a sheet cannot hold; it is not imported.`, headerRow, c.col, { hint: `Edit it in ${target.file}.yaml.` }));
    }
  }
  const columns = header.columns.filter((c): c is Extract<Column, { kind: 'field' | 'keyed' }> => c.kind === 'field' || c.kind === 'keyed');
  // New entries get their keys in the schema's order, whatever the order of the columns.
  const paths = [...entry.fields.map((f) => f.path), ...entry.keyed.map((f) => f.path)];
  const rank = (path: readonly string[]) => paths.findIndex((p) => isUnder(p, path) || isUnder(path, p) || p.join('.') === path.join('.'));

  const patch = new YamlPatch(yamlText);
  // A file that cannot be read as YAML is left for the plan check to report at its line.
  if (patch.broken) return unchangedOutcome();
  const existing = (Array.isArray(patch.data[target.list]) ? patch.data[target.list] : []) as Entry[];
  const indexById = new Map(existing.map((e, i) => [String(e?.id), i]));
  const existingCount = existing.length;
  const rowOfIndex = new Map<number, number>();
  const colOfPath = new Map<string, number>();
  for (const c of columns) colOfPath.set(c.kind === 'keyed' ? `${c.field.path.join('.')}.${c.key}` : c.field.path.join('.'), c.col);
  const seenIds = new Map<string, number>();
  let added = 0;
  let updated = 0;
  let unchanged = 0;

  for (let r = headerRow + 1; r <= grid.rows.length; r++) {
    const cells = grid.rows[r - 1]!;
    const cellAt = (col: number): CellValue => cells[col - 1] ?? { type: 'empty' };
    if (columns.every((c) => cellAt(c.col).type === 'empty')) continue;
    const idCell = cellAt(idColumn.col);
    const idValue = idCell.type === 'empty' ? undefined : convertCell(idCell, 'id', grid);
    const id = idValue?.ok ? String(idValue.value) : idCell.type === 'empty' ? '' : cellText(idCell);
    if (!id) {
      diagnostics.push(located('import-row', `Row ${r} has values but no ${idColumn.header}.`, r, idColumn.col, { hint: 'Fill in the id, or clear the row.' }));
      continue;
    }
    const earlier = seenIds.get(id);
    if (earlier !== undefined) {
      diagnostics.push(located('import-row', `Row ${r} repeats the id "${id}" of row ${earlier}.`, r, idColumn.col));
      continue;
    }
    seenIds.set(id, r);

    const index = indexById.get(id);
    const before: Entry = index === undefined ? {} : (existing[index] ?? {});
    const changes: Array<{ path: string[]; value: Json }> = [];
    const texts = new Map<string, { field: Field; plain?: Json; locales: Record<string, Json> }>();
    let bad = false;
    for (const c of columns) {
      const cell = cellAt(c.col);
      if (cell.type === 'empty') continue;
      const kind = c.kind === 'keyed' ? c.field.value : c.field.kind;
      const converted = convertCell(cell, kind, grid);
      if (!converted.ok) {
        diagnostics.push(located('import-cell', problemMessage(converted.problem, c.header), r, c.col, { hint: problemHint(converted.problem), path: formatPath([target.list, index ?? existingCount + added, ...(c.kind === 'keyed' ? [...c.field.path, c.key] : c.field.path)]) }));
        bad = true;
        continue;
      }
      if (c.kind === 'keyed') changes.push({ path: [...c.field.path, c.key], value: converted.value });
      else if (c.field.kind === 'text' || c.field.kind === 'textList') {
        const key = c.field.path.join('.');
        const t = texts.get(key) ?? { field: c.field, locales: {} };
        if (c.locale) t.locales[c.locale] = converted.value;
        else t.plain = converted.value;
        texts.set(key, t);
      } else changes.push({ path: c.field.path, value: converted.value });
    }
    if (bad) continue;
    for (const t of texts.values()) {
      const old = getIn(before, t.field.path);
      const value = t.field.kind === 'text' ? mergeText(old, t.plain as string | undefined, t.locales as Record<string, string>, options.locales) : mergeTextList(old, t.plain as string[] | undefined, t.locales as Record<string, string[]>, options.locales);
      changes.push({ path: t.field.path, value });
    }
    // A union whose discriminator changes (pricing.type cost-plus → value) is rebuilt from the row alone.
    for (const d of entry.fields.filter((f) => f.discriminator)) {
      const given = changes.find((c) => c.path.join('.') === d.path.join('.'));
      const objectPath = d.path.slice(0, -1);
      if (!given || getIn(before, d.path) === given.value) continue;
      const rebuilt: Entry = {};
      for (const c of changes.filter((c) => isUnder(c.path, objectPath))) setJs(rebuilt, c.path.slice(objectPath.length), c.value);
      const rest = changes.filter((c) => !isUnder(c.path, objectPath));
      changes.length = 0;
      changes.push(...rest, { path: objectPath, value: rebuilt });
    }

    changes.sort((a, b) => rank(a.path) - rank(b.path));
    if (index === undefined) {
      const created: Entry = {};
      for (const c of changes) setJs(created, c.path, c.value);
      patch.append(target.list, created);
      rowOfIndex.set(existingCount + added, r);
      added++;
    } else {
      rowOfIndex.set(index, r);
      const real = changes.filter((c) => !isDeepStrictEqual(getIn(before, c.path), c.value));
      for (const c of real) patch.setInEntry(target.list, index, c.path, c.value);
      if (real.length) updated++;
      else unchanged++;
    }
  }

  const text = added || updated ? patch.toString() : yamlText;
  return {
    text,
    diagnostics,
    added,
    updated,
    unchanged,
    cellOf(path) {
      if (path[0] !== target.list || typeof path[1] !== 'number') return undefined;
      const row = rowOfIndex.get(path[1]);
      if (row === undefined) return undefined;
      const rest = path.slice(2).map(String);
      for (let n = rest.length; n > 0; n--) {
        const col = colOfPath.get(rest.slice(0, n).join('.')) ?? textColumn(rest.slice(0, n));
        if (col !== undefined) return at(row, col);
      }
      return at(row, idColumn.col);
    },
  };

  function textColumn(path: string[]): number | undefined {
    // `name.en` or `sellingPoints.2` come from the column of `name` / `sellingPoints`.
    return colOfPath.get(path.slice(0, -1).join('.'));
  }
}

function sheetRef(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function isUnder(path: readonly string[], prefix: readonly string[]): boolean {
  return path.length > prefix.length && prefix.every((p, i) => path[i] === p);
}

function getIn(node: Json, path: readonly string[]): Json {
  return path.reduce<Json>((n, k) => (n && typeof n === 'object' ? (n as Entry)[k] : undefined), node);
}

/**
 * A text field from its columns: a column without a language fills the plan's first locale; a plain string
 * stays a string while only that locale is given, and becomes `{ zh-CN, en }` when another one is.
 */
export function mergeText(old: Json, plain: string | undefined, given: Record<string, string>, locales: readonly string[]): Json {
  const first = locales[0] ?? 'zh-CN';
  const values: Record<string, string> = { ...(plain !== undefined ? { [first]: plain } : {}), ...given };
  if (old && typeof old === 'object' && !Array.isArray(old)) return sortLocales({ ...(old as Record<string, string>), ...values }, locales);
  const keys = Object.keys(values);
  if (keys.length === 1 && keys[0] === first) return values[first];
  if (typeof old === 'string' && !(first in values)) values[first] = old;
  return sortLocales(values, locales);
}

/** A list of texts, one line per item in each column, merged item by item like a text field. */
function mergeTextList(old: Json, plain: string[] | undefined, given: Record<string, string[]>, locales: readonly string[]): Json {
  const first = locales[0] ?? 'zh-CN';
  const columns: Record<string, string[]> = { ...(plain !== undefined ? { [first]: plain } : {}), ...given };
  const before = Array.isArray(old) ? old : [];
  const n = Math.max(...Object.values(columns).map((v) => v.length));
  return Array.from({ length: n }, (_, i) => {
    const item = Object.fromEntries(Object.entries(columns).filter(([, v]) => v[i] !== undefined).map(([l, v]) => [l, v[i]!]));
    const { [first]: p, ...rest } = item;
    return mergeText(before[i], p, rest, locales);
  });
}

function sortLocales(values: Record<string, string>, locales: readonly string[]): Record<string, string> {
  const rank = (l: string) => (locales.includes(l) ? locales.indexOf(l) : locales.length);
  return Object.fromEntries(Object.entries(values).sort(([a], [b]) => rank(a) - rank(b)));
}

function problemMessage(p: CellProblem, header: string): string {
  switch (p.kind) {
    case 'percent-text':
      return `"${p.text}" in column "${header}" is text, not a number.`;
    case 'unit-text':
      return `"${p.text}" in column "${header}" carries the unit "${p.unit}"; plan numbers are plain.`;
    case 'not-a-number':
      return `"${p.text}" in column "${header}" is not a number.`;
    case 'error-cell':
      return `The cell in column "${header}" holds an error (${p.text}).`;
    case 'not-boolean':
      return `"${p.text}" in column "${header}" is not yes or no.`;
    case 'not-text':
      return `Column "${header}" holds a date where text is expected.`;
  }
}

function problemHint(p: CellProblem): string {
  switch (p.kind) {
    case 'percent-text':
      return `Write ${p.suggestion} (rates are decimals), or format the cell as a percentage in Excel (Format Cells → Percentage) so it holds ${p.suggestion}.`;
    case 'unit-text':
      return `Write ${p.suggestion}.`;
    case 'not-a-number':
      return 'Write a plain number, e.g. 1234.5 (thousands separators and ¥ are fine).';
    case 'error-cell':
      return 'Fix the formula in Excel (a formula must have a result saved: open and save the file in Excel), or type the value.';
    case 'not-boolean':
      return 'Write true or false (是 / 否).';
    case 'not-text':
      return 'Format the cell as text and type the value.';
  }
}


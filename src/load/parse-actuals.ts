// Monthly actuals, `actuals/*.csv`: a `month` column (YYYY-MM) and one column per KPI id.
//   month,gmv,orders,new_customers
//   2027-01,15230000,61200,20100
import { parse } from 'csv-parse/sync';
import { Diagnostic } from '../diagnostics/diagnostic.ts';
import { dict } from '../model/dict.ts';
import { textSource, type TextSource } from './source-file.ts';

export interface ActualsRow {
  line: number;
  month: string;
  /** KPI id → value; empty cells are left out. */
  values: Record<string, number>;
}

export interface ActualsSource extends TextSource {
  /** Header names after `month`, with their 1-based column on line 1. */
  columns: Array<{ name: string; column: number }>;
  rows: ActualsRow[];
}

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export function parseActuals(file: string, text: string): { source?: ActualsSource; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, column = 1) => ({ file, place: { start: { line, column } } });
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: false }) as never;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    return { diagnostics: [new Diagnostic('actuals-syntax', `${file} is not valid CSV: ${e.message.replace(/^Invalid [^:]*: /, '')}`, at(e.lines ?? 1))] };
  }
  const [header, ...body] = records;
  if (!header) return { diagnostics: [new Diagnostic('file-empty', `${file} is empty.`, at(1))] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  const names = header.record;
  if (names[0] !== 'month') {
    diagnostics.push(new Diagnostic('actuals-syntax', `The first column of ${file} must be "month", got "${names[0] ?? ''}".`, { ...at(1), hint: 'Write a header line like `month,gmv,orders`.' }));
    return { diagnostics };
  }
  const columns = names.slice(1).map((name) => ({ name, column: headerLine.indexOf(name) + 1 || 1 }));
  const rows: ActualsRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const month = record[0] ?? '';
    if (!MONTH.test(month)) {
      diagnostics.push(new Diagnostic('actuals-month', `"${month}" in ${file} is not a month; write YYYY-MM (e.g. 2027-03).`, at(line)));
      continue;
    }
    if (seen.has(month)) {
      diagnostics.push(new Diagnostic('actuals-month', `${month} appears twice in ${file} (lines ${seen.get(month)} and ${line}).`, at(line)));
      continue;
    }
    seen.set(month, line);
    const values = dict<number>();
    columns.forEach(({ name }, i) => {
      const cell = record[i + 1] ?? '';
      if (cell === '') return;
      const value = Number(cell.replace(/,/g, ''));
      if (!Number.isFinite(value)) {
        diagnostics.push(new Diagnostic('actuals-value', `"${cell}" in column ${name} of ${file} is not a number.`, { ...at(line, (lines[line - 1] ?? '').indexOf(cell) + 1 || 1), hint: 'Write plain numbers: 1234.5, no units, no %, rates as decimals.' }));
      } else {
        values[name] = value;
      }
    });
    rows.push({ line, month, values });
  }
  return { source: { ...textSource(file, text), columns, rows }, diagnostics };
}

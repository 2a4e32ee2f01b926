// Tables → an .xlsx workbook (exceljs): number formats per cell, the header row and first column frozen,
// column widths that fit their longest value, written through a temporary file and a rename.
import ExcelJS from 'exceljs';
import { writeAtomic } from '../data/files.ts';
import type { Format, Table } from './export-sheets.ts';

/** Excel number formats. Values stay exact; only the display rounds. */
export function numberFormats(currencySymbol: string): Record<Format, string | undefined> {
  const c = `"${currencySymbol.replace(/"/g, '')}"`;
  return { money: `${c}#,##0;-${c}#,##0`, price: `${c}#,##0.00;-${c}#,##0.00`, percent: '0.0%', count: '#,##0', ratio: '0.00', number: undefined, text: '@' };
}

/** The narrow symbol of a currency: ¥ for CNY, $ for USD. */
export function currencySymbol(currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}

const MAX_WIDTH = 60;

/** Display width in Excel's units: a CJK character takes two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Width of a value as Excel shows it in its format (thousands separators, symbol, decimals). */
function valueWidth(value: unknown, format: Format): number {
  if (typeof value === 'number') {
    const digits = Math.max(1, Math.floor(Math.log10(Math.abs(value) || 1)) + 1);
    const separators = Math.floor((digits - 1) / 3);
    const decimals = format === 'price' || format === 'ratio' ? 3 : format === 'percent' ? 2 : format === 'number' ? Math.min(10, String(value).split('.')[1]?.length ?? 0) + 1 : 0;
    return digits + separators + decimals + (value < 0 ? 1 : 0) + (format === 'money' || format === 'price' || format === 'percent' ? 1 : 0);
  }
  return Math.max(...String(value ?? '').split('\n').map(textWidth));
}

export function buildWorkbook(tables: readonly Table[], currency: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  // Fixed dates: the same plan gives the same workbook properties.
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  const formats = numberFormats(currencySymbol(currency));
  const names = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, names), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: false };
    const widths = table.columns.map((c) => textWidth(c.header));
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((c) => (c.value === undefined || c.value === null || (typeof c.value === 'number' && !Number.isFinite(c.value)) ? null : c.value)));
      row.forEach((c, i) => {
        const cell = added.getCell(i + 1);
        const fmt = formats[c.format];
        if (fmt && c.value !== undefined && c.value !== null) cell.numFmt = fmt;
        if (typeof c.value === 'string' && c.value.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
        widths[i] = Math.max(widths[i]!, valueWidth(c.value, c.format));
      });
    }
    sheet.columns.forEach((column, i) => {
      column.width = Math.min(MAX_WIDTH, Math.max(8, (widths[i] ?? 8) + 2));
    });
  }
  return workbook;
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let out = base;
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${base.slice(0, 28)} ${n}`;
  taken.add(out.toLowerCase());
  return out;
}

export async function writeWorkbook(path: string, tables: readonly Table[], currency: string): Promise<void> {
  const buffer = await buildWorkbook(tables, currency).xlsx.writeBuffer();
  await writeAtomic(path, new Uint8Array(buffer as ArrayBuffer));
}

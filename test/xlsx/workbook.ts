// Builds small workbooks in memory for the spreadsheet tests (no binaries in git).
import ExcelJS from 'exceljs';

export type CellSpec = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

export interface SheetSpec {
  name?: string;
  rows: CellSpec[][];
  /** Ranges to merge, e.g. `A1:F1`. */
  merges?: string[];
}

export async function workbookBytes(...sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [i, spec] of sheets.entries()) {
    const ws = wb.addWorksheet(spec.name ?? `Sheet${i + 1}`);
    spec.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const target = ws.getRow(r + 1).getCell(c + 1);
        if (cell && typeof cell === 'object' && 'numFmt' in cell) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else target.value = cell;
      });
    });
    for (const m of spec.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every sheet of a workbook file as rows of cell values (formulas as their results, rich text as text). */
export async function readWorkbook(path: string): Promise<{ sheets: Map<string, unknown[][]>; workbook: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets = new Map<string, unknown[][]>();
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= ws.columnCount; c++) row.push(ws.getRow(r).getCell(c).value ?? null);
      rows.push(row);
    }
    sheets.set(ws.name, rows);
  }
  return { sheets, workbook: wb };
}

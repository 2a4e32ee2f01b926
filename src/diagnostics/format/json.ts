// Diagnostics for tools: `{ ok, diagnostics: [{ severity, code, message, file, line, column, path, hint[, cell] }] }`.
import { hasErrors, type Diagnostic, type Severity } from '../diagnostic.ts';

export interface JsonDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  path: string;
  hint: string;
  /** Spreadsheet diagnostics only: `Sheet!C12` (line = row, column = column number). */
  cell?: string;
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  const end = d.place && 'end' in d.place && d.place.end ? d.place.end : { line: d.startLine, column: d.startColumn };
  return {
    severity: d.severity,
    code: d.code,
    message: d.reason,
    file: d.file,
    line: d.startLine,
    column: d.startColumn,
    endLine: end.line,
    endColumn: end.column,
    path: d.path,
    hint: d.hint,
    ...(d.cell ? { cell: d.cell } : {}),
  };
}

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify({ ok: !hasErrors(diagnostics), diagnostics: diagnostics.map(toJson) }, null, 2);
}

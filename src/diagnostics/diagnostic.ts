// One message shape for every problem ShopPlan reports, built on vfile-message like unified's tools.
import { VFileMessage } from 'vfile-message';
import { CODES, type Code } from './codes.ts';

/** Errors stop the plan (exit 1, nothing built); warnings and infos are reported and the build goes on. */
export type Severity = 'error' | 'warning' | 'info';

export interface Point {
  line: number;
  column: number;
  offset?: number;
}

export interface Place {
  start: Point;
  end?: Point;
}

export interface DiagnosticInit {
  /** File as the user named it, e.g. `content/targets.yaml`. */
  file?: string;
  place?: Place;
  /** Dotted path inside the file's data, e.g. `targets[0].owner`. */
  path?: string;
  /** What to do about it. Defaults to the code's fix text. */
  hint?: string;
  /** Overrides the code's default severity. */
  severity?: Severity;
  /** For a spreadsheet: the sheet and cell, `SKU!C12` (with `place` at that row and column). */
  cell?: string;
}

/** A located problem: a VFileMessage with a stable rule code, its data path and a hint. */
export class Diagnostic extends VFileMessage {
  path: string;
  hint: string;
  /** `Sheet!C12` when the problem is in a spreadsheet cell, else empty. */
  cell: string;
  declare ruleId: Code;
  declare file: string;

  constructor(code: Code, message: string, init: DiagnosticInit = {}) {
    super(message, {
      ruleId: code,
      source: 'shopplan',
      place: init.place && { start: init.place.start, end: init.place.end ?? init.place.start },
    });
    const info = CODES[code];
    const severity = init.severity ?? info.severity;
    // vfile-message: fatal true = error, false = warning, undefined = info.
    this.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
    this.file = init.file ?? '';
    this.path = init.path ?? '';
    this.hint = init.hint ?? ('fix' in info ? info.fix : '');
    this.cell = init.cell ?? '';
  }

  get code(): Code {
    return this.ruleId;
  }

  get severity(): Severity {
    return this.fatal ? 'error' : this.fatal === false ? 'warning' : 'info';
  }

  get startLine(): number {
    return this.place && 'start' in this.place ? this.place.start.line : (this.line ?? 1);
  }

  get startColumn(): number {
    return this.place && 'start' in this.place ? this.place.start.column : (this.column ?? 1);
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.fatal);
}

/** Stable order for output: by file, then position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.startLine - b.startLine ||
      a.startColumn - b.startColumn ||
      a.code.localeCompare(b.code) ||
      a.reason.localeCompare(b.reason),
  );
}

// The text of one plan file as loaded: bytes checked, decoded and positioned.
import { LineCounter } from 'yaml';
import type { Place } from '../diagnostics/diagnostic.ts';

/** Files larger than this are refused: enough for thousands of SKUs, far below what would strain the parser. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** All plan files together may be no larger than one: parsing costs about a second per MiB. */
export const MAX_PLAN_BYTES = MAX_FILE_BYTES;

export interface TextSource {
  /** The file as the user names it, e.g. `content/targets.yaml`. */
  file: string;
  text: string;
  lines: LineCounter;
}

/** A source whose line starts are counted here (YAML sources get theirs from the parser). */
export function textSource(file: string, text: string): TextSource {
  const lines = new LineCounter();
  let offset = 0;
  lines.addNewLine(0);
  for (;;) {
    offset = text.indexOf('\n', offset);
    if (offset < 0) break;
    lines.addNewLine(++offset);
  }
  return { file, text, lines };
}

/** Line/column place of a character range in a source. */
export function placeOf(source: TextSource, start: number, end: number = start): Place {
  const a = source.lines.linePos(start);
  const b = source.lines.linePos(Math.max(start, end));
  return {
    start: { line: a.line, column: a.col, offset: start },
    end: { line: b.line, column: b.col, offset: end },
  };
}

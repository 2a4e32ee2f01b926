// The text of one plan file as loaded: bytes checked, decoded and positioned. Plain data (no class
// instances), so that a parse holding it can be kept across runs (pipeline/parse-cache.ts).
import type { Place } from '../diagnostics/diagnostic.ts';

/** Files larger than this are refused: enough for thousands of SKUs, far below what would strain the parser. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** All plan files together may be no larger than one: parsing costs about a second per MiB. */
export const MAX_PLAN_BYTES = MAX_FILE_BYTES;

export interface TextSource {
  /** The file as the user names it, e.g. `content/targets.yaml`. */
  file: string;
  text: string;
  /** The offset at which each line starts: 0, then the offset after each line feed. */
  lineStarts: readonly number[];
}

/** A source whose line starts are counted here (YAML sources get theirs from the parser). */
export function textSource(file: string, text: string): TextSource {
  const lineStarts = [0];
  for (let offset = text.indexOf('\n'); offset >= 0; offset = text.indexOf('\n', offset + 1)) lineStarts.push(offset + 1);
  return { file, text, lineStarts };
}

/** Line/column place of a character range in a source. */
export function placeOf(source: TextSource, start: number, end: number = start): Place {
  const a = linePos(source.lineStarts, start);
  const b = linePos(source.lineStarts, Math.max(start, end));
  return {
    start: { line: a.line, column: a.col, offset: start },
    end: { line: b.line, column: b.col, offset: end },
  };
}

/** Line and column (1-based) of an offset: what the yaml library's LineCounter answers for the same line starts. */
export function linePos(lineStarts: readonly number[], offset: number): { line: number; col: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  if (lineStarts[low] === offset) return { line: low + 1, col: 1 };
  if (low === 0) return { line: 0, col: offset };
  return { line: low, col: offset - lineStarts[low - 1]! + 1 };
}

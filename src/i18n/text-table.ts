// Plain-text tables for the command line: columns aligned by the width a terminal gives each character (a
// Chinese character or full-width sign takes two columns).
import { textWidth } from './text-width.ts';

/**
 * Rows aligned in columns two spaces apart, each line indented by two. `align` gives each column's side, `l` or
 * `r` (e.g. `lrrl`); columns past its end go to the right, so by default text leads and numbers follow.
 */
export function textTable(rows: readonly (readonly string[])[], align = 'l'): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, textWidth(cell))));
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - textWidth(cell));
    return (align[i] ?? 'r') === 'r' ? fill + cell : cell + fill;
  };
  return rows.map((row) => `  ${row.map(pad).join('  ')}`.trimEnd()).join('\n');
}

// Plain-text formatting for scripts/bench.ts: aligned columns readable in a terminal and a CI log.

/**
 * Aligns rows into columns, indented by two spaces. The first column goes to the left; the others hold
 * numbers and go to the right so their digits line up, unless `numbers` is false (text columns).
 */
export function formatTable(rows: readonly (readonly string[])[], { numbers = true }: { numbers?: boolean } = {}): string {
  const indent = '  ';
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => indent + row.map((cell, i) => (i === 0 || !numbers ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ').trimEnd())
    .join('\n');
}

export const ms = (v: number): string => v.toFixed(1);
export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);
export const times = (v: number): string => `×${v.toFixed(2)}`;
export const int = (v: number): string => v.toLocaleString('en-US');

// Diagnostics for people: `file:line:col  severity  message  [code]`, a code frame, and what to do.
import { codeFrameColumns } from '@babel/code-frame';
import type { Diagnostic } from '../diagnostic.ts';

export interface TextFormatOptions {
  /** Source text by file, for code frames. */
  sourceOf?: (file: string) => string | undefined;
  color?: boolean;
}

export function formatText(diagnostics: readonly Diagnostic[], options: TextFormatOptions = {}): string {
  const color = options.color ?? false;
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const blocks = diagnostics.map((d) => {
    const where = d.cell ? `${d.file}!${d.cell}` : d.file ? `${d.file}:${d.startLine}:${d.startColumn}` : '(plan)';
    const severity = d.severity === 'error' ? paint('31', 'error') : d.severity === 'warning' ? paint('33', 'warning') : paint('34', 'info');
    const lines = [`${paint('1', where)}  ${severity}  ${d.reason}  ${paint('2', `[${d.code}]`)}`];
    const text = d.file && !d.cell ? options.sourceOf?.(d.file) : undefined;
    if (text !== undefined && d.place && 'start' in d.place) {
      const end = d.place.end && d.place.end.line === d.place.start.line && d.place.end.column > d.place.start.column ? { line: d.place.end.line, column: d.place.end.column } : undefined;
      lines.push(indent(codeFrameColumns(text, { start: { line: d.startLine, column: d.startColumn }, ...(end ? { end } : {}) }, { highlightCode: color, linesAbove: 1, linesBelow: 1 })));
    }
    if (d.hint) lines.push(`  ${paint('36', '→')} ${d.hint}`);
    return lines.join('\n');
  });
  return blocks.join('\n\n');
}

export function summaryLine(diagnostics: readonly Diagnostic[], subject: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const infos = diagnostics.length - errors - warnings;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const notes = infos ? `, ${count(infos, 'info')}` : '';
  return errors
    ? `✖ ${subject} has ${count(errors, 'error')} and ${count(warnings, 'warning')}${notes}.`
    : `✔ ${subject} is valid${warnings || infos ? ` (${[warnings ? count(warnings, 'warning') : '', infos ? count(infos, 'info') : ''].filter(Boolean).join(', ')})` : ''}.`;
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

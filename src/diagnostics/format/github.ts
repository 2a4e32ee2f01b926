// Diagnostics as GitHub Actions workflow commands (error, warning, notice for infos), so a pull request shows
// them on the changed lines.
import type { Diagnostic } from '../diagnostic.ts';
import { toJson } from './json.ts';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const j = toJson(d);
      const props = [
        `file=${escapeProperty(j.file)}`,
        `line=${j.line}`,
        `col=${j.column}`,
        ...(j.endLine === j.line ? [`endColumn=${j.endColumn}`] : [`endLine=${j.endLine}`]),
        `title=${escapeProperty(`shopplan ${j.code}`)}`,
      ];
      return `::${j.severity === 'info' ? 'notice' : j.severity} ${props.join(',')}::${escapeData(`${j.message}${j.hint ? ` — ${j.hint}` : ''}`)}`;
    })
    .join('\n');
}

// Prints a plan check's diagnostics in the requested format.
import type { PlanCheck } from '../pipeline/check-plan.ts';
import { sourceLookup } from '../pipeline/source-lookup.ts';
import { formatText, summaryLine } from '../diagnostics/format/text.ts';
import { formatJson } from '../diagnostics/format/json.ts';
import { formatGithub } from '../diagnostics/format/github.ts';
import { UsageError } from '../diagnostics/errors.ts';

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: unknown, command: string): Format {
  const format = (value ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${String(value)}".`, command);
  return format;
}

/** The diagnostics of a check in the requested format (empty for `github` when there are none). */
/** `sourceOf` gives the files' text for code frames when the check has no sources (an up-to-date build). */
export function renderDiagnostics(check: PlanCheck, format: Format, color: boolean, subject: string, sourceOf: (file: string) => string | undefined = sourceLookup(check)): string {
  if (format === 'json') return formatJson(check.diagnostics);
  if (format === 'github') return formatGithub(check.diagnostics);
  const text = formatText(check.diagnostics, { sourceOf, color });
  return `${text ? `${text}\n\n` : ''}${summaryLine(check.diagnostics, subject)}`;
}

import type { Command } from '../command.ts';
import { checkPlanFolder } from '../../pipeline/check-plan.ts';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { parseFormat, renderDiagnostics } from '../report.ts';
import { SUMMARIES } from './summaries.ts';

export const validateCommand: Command = {
  name: 'validate',
  summary: SUMMARIES.validate,
  usage: 'shopplan validate [dir] [--format text|json|github]',
  optionHelp: ['dir                    Plan folder (default: content)', '--format <format>      text (default), json, or github (workflow annotations)'],
  options: { format: { type: 'string', short: 'f' } },
  maxPositionals: 1,
  async run({ values, positionals, locale }, io) {
    const format = parseFormat(values.format, 'validate');
    const dir = positionals[0] ?? 'content';
    const check = await checkPlanFolder(dir, { locale });
    const out = renderDiagnostics(check, format, io.color, `The plan in ${dir}`);
    if (out) io.stdout(out);
    return hasErrors(check.diagnostics) ? EXIT.invalid : EXIT.ok;
  },
};

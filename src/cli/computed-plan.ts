// The computed plan a command works on (`compute`, `export`): checked, with `--scenario` applied, or the
// diagnostics printed and the exit code to return.
import { checkPlanFolder, type PlanCheck } from '../pipeline/check-plan.ts';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { scenarioIds } from '../model/scenarios-apply.ts';
import { EXIT } from '../diagnostics/exit-codes.ts';
import { UsageError } from '../diagnostics/errors.ts';
import { renderDiagnostics } from './report.ts';
import type { CliIO } from './io.ts';
import type { Locale } from '../i18n/locale.ts';

export type ComputedPlan = { ok: true; check: PlanCheck & Required<Pick<PlanCheck, 'input' | 'result'>> } | { ok: false; exitCode: number };

export interface ComputedPlanOptions {
  /** The language of the findings among the diagnostics. */
  locale: Locale;
  /** Which diagnostics of a plan without errors to print (default all; errors always print them all). */
  print?: (d: Diagnostic) => boolean;
}

export async function computedPlan(dir: string, scenario: string | undefined, command: string, io: CliIO, options: ComputedPlanOptions): Promise<ComputedPlan> {
  const { locale } = options;
  const first = await checkPlanFolder(dir, { compute: !scenario, locale });
  let check = first;
  if (scenario && first.input) {
    const known = scenarioIds(first.input);
    if (!known.includes(scenario)) throw new UsageError(`Unknown scenario "${scenario}". ${known.length ? `The plan has: ${known.join(', ')}.` : 'The plan defines no scenarios (scenarios.yaml).'}`, command);
    check = await checkPlanFolder(dir, { scenario, locale });
  }
  // Warnings go to stderr either way (those the command does not show otherwise); errors stop the command.
  const failed = hasErrors(check.diagnostics) || !check.result || !check.input;
  const printed = failed || !options.print ? check : { ...check, diagnostics: check.diagnostics.filter(options.print) };
  if (printed.diagnostics.length) io.stderr(renderDiagnostics(printed, 'text', io.color, `The plan in ${dir}`));
  if (failed) return { ok: false, exitCode: EXIT.invalid };
  return { ok: true, check: check as PlanCheck & Required<Pick<PlanCheck, 'input' | 'result'>> };
}

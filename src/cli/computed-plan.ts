// The computed plan a command works on (`compute`, `export`): checked, with `--scenario` applied, or the
// diagnostics printed and the exit code to return.
import { checkPlanFolder, type PlanCheck } from '../pipeline/check-plan.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { scenarioIds } from '../model/scenarios-apply.ts';
import { EXIT } from '../diagnostics/exit-codes.ts';
import { UsageError } from '../diagnostics/errors.ts';
import { renderDiagnostics } from './report.ts';
import type { CliIO } from './io.ts';

export type ComputedPlan = { ok: true; check: PlanCheck & Required<Pick<PlanCheck, 'input' | 'result'>> } | { ok: false; exitCode: number };

export async function computedPlan(dir: string, scenario: string | undefined, command: string, io: CliIO): Promise<ComputedPlan> {
  const first = await checkPlanFolder(dir, { compute: !scenario });
  let check = first;
  if (scenario && first.input) {
    const known = scenarioIds(first.input);
    if (!known.includes(scenario)) throw new UsageError(`Unknown scenario "${scenario}". ${known.length ? `The plan has: ${known.join(', ')}.` : 'The plan defines no scenarios (scenarios.yaml).'}`, command);
    check = await checkPlanFolder(dir, { scenario });
  }
  // Warnings go to stderr either way; errors stop the command.
  if (check.diagnostics.length) io.stderr(renderDiagnostics(check, 'text', io.color, `The plan in ${dir}`));
  if (hasErrors(check.diagnostics) || !check.result || !check.input) return { ok: false, exitCode: EXIT.invalid };
  return { ok: true, check: check as PlanCheck & Required<Pick<PlanCheck, 'input' | 'result'>> };
}

import type { Command } from '../command.ts';
import { checkPlanFolder } from '../../pipeline/check-plan.ts';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { scenarioIds } from '../../engine/scenarios.ts';
import { stableJson } from '../../model/stable-json.ts';
import { EXIT, UsageError } from '../../diagnostics/exit-codes.ts';
import { renderDiagnostics } from '../report.ts';
import { computeSummary } from '../compute-summary.ts';

export const computeCommand: Command = {
  name: 'compute',
  summary: 'compute every figure of a plan (PlanResult) and print it',
  usage: 'shopplan compute [dir] [--json] [--scenario <id>]',
  optionHelp: ['dir                    Plan folder (default: content)', '--json                 Print the full PlanResult as JSON on stdout', '--scenario <id>        Apply a scenario from scenarios.yaml before computing'],
  options: { json: { type: 'boolean' }, scenario: { type: 'string', short: 's' } },
  maxPositionals: 1,
  async run({ values, positionals, locale }, io) {
    const dir = positionals[0] ?? 'content';
    const scenario = values.scenario as string | undefined;
    const first = await checkPlanFolder(dir, { compute: !scenario });
    let check = first;
    if (scenario && first.input) {
      const known = scenarioIds(first.input);
      if (!known.includes(scenario)) throw new UsageError(`Unknown scenario "${scenario}". ${known.length ? `The plan has: ${known.join(', ')}.` : 'The plan defines no scenarios (scenarios.yaml).'}`, 'compute');
      check = await checkPlanFolder(dir, { scenario });
    }
    if (hasErrors(check.diagnostics) || !check.result) {
      io.stderr(renderDiagnostics(check, 'text', io.color, `The plan in ${dir}`));
      return EXIT.invalid;
    }
    if (check.diagnostics.length) io.stderr(renderDiagnostics(check, 'text', io.color, `The plan in ${dir}`));
    io.stdout(values.json ? stableJson(check.result) : computeSummary(check.result, locale));
    return EXIT.ok;
  },
};

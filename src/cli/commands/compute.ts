import type { Command } from '../command.ts';
import { stableJson } from '../../model/stable-json.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { computedPlan } from '../computed-plan.ts';
import { computeSummary } from '../compute-summary.ts';
import { isFindingKind } from '../../model/findings.ts';
import { planNames } from '../../i18n/names.ts';
import { SUMMARIES } from './summaries.ts';

export const computeCommand: Command = {
  name: 'compute',
  summary: SUMMARIES.compute,
  usage: 'shopplan compute [dir] [--json] [--scenario <id>]',
  optionHelp: ['dir                    Plan folder (default: content)', '--json                 Print the full PlanResult as JSON on stdout', '--scenario <id>        Apply a scenario from scenarios.yaml before computing'],
  options: { json: { type: 'boolean' }, scenario: { type: 'string', short: 's' } },
  maxPositionals: 1,
  async run({ values, positionals, locale }, io) {
    const dir = positionals[0] ?? 'content';
    // Without --json the summary lists the findings in words, so stderr keeps only the other diagnostics.
    const print = values.json ? undefined : (d: { code: string }) => !isFindingKind(d.code);
    const scenario = values.scenario as string | undefined;
    const plan = await computedPlan(dir, scenario, 'compute', io, { locale, print });
    if (!plan.ok) return plan.exitCode;
    const { check } = plan;
    io.stdout(values.json ? stableJson(check.result) : computeSummary(check.result, locale, planNames(check.input), scenario));
    return EXIT.ok;
  },
};

// Scenario overrides and sensitivity drivers name numbers that exist, say how to change them, and leave
// the plan valid: each scenario, and each driver moved up and down, is checked against the schemas before
// anything is computed (a factor of 1000 on the horizon, or a negative conversion rate, is an error at
// the override's line, not hours of compute or GMV of −¥4 billion).
import type { Check, CheckContext } from '../check-context.ts';
import { resolvePlanPath } from '../../model/plan-path.ts';
import { setPath } from '../../model/set-path.ts';
import { applyScenario } from '../../model/scenarios-apply.ts';
import { formatPath } from '../../model/data-path.ts';
import type { PlanFileKey } from '../../model/plan-files.ts';
import type { PlanInput } from '../../model/plan-input.generated.ts';
import { schemaErrors } from '../validators.ts';
import { schemaDiagnostics } from '../schema-errors.ts';
import { MAX_DRIVERS, MAX_SCENARIOS } from './work.ts';

export const checkScenarios: Check = (ctx) => {
  const file = ctx.input.scenarios;
  if (!file) return;
  const input = ctx.input as unknown as Record<string, unknown>;
  let pathsOk = true;
  const checkPath = (path: string, at: (string | number)[]) => {
    const resolved = resolvePlanPath(input, path);
    if (!resolved) {
      ctx.report('scenario-path', `"${path}" does not name anything in the plan.`, 'scenarios', at);
    } else if (typeof resolved.value !== 'number') {
      ctx.report('scenario-path', `"${path}" names ${Array.isArray(resolved.value) ? 'a list' : typeof resolved.value === 'object' ? 'a section' : 'a text'}, not a number.`, 'scenarios', at);
    } else return;
    pathsOk = false;
  };
  file.scenarios?.forEach((scenario, s) => {
    scenario.overrides?.forEach((override, o) => {
      const at = ['scenarios', s, 'overrides', o];
      checkPath(override.path, [...at, 'path']);
      const count = Number(override.factor !== undefined) + Number(override.set !== undefined);
      if (count !== 1) {
        ctx.report('scenario-override', `The override of "${override.path}" has ${count === 0 ? 'neither' : 'both'} \`factor\` and \`set\`.`, 'scenarios', at);
        pathsOk = false;
      }
    });
  });
  file.sensitivity?.drivers.forEach((driver, d) => checkPath(driver.path, ['sensitivity', 'drivers', d, 'path']));
  // Checking outcomes is a schema validation per scenario and driver: only within the bounds checkWork reports.
  const withOverrides = (file.scenarios ?? []).filter((sc) => sc.overrides?.length).length;
  if (pathsOk && withOverrides <= MAX_SCENARIOS && (file.sensitivity?.drivers.length ?? 0) <= MAX_DRIVERS) checkOutcomes(ctx);
};

/** Every scenario, and every driver at both ends of its range, gives a plan the schemas accept. */
function checkOutcomes(ctx: CheckContext): void {
  const file = ctx.input.scenarios!;
  file.scenarios?.forEach((scenario, s) => {
    const overrides = scenario.overrides ?? [];
    if (!overrides.length) return;
    const changed = applyScenario(ctx.input, scenario.id);
    const touched = overrides.map((o) => resolvePlanPath(ctx.input as unknown as Record<string, unknown>, o.path)!.segments);
    for (const key of new Set(touched.map((segments) => segments[0] as PlanFileKey))) {
      for (const problem of problems(ctx, changed, key)) {
        // The override that set the value at fault, or else the last one that changed this file.
        const exact = touched.findIndex((segments) => segments[0] === key && formatPath(segments.slice(1)) === problem.path);
        const o = exact >= 0 ? exact : touched.map((segments) => segments[0]).lastIndexOf(key);
        ctx.report('scenario-invalid', `In scenario "${scenario.id}", ${key}.yaml: ${problem.reason}`, 'scenarios', ['scenarios', s, 'overrides', o], { hint: problem.hint });
      }
    }
  });
  const sensitivity = file.sensitivity;
  sensitivity?.drivers.forEach((driver, d) => {
    const resolved = resolvePlanPath(ctx.input as unknown as Record<string, unknown>, driver.path)!;
    const key = resolved.segments[0] as PlanFileKey;
    for (const factor of [1 - sensitivity.range, 1 + sensitivity.range]) {
      const moved = setPath(ctx.input, resolved.segments, (resolved.value as number) * factor);
      const first = problems(ctx, moved, key)[0];
      if (!first) continue;
      const percent = `${factor < 1 ? '−' : '+'}${Math.round(sensitivity.range * 1000) / 10} %`;
      ctx.report('scenario-invalid', `Moving ${driver.path} by ${percent} (the sensitivity range) makes ${key}.yaml invalid: ${first.reason}`, 'scenarios', ['sensitivity', 'drivers', d, 'path'], {
        hint: `Choose a driver that can move by ±${Math.round(sensitivity.range * 1000) / 10} % (a rate that stays within 0–1, a count that need not stay whole), or a smaller range.`,
      });
      break;
    }
  });
}

/** Schema problems of one file of a changed plan, as plain-language reasons with the data path. */
function problems(ctx: CheckContext, plan: PlanInput, key: PlanFileKey): Array<{ path: string; reason: string; hint: string }> {
  // Amounts a factor computes need not be whole 分: the engine rounds them; only what is written must be.
  const errors = schemaErrors(key, plan[key], { copyPaths: [], computed: true });
  if (!errors.length) return [];
  const source = ctx.sources.files[key];
  if (!source) return [];
  return schemaDiagnostics(source, errors).map((d) => ({ path: d.path, reason: d.reason, hint: d.hint }));
}


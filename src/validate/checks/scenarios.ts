// Scenario overrides and sensitivity drivers name numbers that exist, and say how to change them.
import type { Check } from '../check-context.ts';
import { resolvePlanPath } from '../../model/plan-path.ts';

export const checkScenarios: Check = (ctx) => {
  const file = ctx.input.scenarios;
  if (!file) return;
  const input = ctx.input as unknown as Record<string, unknown>;
  const checkPath = (path: string, at: (string | number)[]) => {
    const resolved = resolvePlanPath(input, path);
    if (!resolved) {
      ctx.report('scenario-path', `"${path}" does not name anything in the plan.`, 'scenarios', at);
    } else if (typeof resolved.value !== 'number') {
      ctx.report('scenario-path', `"${path}" names ${Array.isArray(resolved.value) ? 'a list' : typeof resolved.value === 'object' ? 'a section' : 'a text'}, not a number.`, 'scenarios', at);
    }
  };
  file.scenarios?.forEach((scenario, s) => {
    scenario.overrides?.forEach((override, o) => {
      const at = ['scenarios', s, 'overrides', o];
      checkPath(override.path, [...at, 'path']);
      const count = Number(override.factor !== undefined) + Number(override.set !== undefined);
      if (count !== 1) ctx.report('scenario-override', `The override of "${override.path}" has ${count === 0 ? 'neither' : 'both'} \`factor\` and \`set\`.`, 'scenarios', at);
    });
  });
  file.sensitivity?.drivers.forEach((driver, d) => checkPath(driver.path, ['sensitivity', 'drivers', d, 'path']));
};

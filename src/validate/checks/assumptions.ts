// plan.yaml `assumptions`: an own range runs from low to high, and an accepted finding names a finding kind and
// a place in the plan (written like scenario paths), so an acceptance cannot silently stop matching.
import type { Check } from '../check-context.ts';
import { resolvePlanPath } from '../../model/plan-path.ts';
import { FINDING_KINDS, isFindingKind } from '../../model/findings.ts';
import { closest } from '../../model/closest.ts';

export const checkAssumptions: Check = (ctx) => {
  const assumptions = ctx.input.plan.assumptions;
  if (!assumptions) return;
  assumptions.ranges?.forEach((r, i) => {
    const at = ['assumptions', 'ranges', i];
    if (r.low > r.high) ctx.report('assumption-range', `The own range of ${r.metric} runs from ${r.low} down to ${r.high}.`, 'plan', [...at, 'high']);
    else if (r.typical !== undefined && (r.typical < r.low || r.typical > r.high)) ctx.report('assumption-range', `The typical ${r.metric} ${r.typical} lies outside its own range ${r.low}–${r.high}.`, 'plan', [...at, 'typical']);
  });
  const input = ctx.input as unknown as Record<string, unknown>;
  assumptions.accepted?.forEach((a, i) => {
    const at = ['assumptions', 'accepted', i];
    if (!isFindingKind(a.finding)) {
      const guess = closest(a.finding, FINDING_KINDS);
      ctx.report('assumption-accepted', `"${a.finding}" is not a finding code.${guess ? ` Did you mean "${guess}"?` : ''}`, 'plan', [...at, 'finding']);
    }
    if (!resolvePlanPath(input, a.path)) ctx.report('assumption-accepted', `"${a.path}" does not name anything in the plan.`, 'plan', [...at, 'path']);
  });
};

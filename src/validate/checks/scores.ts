// Scored entries give a score for every dimension they are weighed on; RFM cut-offs ascend.
import type { Check } from '../check-context.ts';
import type { PlanFileKey } from '../../model/plan-files.ts';
import { select } from '../../model/select.ts';

/** [file, dimensions pattern, scored items pattern, what is scored]. */
const SCORED: ReadonlyArray<readonly [PlanFileKey, PlanFileKey, string, string, string]> = [
  ['strategy', 'strategy', 'competitors.dimensions.*.id', 'competitors.list.*', 'competitor'],
  ['products', 'products', 'selectionCriteria.*.id', 'skus.*', 'SKU'],
];

export const checkScores: Check = (ctx) => {
  for (const [file, dimFile, dimPattern, itemPattern, noun] of SCORED) {
    const dims = select(ctx.input[dimFile], dimPattern).map((s) => s.value as string);
    if (dims.length === 0) continue;
    for (const item of select(ctx.input[file], itemPattern)) {
      const value = item.value as { id: string; scores?: Record<string, number> };
      if (!value.scores) continue;
      const missing = dims.filter((d) => !(d in value.scores!));
      if (missing.length) {
        ctx.report('score-missing', `The ${noun} "${value.id}" has no score for ${missing.map((m) => `"${m}"`).join(', ')}.`, file, [...item.segments, 'scores']);
      }
    }
  }
  const rfm = ctx.input.users?.rfm;
  if (rfm) {
    for (const axis of ['recencyDays', 'frequency', 'monetary'] as const) {
      const cuts = (rfm as Record<string, unknown>)[axis];
      if (!Array.isArray(cuts)) continue;
      const bad = cuts.findIndex((v, i) => i > 0 && !(v > cuts[i - 1]));
      if (bad > 0) ctx.report('rfm-cutoffs', `rfm.${axis} must ascend, but ${cuts[bad]} follows ${cuts[bad - 1]}.`, 'users', ['rfm', axis, bad]);
    }
  }
};

// compute(input) → PlanResult: pure, no I/O, no clock, no randomness; the same input gives the same bytes.
import type { PlanInput } from '../model/plan-input.generated.ts';
import { horizonMonths, quarterOf } from '../model/calendar.ts';
import { computeTargets } from './targets.ts';
import type { PlanResult } from './plan-result.ts';
import { computeKpis } from './kpis.ts';

export function compute(input: PlanInput): PlanResult {
  const months = horizonMonths(input.plan.horizon.start, input.plan.horizon.months);
  const targets = computeTargets(input, months);
  return {
    meta: {
      planId: input.plan.id,
      title: input.plan.title,
      company: input.plan.company.name,
      currency: input.plan.currency,
      version: input.plan.version ?? null,
      locales: input.plan.locales ?? ['zh-CN'],
      horizon: { start: months[0]!, end: months[months.length - 1]!, months },
      quarters: [...new Set(months.map(quarterOf))],
    },
    targets: Object.fromEntries(targets.map((t) => [t.id, t])),
    kpis: computeKpis(input, targets),
  };
}

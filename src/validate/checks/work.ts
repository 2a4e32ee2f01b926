// The work a plan asks of the engine is bounded before anything is computed. Compute time grows with the
// entries of the plan (SKUs, channels, promotions …), the months of the horizon and the passes: the plan
// itself, each scenario with overrides, and each sensitivity driver moved down and up. A plan far beyond
// the bound would take minutes and gigabytes; it is refused at its largest list with the numbers.
import type { Check } from '../check-context.ts';
import { PLAN_FILES, type PlanFileKey } from '../../model/plan-files.ts';
import type { PathSegment } from '../../model/data-path.ts';

/**
 * Entries × months × passes per run. The 5,000-SKU, 40-channel, 36-month benchmark plan (15,858 entries,
 * 15 passes) needs about 8.6 million and computes in about 4.5 s of CPU; the example plan needs 0.1 million.
 */
export const WORK_BUDGET = 12_000_000;

export interface WorkEstimate {
  entries: number;
  months: number;
  passes: number;
  scenarios: number;
  drivers: number;
  work: number;
  /** The list with the most entries, where a plan over budget is reported. */
  largest?: { file: PlanFileKey; path: PathSegment[]; entries: number };
}

export function estimateWork(input: Record<string, unknown> & { plan: { horizon: { months: number } }; scenarios?: { scenarios?: Array<{ overrides?: unknown[] }>; sensitivity?: { drivers: unknown[] } } }): WorkEstimate {
  let entries = 0;
  let largest: WorkEstimate['largest'];
  for (const file of PLAN_FILES) {
    const stack: Array<[unknown, PathSegment[]]> = [[input[file], []]];
    while (stack.length) {
      const [value, path] = stack.pop()!;
      if (Array.isArray(value)) {
        const objects = value.filter((v) => v && typeof v === 'object').length;
        entries += objects;
        if (!largest || objects > largest.entries) largest = { file, path, entries: objects };
        value.forEach((v, i) => stack.push([v, [...path, i]]));
      } else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) stack.push([v, [...path, key]]);
      }
    }
  }
  const months = input.plan.horizon.months;
  const scenarios = (input.scenarios?.scenarios ?? []).filter((s) => s.overrides?.length).length;
  const drivers = input.scenarios?.sensitivity?.drivers.length ?? 0;
  const passes = 1 + scenarios + 2 * drivers;
  return { entries, months, passes, scenarios, drivers, work: entries * months * passes, ...(largest ? { largest } : {}) };
}

/** Each scenario with overrides is one more pass over the whole plan, each driver two. */
export const MAX_SCENARIOS = 20;
export const MAX_DRIVERS = 30;

export const checkWork: Check = (ctx) => {
  const w = estimateWork(ctx.input as unknown as Parameters<typeof estimateWork>[0]);
  const n = (x: number) => x.toLocaleString('en');
  const hint = 'Keep the scenarios and drivers that matter for decisions; each is a full computation of the plan.';
  if (w.scenarios > MAX_SCENARIOS) {
    ctx.report('plan-too-large', `${w.scenarios} scenarios have overrides; at most ${MAX_SCENARIOS} are computed in one run.`, 'scenarios', ['scenarios'], { key: true, hint });
    return;
  }
  if (w.drivers > MAX_DRIVERS) {
    ctx.report('plan-too-large', `The sensitivity analysis has ${w.drivers} drivers; at most ${MAX_DRIVERS} are computed in one run (each twice).`, 'scenarios', ['sensitivity', 'drivers'], { key: true, hint });
    return;
  }
  if (w.work <= WORK_BUDGET) return;
  ctx.report(
    'plan-too-large',
    `This plan asks for about ${n(w.work)} steps of computation — ${n(w.entries)} entries × ${w.months} months × ${w.passes} passes (the plan, ${w.scenarios} scenario${w.scenarios === 1 ? '' : 's'} with overrides and ${w.drivers} sensitivity driver${w.drivers === 1 ? '' : 's'} moved down and up) — more than the ${n(WORK_BUDGET)} one run computes.`,
    w.largest?.file ?? 'plan',
    w.largest?.path ?? [],
    { key: true },
  );
};

// Every computed figure must be a finite number within what integer 分 hold exactly. Schema bounds keep
// each input in range, but products of inputs (visitors × CVR × AOV over months and channels) can still
// run past it; then the plan is refused at its largest number, which is almost always the slip.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PlanSources } from '../load/load-plan.ts';
import { diagnosticAt } from '../load/diagnostic-at.ts';
import { formatPath, type PathSegment } from '../model/data-path.ts';
import { PLAN_FILES, type PlanFileKey } from '../model/plan-files.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { PlanResult } from '../model/result/plan-result.ts';

/** The largest amount in yuan that integer 分 hold exactly (2^53 − 1 分); no computed figure may exceed it. */
export const MAX_EXACT = Number.MAX_SAFE_INTEGER / 100;

interface Found {
  path: PathSegment[];
  value: number;
}

/** A value's place in the result: its key and its parent's place (the path is built only for a value found). */
interface Place {
  parent: Place | undefined;
  key: PathSegment;
}

function pathOf(place: Place | undefined): PathSegment[] {
  const path: PathSegment[] = [];
  for (let p = place; p; p = p.parent) path.push(p.key);
  return path.reverse();
}

/**
 * The first number of the result that is not finite or beyond ±MAX_EXACT, depth first. Every command that
 * computes walks the whole result here (hundreds of thousands of values): a copied path per value was most of
 * the walk's time and garbage.
 */
export function firstOutOfRange(result: unknown): Found | undefined {
  const stack: Array<[unknown, Place | undefined]> = [[result, undefined]];
  while (stack.length) {
    const [value, place] = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value) || Math.abs(value) > MAX_EXACT) return { path: pathOf(place), value };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], { parent: place, key: i }]);
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], { parent: place, key: entries[i]![0] }]);
    }
  }
  return undefined;
}

/** The number of largest magnitude written in the plan, with its file and path. */
export function largestInput(input: PlanInput): (Found & { file: PlanFileKey }) | undefined {
  let best: (Found & { file: PlanFileKey }) | undefined;
  for (const file of PLAN_FILES) {
    const stack: Array<[unknown, PathSegment[]]> = [[input[file], []]];
    while (stack.length) {
      const [value, path] = stack.pop()!;
      if (typeof value === 'number') {
        if (!best || Math.abs(value) > Math.abs(best.value)) best = { file, path, value };
      } else if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, [...path, i]]));
      else if (value && typeof value === 'object') for (const [key, v] of Object.entries(value)) stack.push([v, [...path, key]]);
    }
  }
  return best;
}

export function checkResultRange(sources: PlanSources, input: PlanInput, result: PlanResult): Diagnostic[] {
  const found = firstOutOfRange(result);
  if (!found) return [];
  const figure = `Computed figures run beyond what ShopPlan can compute exactly (±${MAX_EXACT.toExponential(2)}): ${formatPath(found.path)} is ${Number.isFinite(found.value) ? found.value.toExponential(2) : String(found.value)}`;
  // A KPI formula is arithmetic the operator wrote: when its figures overflow, the formula is the place.
  const kpi = found.path[0] === 'kpis' ? (input.kpis?.kpis ?? []).findIndex((k) => k.id === found.path[1] && k.formula) : -1;
  if (kpi >= 0) {
    return [diagnosticAt(sources.files.kpis, ['kpis', kpi, 'formula'], 'result-out-of-range', `${figure}, from this formula.`, { hint: 'Check the formula’s constants and what it multiplies; KPI formulas combine other KPIs, e.g. `orders * aov`.' })];
  }
  const largest = largestInput(input);
  return [
    diagnosticAt(largest ? sources.files[largest.file] : sources.files.plan, largest?.path ?? [], 'result-out-of-range', `${figure}${largest ? `; the largest number in the plan is ${formatPath(largest.path)} = ${largest.value}` : ''}.`, {
      hint: 'Check this input for a slip (amounts in yuan, not 分; visitors and units per month; rates as decimals such as 0.035), and any other very large number.',
    }),
  ];
}

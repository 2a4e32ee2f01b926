// Which range judges a number: the plan's own range for the metric (plan.yaml `assumptions.ranges`, its evidence)
// before any shipped row, then the shipped row whose selector matches most specifically (first on a tie).
import type { PlanInput } from '../../model/plan-input.generated.ts';
import type { RangeSource } from '../../model/findings.ts';
import { REFERENCE, SECTORS, type Metric, type ReferenceRange, type Sector, type Selector, type Selling } from './reference.ts';

/** What a number is about, as far as choosing its range goes. */
export interface RangeContext {
  sector: Sector;
  taxpayer: 'general' | 'small-scale';
  platform?: string;
  selling?: Selling;
  affiliates?: boolean;
}


export interface ResolvedRange {
  low: number;
  typical: number | null;
  high: number;
  source: RangeSource;
}

type PlanRange = NonNullable<NonNullable<PlanInput['plan']['assumptions']>['ranges']>[number];

/** The range for a metric in a context, or undefined when nothing applies (no check). */
export function rangeFor(metric: Metric, context: RangeContext, planRanges: readonly PlanRange[] = [], reference: readonly ReferenceRange[] = REFERENCE): ResolvedRange | undefined {
  const own = planRanges.find((r) => r.metric === metric && (r.platform === undefined || r.platform === context.platform));
  if (own) return { low: own.low, typical: own.typical ?? null, high: own.high, source: { kind: 'plan', evidence: own.evidence } };
  let best: ReferenceRange | undefined;
  let bestScore = -1;
  for (const r of reference) {
    if (r.metric !== metric || !matches(r.when, context)) continue;
    const score = Object.keys(r.when).length;
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best && { low: best.low, typical: best.typical, high: best.high, source: { kind: 'reference', ...best.source } };
}

function matches(when: Selector, c: RangeContext): boolean {
  return (
    (when.platform === undefined || (c.platform !== undefined && when.platform.includes(c.platform))) &&
    (when.selling === undefined || when.selling === c.selling) &&
    (when.sector === undefined || when.sector.includes(c.sector)) &&
    (when.affiliates === undefined || when.affiliates === c.affiliates) &&
    (when.taxpayer === undefined || when.taxpayer === c.taxpayer)
  );
}

/** The plan's sector, `general` when it names none. */
export function sectorOf(input: PlanInput): Sector {
  const s = input.plan.company.sector;
  return s && (SECTORS as readonly string[]).includes(s) ? s : 'general';
}

/** A value below or above its range (a hair of rounding allowed), or undefined inside it. */
export function outside(value: number, range: ResolvedRange): 'below' | 'above' | undefined {
  const eps = 1e-9 * Math.max(1, Math.abs(range.high));
  if (value < range.low - eps) return 'below';
  if (value > range.high + eps) return 'above';
  return undefined;
}

// SMART targets decomposed into months and quarters, with milestones (src/engine/targets.ts).
import type { PlanInput } from '../plan-input.generated.ts';
import type { Explanation } from './explanation.ts';

type Target = NonNullable<NonNullable<PlanInput['targets']>['targets']>[number];

export type TargetMetric = Target['metric'];

export type Unit = 'money' | 'count' | 'rate';

export interface MilestoneResult {
  id: string;
  month: string;
  name: Target['name'];
  cumulativeShare?: number;
  /** Share of the total the monthly plan reaches by the milestone month. */
  plannedShare?: number;
  /** False when the monthly plan reaches less than the milestone asks. */
  onTrack?: boolean;
}

export interface TargetResult {
  id: string;
  metric: TargetMetric;
  unit: Unit;
  kind: 'total' | 'level';
  value: number;
  baseline?: number;
  /** value / baseline − 1. */
  growth?: number;
  deadline: string;
  owner: string;
  monthly: Record<string, number>;
  quarterly: Record<string, number>;
  cumulative: Record<string, number>;
  milestones: MilestoneResult[];
  explain: Explanation;
}

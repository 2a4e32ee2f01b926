// Small plans for tests of targets judged by hand: channels with a flat funnel (no returns, fees, products or
// seasonality, so GMV = visitors × CVR × AOV, the same every month) and targets on them.
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from './plan.ts';

export type Channel = NonNullable<NonNullable<PlanInput['channels']>['channels']>[number];
export type Target = NonNullable<NonNullable<PlanInput['targets']>['targets']>[number];

/** A channel selling `visitors × cvr` orders of `aov` a month, half of them to new customers, without fees. */
export const channel = (id: string, platform: Channel['platform'], visitors: number, cvr: number, aov: number): Channel => ({
  id,
  name: id,
  platform,
  model: 'marketplace',
  funnel: { visitors, cvr, aov, returnRate: 0, newCustomerShare: 0.5 },
  fees: { commission: 0, paymentFee: 0 },
  owner: 'ops',
});

/** A target on `metric` due at the end of the plan (2027-12). */
export const target = (id: string, metric: Target['metric'], value: number, extra: Partial<Target> = {}): Target => ({ id, metric, name: id, value, deadline: '2027-12', owner: 'ops', ...extra });

/** The minimal plan with these channels and targets, and any other plan files. */
export function targetPlan(channels: Channel[], targets: Target[], extra: Partial<PlanInput> = {}): PlanInput {
  return { plan: minimalPlan as PlanInput['plan'], channels: { channels }, targets: { targets }, ...extra } as PlanInput;
}

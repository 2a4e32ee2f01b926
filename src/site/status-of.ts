// Which traffic-light status an enum value of the plan reads as, for the status pills of the page kit.
import type { RiskLevel } from '../model/result/risks.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { Status } from './kit.ts';

type PestImpact = NonNullable<NonNullable<NonNullable<PlanInput['strategy']>['pest']>[number]['impact']>;
type ComplianceStatus = NonNullable<NonNullable<PlanInput['risks']>['compliance']>[number]['status'];

/** A risk's level: high and critical ones need acting on now. */
export const RISK_LEVEL_STATUS: Readonly<Record<RiskLevel, Status>> = { low: 'green', medium: 'amber', high: 'red', critical: 'red' };

/** A compliance item's progress: not started is off track, not applicable is a note. */
export const COMPLIANCE_STATUS: Readonly<Record<ComplianceStatus, Status>> = { done: 'green', 'in-progress': 'amber', todo: 'red', 'not-applicable': 'info' };

/** A macro-environment factor's impact on the plan. */
export const PEST_IMPACT_STATUS: Readonly<Record<PestImpact, Status>> = { positive: 'green', negative: 'red', mixed: 'amber' };

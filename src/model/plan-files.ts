// The content files a plan folder may hold (each has its JSON Schema in `schemas/`).
/** Plan files in the order the plan reads: `plan.yaml` first. Key = file stem = key in PlanInput. */
export const PLAN_FILES = [
  'plan',
  'strategy',
  'targets',
  'channels',
  'products',
  'promotions',
  'supply',
  'users',
  'marketing',
  'kpis',
  'systems',
  'org',
  'risks',
  'scenarios',
  'review',
  'data',
] as const;

export type PlanFileKey = (typeof PLAN_FILES)[number];

export const REQUIRED_FILES: readonly PlanFileKey[] = ['plan'];

// The shape of PlanResult: everything the build computes, as pages, PDFs, diffs and `compute --json` see it.
import type { Text } from '../model/plan-input.generated.ts';
import type { TargetResult } from './targets.ts';
import type { KpiResult } from './kpis.ts';

export interface PlanResult {
  meta: {
    planId: string;
    title: Text;
    company: Text;
    currency: string;
    version: string | null;
    locales: string[];
    horizon: { start: string; end: string; months: string[] };
    quarters: string[];
  };
  targets: Record<string, TargetResult>;
  kpis: Record<string, KpiResult>;
}

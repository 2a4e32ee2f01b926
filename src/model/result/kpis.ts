// KPI results: monthly plan, actuals and variance, and the metric tree (src/engine/kpis.ts).
import type { KpisFile } from '../plan-input.generated.ts';
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';

type Kpi = NonNullable<KpisFile['kpis']>[number];

export type KpiStatus = 'green' | 'amber' | 'red';

export interface KpiVariance {
  plan: number;
  actual: number;
  delta: number;
  /** actual ÷ plan (plan ÷ actual when lower is better); 1 + improvement ÷ |plan| when the plan is negative (or a lower-better actual is ≤ 0); null when undefined. */
  attainment: number | null;
  status: KpiStatus | null;
}

export interface KpiResult {
  id: string;
  name: Kpi['name'];
  category: Kpi['category'];
  dimension: Kpi['dimension'];
  unit: Kpi['unit'];
  definition: Kpi['definition'];
  formula: string | null;
  measure: string | null;
  owner: string;
  source: Kpi['source'];
  frequency: Kpi['frequency'];
  direction: Kpi['direction'];
  /** The yearly target: the linked SMART target's value, else the KPI's own `target`. */
  target: number | null;
  targetMonthly: Series | null;
  /** What the plan projects, month by month (null when the KPI has neither measure nor formula). */
  projected: Series | null;
  /** The projection for the whole horizon (flows summed, ratios of totals, levels at the end). */
  projectedTotal: number | null;
  /** Months with a value in actuals/*.csv. */
  actual: Record<string, number> | null;
  variance: Record<string, KpiVariance> | null;
  explain: Explanation;
}

export interface MetricTree {
  /** KPI id → the KPIs its formula uses. */
  children: Record<string, string[]>;
  /** KPIs no other formula uses: the tops of the tree. */
  roots: string[];
}

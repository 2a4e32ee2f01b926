// The KPI dictionary as computed: each KPI with its definition and its yearly target, taken from the
// linked SMART target when there is one.
import type { KpisFile, PlanInput } from '../model/plan-input.generated.ts';
import type { TargetResult } from './targets.ts';

type Kpi = NonNullable<KpisFile['kpis']>[number];

export interface KpiResult {
  id: string;
  name: Kpi['name'];
  category: Kpi['category'];
  dimension: Kpi['dimension'];
  unit: Kpi['unit'];
  formula: string | null;
  owner: string;
  frequency: Kpi['frequency'];
  direction: Kpi['direction'];
  target: number | null;
  /** Monthly targets when the KPI is linked to a SMART target. */
  monthly: Record<string, number> | null;
}

export function computeKpis(input: PlanInput, targets: readonly TargetResult[]): Record<string, KpiResult> {
  const byId = new Map(targets.map((t) => [t.id, t]));
  return Object.fromEntries(
    (input.kpis?.kpis ?? []).map((kpi) => {
      const linked = kpi.targetRef ? byId.get(kpi.targetRef) : undefined;
      return [
        kpi.id,
        {
          id: kpi.id,
          name: kpi.name,
          category: kpi.category,
          dimension: kpi.dimension,
          unit: kpi.unit,
          formula: kpi.formula ?? null,
          owner: kpi.owner,
          frequency: kpi.frequency,
          direction: kpi.direction,
          target: linked?.value ?? kpi.target ?? null,
          monthly: linked?.monthly ?? null,
        },
      ];
    }),
  );
}

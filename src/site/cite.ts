// What a chapter citation stands for: `:kpi[gmv]` is the KPI's target; `:value[path]` any number of the result.
import type { PlanResult } from '../model/result/plan-result.ts';
import type { Citation } from '../load/parse-mdx.ts';
import { valueAt } from '../pipeline/check-plan.ts';

export type CitedUnit = 'money' | 'count' | 'rate' | 'ratio' | 'number';

export interface Cited {
  value: number;
  unit: CitedUnit;
}

const KPI_UNITS: Record<string, CitedUnit> = { yuan: 'money', count: 'count', rate: 'rate', ratio: 'ratio', days: 'number', score: 'number', minutes: 'number' };

export function resolveCitation(result: PlanResult, kind: Citation['kind'], ref: string): Cited | undefined {
  if (kind === 'kpi') {
    const kpi = result.kpis[ref];
    const value = kpi?.target ?? kpi?.projectedTotal;
    return kpi && typeof value === 'number' ? { value, unit: KPI_UNITS[kpi.unit] ?? 'number' } : undefined;
  }
  const value = valueAt(result, ref);
  if (typeof value !== 'number') return undefined;
  return { value, unit: unitOfPath(result, ref) };
}

/** The unit of a result path, from what it points into. */
function unitOfPath(result: PlanResult, path: string): CitedUnit {
  const [section, id, field] = path.split('.');
  if (/share|rate|margin|growth|cvr|ratio|depth|uplift/i.test(field ?? path.split('.').pop() ?? '')) return 'rate';
  if (section === 'targets' && id) return result.targets[id]?.unit ?? 'number';
  if (section === 'kpis' && id) return KPI_UNITS[result.kpis[id]?.unit ?? ''] ?? 'number';
  if (section === 'pnl' || /gmv|revenue|profit|cost|spend|fees|value|cac|ltv/i.test(path)) return 'money';
  return 'number';
}

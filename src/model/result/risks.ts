// Risk results: heat-map levels and trigger firings (src/engine/risks.ts).
import type { RisksFile } from '../plan-input.generated.ts';
import type { Explanation } from './explanation.ts';

type Risk = NonNullable<RisksFile['risks']>[number];
type Compliance = NonNullable<RisksFile['compliance']>[number];

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export interface TriggerFiring {
  /** A month, a quarter (`2027-Q2`) or the year (`all`), by the trigger's window. */
  period: string;
  basis: 'projection' | 'actual';
  value: number;
  threshold: number;
}

export interface RiskResult {
  id: string;
  category: Risk['category'];
  title: Risk['title'];
  owner: string;
  likelihood: number;
  impact: number;
  score: number;
  level: RiskLevel;
  trigger: Risk['trigger'] | null;
  fired: TriggerFiring[];
  explain: Explanation;
}

export interface RisksResult {
  items: Record<string, RiskResult>;
  /** 5 × 5 cells, likelihood 5→1 by impact 1→5, each with its score, level and the risks in it. */
  heatmap: Array<{ likelihood: number; impact: number; score: number; level: RiskLevel; risks: string[] }>;
  compliance: {
    items: Record<string, { id: string; area: Compliance['area']; status: Compliance['status']; owner: string; due: string | null }>;
    byStatus: Record<Compliance['status'], number>;
    byArea: Record<string, Record<Compliance['status'], number>>;
    /** done ÷ (all − not applicable); null when nothing applies. */
    doneShare: number | null;
  };
}

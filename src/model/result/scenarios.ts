// Scenario summaries and the sensitivity (tornado) of operating profit (src/engine/sensitivity.ts).
import type { Text } from '../plan-input.generated.ts';

/** The headline of one full computation, all a scenario table or a tornado needs. */
export interface Headline {
  gmv: number;
  netRevenue: number;
  grossProfit: number;
  operatingProfit: number;
  newCustomers: number;
  marketingSpend: number;
}

export interface ScenarioSummary extends Headline {
  id: string;
  name: Text;
  probability: number | null;
  /** Operating profit minus the unchanged plan's. */
  deltaOperatingProfit: number;
}

export interface SensitivityDriver {
  id: string;
  name: Text;
  path: string;
  baseValue: number;
  /** Operating profit with the driver at (1 − range) and (1 + range) of its value. */
  low: number;
  high: number;
  /** |high − low|, the bar's length; drivers are sorted by it, longest first. */
  swing: number;
}

export interface SensitivityResult {
  range: number;
  baseOperatingProfit: number;
  drivers: SensitivityDriver[];
}

// The two shapes every model's result shares: a monthly series and a warning about a plan entry.

/** month → value, for every month of the horizon. */
export type Series = Record<string, number>;

/** A model's finding that people should look at; `ref` points at the plan entry it is about. */
export interface Warning {
  kind: 'promotion-below-break-even' | 'promotion-overlap' | 'stock-out' | 'overstock' | 'slow-seller' | 'risk-triggered' | 'target-gap' | 'milestone-off-track' | 'margin-negative' | 'ltv-below-cac' | 'kpi-division-by-zero' | 'kpi-overflow';
  message: string;
  ref: { section: string; id: string };
  month?: string;
  /** The plan file (key) and data path the finding is about, so it can be reported at its YAML line. */
  source?: { file: string; path: Array<string | number> };
}

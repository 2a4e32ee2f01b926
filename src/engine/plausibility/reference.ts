// The reference table ShopPlan ships: published (or, marked `estimate`, inferred) ranges for the assumptions of
// a Chinese e-commerce plan, from /work/shared/reference/cn-ecommerce-ranges.md (ids S1…S24 are its sources).
// Data only: the plausibility checks (check.ts) pick the most specific row for each number of a plan, and a plan
// may replace a row with its own evidence (plan.yaml `assumptions.ranges`). docs/plausibility.md lists the rows.
import type { Unit } from '../../model/facts.ts';
import type { PlausibilityMetric, RangeSource } from '../../model/findings.ts';

/** What a range is about; each has a catalog label (`plausibility.metric.<id>`). */
export const METRICS = [
  'cvr',
  'return-rate',
  'traffic-growth',
  'commission',
  'fee-share',
  'aov',
  'shipping-per-order',
  'warehousing-per-order',
  'repurchase-rate',
  'roas',
  'cac',
  'push-cvr',
  'marketing-share',
  'june-peak',
  'october-ramp',
  'november-peak',
  'inventory-days',
  'social-insurance',
  'vat-rate',
  'income-tax-rate',
] as const satisfies readonly PlausibilityMetric[];
export type Metric = PlausibilityMetric;

/** How each metric reads. */
export const METRIC_UNIT: Record<Metric, Unit> = {
  cvr: 'rate',
  'return-rate': 'rate',
  'traffic-growth': 'rate',
  commission: 'rate',
  'fee-share': 'rate',
  aov: 'money',
  'shipping-per-order': 'money',
  'warehousing-per-order': 'money',
  'repurchase-rate': 'rate',
  roas: 'ratio',
  cac: 'money',
  'push-cvr': 'rate',
  'marketing-share': 'rate',
  'june-peak': 'ratio',
  'october-ramp': 'ratio',
  'november-peak': 'ratio',
  'inventory-days': 'days',
  'social-insurance': 'rate',
  'vat-rate': 'rate',
  'income-tax-rate': 'rate',
};

/** The plan's sector (plan.yaml `company.sector`): which category rows apply. */
export const SECTORS = ['general', 'tea', 'food', 'cosmetics', 'apparel', 'outdoor', 'electronics', 'home'] as const;
export type Sector = (typeof SECTORS)[number];

/** Shelf (search and recommendation) or livestream/content selling: returns and conversion differ by 2–3×. */
export type Selling = 'shelf' | 'livestream';

/** Where a row comes from: a source of the reference notes with its year (`S6`, 2025), or `INF`: an estimate. */
export type ReferenceSource = Omit<Extract<RangeSource, { kind: 'reference' }>, 'kind'>;

/** Which numbers a row applies to; a row with no selector applies to every plan. */
export interface Selector {
  platform?: readonly string[];
  selling?: Selling;
  sector?: readonly Sector[];
  /** Only channels that pay affiliates (fees.affiliate > 0), or only those that do not. */
  affiliates?: boolean;
  /** Only plans of this VAT status (plan.yaml `company.taxpayer`). */
  taxpayer?: 'general' | 'small-scale';
}

export interface ReferenceRange {
  metric: Metric;
  when: Selector;
  low: number;
  /** The usual value; null when the source gives only bounds. */
  typical: number | null;
  high: number;
  source: ReferenceSource;
}

const S = (id: string, year: number): ReferenceSource => ({ id, year, confidence: 'sourced' });
/** Sourced in part (an anecdote or a single case) and completed by estimate. */
const SE = (id: string, year: number): ReferenceSource => ({ id, year, confidence: 'estimate' });
const INF: ReferenceSource = { id: 'INF', year: null, confidence: 'estimate' };

const LIVESTREAM_PLATFORMS = ['douyin', 'kuaishou'] as const;
const GIFTABLE: readonly Sector[] = ['tea', 'food', 'cosmetics', 'apparel', 'general'];

const row = (metric: Metric, when: Selector, [low, typical, high]: readonly [number, number | null, number], source: ReferenceSource): ReferenceRange => ({ metric, when, low, typical, high, source });

export const REFERENCE: readonly ReferenceRange[] = [
  // §2 Conversion (buyers ÷ visitors) by platform.
  row('cvr', { platform: LIVESTREAM_PLATFORMS, sector: GIFTABLE }, [0.03, 0.04, 0.08], S('S6', 2025)),
  row('cvr', { platform: LIVESTREAM_PLATFORMS, sector: ['electronics', 'home', 'outdoor'] }, [0.015, 0.02, 0.03], S('S6', 2025)),
  row('cvr', { platform: ['tmall', 'taobao'] }, [0.015, 0.03, 0.06], INF),
  row('cvr', { platform: ['jd'] }, [0.02, 0.04, 0.08], INF),
  row('cvr', { platform: ['mini-program', 'own-site'] }, [0.005, 0.015, 0.03], SE('S24', 2022)),
  row('push-cvr', {}, [0.03, 0.08, 0.15], INF),
  // §2 Order value by category.
  row('aov', { sector: ['tea'] }, [80, 200, 600], INF),
  row('aov', { sector: ['cosmetics'] }, [100, 200, 500], INF),
  row('aov', { sector: ['outdoor'] }, [150, 400, 1200], INF),
  // §3 Returns and refunds, share of GMV.
  row('return-rate', { selling: 'livestream' }, [0.3, 0.4, 0.5], S('S7', 2023)),
  row('return-rate', { selling: 'livestream', sector: ['tea', 'food'] }, [0.1, 0.15, 0.2], S('S10', 2025)),
  row('return-rate', { selling: 'livestream', sector: ['apparel'] }, [0.3, 0.5, 0.8], S('S8', 2024)),
  row('return-rate', { selling: 'livestream', sector: ['cosmetics'] }, [0.15, 0.25, 0.4], INF),
  row('return-rate', { selling: 'livestream', sector: ['outdoor'] }, [0.15, 0.25, 0.5], INF),
  row('return-rate', { selling: 'shelf' }, [0.1, 0.12, 0.15], S('S7', 2023)),
  row('return-rate', { selling: 'shelf', sector: ['tea'] }, [0.02, 0.05, 0.1], INF),
  row('return-rate', { selling: 'shelf', sector: ['cosmetics'] }, [0.05, 0.1, 0.15], INF),
  row('return-rate', { selling: 'shelf', sector: ['outdoor'] }, [0.15, 0.25, 0.5], INF),
  // Month-on-month visitor growth on top of seasonality: +53 % a year (a fast plan) is about +3.6 % a month.
  row('traffic-growth', {}, [-0.03, 0.01, 0.05], INF),
  // §1 Platform fees: commission, and the all-in take (commission, points, affiliates, payment) of GMV.
  row('commission', { platform: ['tmall'] }, [0.02, 0.04, 0.05], S('S2', 2020)),
  row('commission', { platform: ['jd'] }, [0.02, 0.05, 0.08], INF),
  row('commission', { platform: ['douyin'] }, [0.01, 0.05, 0.05], INF),
  row('fee-share', { platform: ['tmall'] }, [0.05, 0.065, 0.08], INF),
  row('fee-share', { platform: ['jd'] }, [0.026, 0.056, 0.09], SE('S3', 2023)),
  row('fee-share', { platform: ['douyin'], affiliates: true }, [0.15, 0.2, 0.35], SE('S4', 2020)),
  row('fee-share', { platform: ['douyin'], affiliates: false }, [0.016, 0.056, 0.08], INF),
  row('fee-share', { platform: ['mini-program'] }, [0.002, 0.006, 0.03], S('S5', 2020)),
  // §4 Festivals: a month's GMV against the average month of the year.
  row('june-peak', {}, [1.3, 1.7, 2.2], INF),
  row('november-peak', {}, [1.8, 2.5, 3.5], INF),
  // Festival windows run 3–4 weeks (双11 began 14 October in 2024): October rises before a November peak.
  row('october-ramp', {}, [1.1, 1.3, 2], SE('S11b', 2024)),
  // §5 Marketing.
  row('marketing-share', {}, [0.15, 0.3, 0.5], SE('S12', 2024)),
  row('roas', { platform: ['douyin', 'kuaishou'] }, [1.5, 3, 5], SE('S15', 2025)),
  row('roas', { platform: ['tmall', 'taobao'] }, [2, 3.5, 6], INF),
  row('roas', {}, [1.5, 3, 6], INF),
  row('cac', { sector: ['cosmetics'] }, [60, 100, 250], SE('S17', 2025)),
  row('cac', { sector: ['tea', 'outdoor'] }, [40, 80, 200], INF),
  row('cac', {}, [40, 90, 250], INF),
  // §6 12-month repurchase rate by category.
  row('repurchase-rate', {}, [0.08, 0.25, 0.5], INF),
  row('repurchase-rate', { sector: ['cosmetics'] }, [0.2, 0.3, 0.4], INF),
  row('repurchase-rate', { sector: ['tea'] }, [0.25, 0.35, 0.5], INF),
  row('repurchase-rate', { sector: ['outdoor'] }, [0.08, 0.15, 0.25], INF),
  // §7 Logistics and inventory.
  row('shipping-per-order', {}, [2.5, 3.5, 18], SE('S18', 2024)),
  row('warehousing-per-order', {}, [1.5, 3, 5], INF),
  row('inventory-days', {}, [45, 90, 180], INF),
  row('inventory-days', { sector: ['cosmetics'] }, [60, 80, 120], S('S19a', 2025)),
  row('inventory-days', { sector: ['apparel', 'outdoor'] }, [110, 135, 180], S('S19b', 2025)),
  // §8–9 Payroll and tax.
  row('social-insurance', {}, [0.25, 0.35, 0.4], S('S21b', 2025)),
  row('vat-rate', { taxpayer: 'general' }, [0.06, 0.13, 0.13], S('S22a', 2025)),
  row('vat-rate', { taxpayer: 'small-scale' }, [0.01, 0.01, 0.03], S('S22b', 2025)),
  row('income-tax-rate', {}, [0.05, 0.25, 0.25], S('S22c', 2025)),
];

// The shape of PlanResult: everything the build computes, as pages, PDFs, diffs and `compute --json` see it.
// Conventions: money in yuan rounded to the fen (computed in integer fen where parts must add up);
// a Series is one number per month of the horizon, keyed `YYYY-MM`, always with every month present;
// rates are decimals. Nothing here is ever NaN or Infinity: an undefined ratio (0 / 0) is null.
import type { Text } from '../plan-input.generated.ts';
import type { Series } from './series.ts';
import type { Finding } from '../findings.ts';
import type { TargetResult } from './targets.ts';
import type { KpiResult, MetricTree } from './kpis.ts';
import type { ChannelResult, FunnelTotals } from './funnel.ts';
import type { ProductsResult } from './products.ts';
import type { PromotionResult } from './promotions.ts';
import type { SupplyResult } from './supply.ts';
import type { UsersResult } from './users.ts';
import type { MarketingResult } from './marketing.ts';
import type { OrgResult } from './org.ts';
import type { PnlResult } from './pnl.ts';
import type { BreakEvenResult } from './break-even.ts';
import type { OrderingResult } from './ordering.ts';
import type { RisksResult } from './risks.ts';
import type { ScenarioSummary, SensitivityResult } from './scenarios.ts';
import type { TargetGap } from './target-gap.ts';
import type { TargetVerdict } from './target-verdicts.ts';
import type { CalendarResult } from './calendar.ts';
import type { SystemsResult } from './systems.ts';
import type { BaselineResult } from './baseline.ts';
import type { VerdictSummary } from './verdict-summary.ts';

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
    /** The scenario this result was computed for (`base` when none was applied). */
    scenario: string;
  };
  calendar: CalendarResult;
  targets: Record<string, TargetResult>;
  /** Every target judged: projection, gap, attainment and status by month, quarter, year and overall; what it would take. */
  verdicts: Record<string, TargetVerdict>;
  /** What the board reads first: targets to date, GMV and profit by quarter against target and last year, bridges, ranked risks. */
  summary: VerdictSummary;
  /** Bottom-up projection (funnel) vs top-down target, per target metric that the funnel projects. */
  gaps: Record<string, TargetGap>;
  channels: Record<string, ChannelResult>;
  funnel: FunnelTotals;
  products: ProductsResult;
  promotions: Record<string, PromotionResult>;
  supply: SupplyResult;
  users: UsersResult;
  marketing: MarketingResult;
  org: OrgResult;
  systems: SystemsResult;
  pnl: PnlResult;
  /** Break-even units and sales, break-even ROAS per sales channel, volume needed per price change per SKU (break-even.ts). */
  breakEven: BreakEvenResult;
  /** Per SKU from its EOQ: orders a year, ordering and cycle-stock holding cost a year, days between orders (ordering.ts). */
  ordering: OrderingResult;
  /** Cash that the P&L does not show: stock on hand, and promotion cash by the month it is paid (预售 deposits). */
  cash: { inventoryCapital: Series; promotionCash: Series };
  kpis: Record<string, KpiResult>;
  metricTree: MetricTree;
  risks: RisksResult;
  /** Last year's baseline from the order files of data.yaml (aggregates only, never a customer); null without data.yaml. */
  baseline: BaselineResult | null;
  scenarios: Record<string, ScenarioSummary>;
  sensitivity: SensitivityResult | null;
  /** What the checks found that people should look at: typed facts, worded by the catalog (src/i18n). */
  findings: Finding[];
}


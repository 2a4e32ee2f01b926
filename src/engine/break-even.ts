// Break-evens, from results the engine already has (no plan input read here):
// - The plan: fixed costs = Σ FIXED_COST_LINES (marketing budget, payroll, incentives, training, systems,
//   warehouse fixed cost); contribution = operating profit + fixed costs, i.e. net revenue less every cost
//   that grows with sales (COGS, platform and payment fees, fulfilment, promotions, holding cost, points).
//   Break-even units = fixed ÷ (contribution ÷ units); break-even GMV = fixed ÷ (contribution ÷ GMV), the
//   same mix and prices scaled; margin of safety = (GMV − break-even GMV) ÷ GMV.
// - A sales channel: contribution rate = (net revenue − COGS − platform and payment fees − fulfilment) ÷
//   GMV (returns and VAT are already out of net revenue); break-even ROAS = 1 ÷ that rate. A marketing
//   channel's break-even ROAS is that of the sales channels it drives together (Σ GMV ÷ Σ contribution).
// - A SKU with margin rate m: a price change Δp leaves margin (m + Δp) ÷ (1 + Δp) and needs a volume change
//   of −Δp ÷ (m + Δp) to keep its gross profit (for a discount d: d ÷ (m − d) more units).
import { FIXED_COST_LINES, PRICE_CHANGES, type BreakEven, type BreakEvenResult, type ChannelBreakEven, type PriceChange } from '../model/result/break-even.ts';
import type { PnlLine } from '../model/result/pnl.ts';
import { explainAs } from './explain.ts';
import { fen, ratio } from './series.ts';

/** A sales channel's totals over the horizon, as the funnel gives them. */
export type ChannelTotals = Record<'gmv' | 'netRevenue' | 'cogs' | 'platformFees' | 'paymentFees' | 'fulfilment', number>;

export interface BreakEvenSources {
  pnl: PnlLine;
  units: number;
  channels: Record<string, ChannelTotals>;
  skus: Record<string, { marginRate: number | null }>;
  /** Marketing channel id → the sales channels it drives. */
  marketingDrives: Record<string, readonly string[]>;
}

export function computeBreakEven(s: BreakEvenSources): BreakEvenResult {
  const plan = planBreakEven(s.pnl, s.units);
  return {
    plan,
    channels: Object.fromEntries(Object.entries(s.channels).map(([id, t]) => [id, channelBreakEven(t)])),
    marketing: Object.fromEntries(Object.entries(s.marketingDrives).map(([id, drives]) => [id, channelBreakEven(sumTotals(drives.flatMap((c) => s.channels[c] ?? [])))])),
    skus: Object.fromEntries(Object.entries(s.skus).map(([id, k]) => [id, { margin: k.marginRate, priceChanges: PRICE_CHANGES.map((dp) => priceChange(k.marginRate, dp)) }])),
    explain: {
      units: explainAs('breakEven.units', [
        { label: 'fixedCosts', value: plan.fixedCosts, unit: 'money' },
        { label: 'contribution', value: plan.contribution, unit: 'money' },
        { label: 'unitsSold', value: plan.units, unit: 'count' },
      ]),
      sales: explainAs('breakEven.sales', [
        { label: 'fixedCosts', value: plan.fixedCosts, unit: 'money' },
        { label: 'contribution', value: plan.contribution, unit: 'money' },
        { label: 'gmv', value: s.pnl.gmv, unit: 'money' },
      ]),
      roas: explainAs('breakEven.roas'),
      priceChange: explainAs('breakEven.priceChange'),
    },
  };
}

export function planBreakEven(pnl: PnlLine, units: number): BreakEven {
  const fixedCosts = fen(FIXED_COST_LINES.reduce((sum, k) => sum + pnl[k], 0));
  const contribution = fen(pnl.operatingProfit + fixedCosts);
  const unitContribution = ratio(contribution, units);
  const scale = contribution > 0 ? fixedCosts / contribution : null;
  const breakEvenGmv = scale === null ? null : fen(scale * pnl.gmv);
  return {
    fixedCosts,
    contribution,
    units,
    unitContribution,
    breakEvenUnits: unitContribution !== null && unitContribution > 0 ? fixedCosts / unitContribution : null,
    breakEvenGmv,
    breakEvenNetRevenue: scale === null ? null : fen(scale * pnl.netRevenue),
    marginOfSafety: breakEvenGmv === null ? null : ratio(pnl.gmv - breakEvenGmv, pnl.gmv),
  };
}

export function channelBreakEven(t: ChannelTotals): ChannelBreakEven {
  const contributionRate = ratio(t.netRevenue - t.cogs - t.platformFees - t.paymentFees - t.fulfilment, t.gmv);
  return { contributionRate, breakEvenRoas: contributionRate !== null && contributionRate > 0 ? 1 / contributionRate : null };
}

const TOTAL_KEYS = ['gmv', 'netRevenue', 'cogs', 'platformFees', 'paymentFees', 'fulfilment'] as const;

function sumTotals(list: readonly ChannelTotals[]): ChannelTotals {
  return Object.fromEntries(TOTAL_KEYS.map((k) => [k, list.reduce((sum, t) => sum + t[k], 0)])) as ChannelTotals;
}

export function priceChange(margin: number | null, dp: number): PriceChange {
  if (margin === null || !Number.isFinite(margin) || dp <= -1) return { priceChange: dp, marginAfter: null, volumeChange: null };
  return { priceChange: dp, marginAfter: (margin + dp) / (1 + dp), volumeChange: margin + dp > 0 ? -dp / (margin + dp) : null };
}

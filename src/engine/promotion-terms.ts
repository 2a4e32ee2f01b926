// A promotion's terms as the models use them: which channels and SKUs, which days of which month (spot or
// presale), the uplift, and the depth of its mechanics at a given order value. Shared by the sales model
// (which applies them to units and prices) and the promotion report (which explains them).
//
//   price depth = Σ direct-discount rate + Σ threshold off ÷ max(threshold, AOV) + Σ coupon value × redemption ÷ AOV
//                 + presale share × Σ deposit bonus ÷ AOV − Σ platform-subsidy rate, kept within 0…1
//                 (the share of the price the merchant gives away; what the platform subsidises is paid to the merchant)
//   gift share  = Σ gift cost per order ÷ (AOV ÷ (1 + VAT)) — gift costs are excl. VAT, so they are compared with
//                 the order value excl. VAT, on the same footing as the margin
//   depth d     = price depth + gift share
import type { PromotionsFile } from '../model/plan-input.generated.ts';
import { dateOf, daysByMonth, daysInRange } from './calendar.ts';
import { finiteRatio } from './pricing.ts';

export type Promotion = NonNullable<PromotionsFile['promotions']>[number];

/** A promotion mechanic with every variant's fields optional (the generated union is hard to narrow). */
export interface Mechanic {
  type: string;
  rate?: number;
  threshold?: number;
  off?: number;
  value?: number;
  minSpend?: number;
  redemptionRate?: number;
  budget?: number;
  costPerOrder?: number;
  deposit?: number;
  depositStart?: string;
  balanceStart?: string;
  depositBonus?: number;
}

/** The days of one month a promotion covers: all of them, and those that are presale days (GMV at the balance). */
export interface PromotionMonth {
  /** Index of the month in the horizon. */
  month: number;
  /** Days of the month in the window, first and last (1-based, inclusive). */
  first: number;
  last: number;
  days: number;
  /** Of those, presale days (deposit start … the day before balance start). */
  presaleDays: number;
}

export interface PromotionTerms {
  id: string;
  index: number;
  /** Expected uplift, ≥ 0. */
  uplift: number;
  /** Listed SKU ids; null = every SKU. */
  skus: ReadonlySet<string> | null;
  /** Horizon months the window touches, with the days covered. */
  months: PromotionMonth[];
  /** Presale: month index of the balance (where presale GMV lands), −1 outside the horizon; null without presale. */
  balanceMonth: number | null;
  isPresale: (date: string) => boolean;
  /** Deposit share of a presale order's price (cash on the order day). */
  deposit: number;
  giftPerOrder: number;
  mechanics: Mechanic[];
  /** Price depth and depth d at an order value and a presale share of the window's baseline. */
  depthAt: (aov: number, presaleShare: number) => { priceDepth: number; depth: number };
}

export function promotionTerms(p: Promotion, index: number, months: readonly string[], vat: number): PromotionTerms {
  const mechanics = p.mechanics as unknown as Mechanic[];
  const of = (type: string) => mechanics.filter((m) => m.type === type);
  const sum = (type: string, field: keyof Mechanic) => of(type).reduce((s, m) => s + num(m[field]), 0);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const presale = of('presale')[0];
  const isPresale = (date: string) => !!presale?.depositStart && !!presale.balanceStart && date >= presale.depositStart && date < presale.balanceStart;
  const covered: PromotionMonth[] = [];
  for (const part of daysByMonth(p.start, p.end)) {
    const k = monthIndex.get(part.month);
    if (k === undefined || part.days <= 0) continue;
    let presaleDays = 0;
    if (presale) for (let d = part.first; d <= part.last; d++) if (isPresale(dateOf(part.month, d))) presaleDays++;
    covered.push({ month: k, first: part.first, last: part.last, days: part.days, presaleDays });
  }
  const giftPerOrder = sum('gift', 'costPerOrder');
  const depthAt = (aov: number, presaleShare: number) => {
    const cut =
      sum('direct-discount', 'rate') +
      of('threshold').reduce((s, m) => s + (finiteRatio(num(m.off), Math.max(num(m.threshold), aov)) ?? 0), 0) +
      of('coupon').reduce((s, m) => s + (finiteRatio(num(m.value) * num(m.redemptionRate), aov) ?? 0), 0) +
      presaleShare * (finiteRatio(num(presale?.depositBonus), aov) ?? 0);
    const priceDepth = clamp01(cut - sum('platform-subsidy', 'rate'));
    const giftShare = finiteRatio(giftPerOrder * (1 + vat), aov) ?? 0;
    return { priceDepth, depth: priceDepth + giftShare };
  };
  return {
    id: p.id,
    index,
    uplift: Math.max(0, Number.isFinite(p.expectedUplift) ? p.expectedUplift : 0),
    skus: p.skus ? new Set(p.skus) : null,
    months: covered,
    balanceMonth: presale?.balanceStart ? (monthIndex.get(presale.balanceStart.slice(0, 7)) ?? -1) : null,
    isPresale,
    deposit: clamp01(presale?.deposit ?? 0),
    giftPerOrder,
    mechanics,
    depthAt,
  };
}

/** Days from start to end, both included (0 when the end is before the start). */
export function windowDays(p: { start: string; end: string }): number {
  return daysInRange(p.start, p.end);
}

export function num(x: unknown): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : 0;
}

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

// What the engine makes of the order baseline (pure: no I/O). The baseline's monthly shape becomes a
// seasonality profile of the plan; RFM segment counts get the names and actions users.yaml attaches;
// baselines written in targets.yaml are set against the same figure from the orders.
import type { PlanInput, Text } from '../model/plan-input.generated.ts';
import { horizonMonths } from '../model/calendar.ts';
import type { OrderBaseline } from '../model/order-baseline.ts';
import type { BaselineResult } from '../model/result/baseline.ts';

/** Share of each plan month: the baseline's share of its month of year, rescaled over the horizon. */
export function profileShares(baseline: OrderBaseline, months: readonly string[]): Record<string, number> | null {
  if (!baseline.seasonality) return null;
  const w = baseline.seasonality.weights;
  const of = (m: string) => w[Number(m.slice(5, 7)) - 1] ?? 0;
  const sum = months.reduce((s, m) => s + of(m), 0);
  if (sum <= 0) return null;
  return Object.fromEntries(months.map((m) => [m, of(m) / sum]));
}

function profileName(input: PlanInput, baseline: OrderBaseline): Text {
  return input.data?.seasonality?.name ?? { 'zh-CN': `${baseline.year} 年订单季节性`, en: `${baseline.year} order seasonality` };
}

/** The plan with the order profile added to targets.yaml's profiles, so targets, channels and budgets can use it. */
export function withOrderProfile(input: PlanInput, baseline: OrderBaseline | undefined): PlanInput {
  if (!baseline?.seasonality || !input.data) return input;
  const months = horizonMonths(input.plan.horizon.start, input.plan.horizon.months);
  const shares = profileShares(baseline, months);
  if (!shares) return input;
  const id = baseline.seasonality.id;
  if ((input.targets?.seasonality ?? []).some((p) => p.id === id)) return input;
  const metric = baseline.seasonality.metric === 'gmv' ? { zh: 'GMV', en: 'GMV' } : { zh: '订单数', en: 'orders' };
  const profile = {
    id,
    name: profileName(input, baseline),
    basis: {
      'zh-CN': `${baseline.year} 年订单文件（data.yaml）中各月${metric.zh}占全年的份额。`,
      en: `Each month's share of ${baseline.year}'s ${metric.en} in the order files (data.yaml).`,
    },
    shares,
  };
  return { ...input, targets: { ...input.targets, seasonality: [...(input.targets?.seasonality ?? []), profile] } };
}

const FROM_ORDERS: Partial<Record<string, (b: OrderBaseline) => number | null>> = {
  gmv: (b) => b.totals.gmv,
  orders: (b) => b.totals.orders,
  aov: (b) => b.totals.aov,
  'repurchase-rate': (b) => b.totals.repurchaseRate,
  'new-customers': (b) => b.totals.newCustomers ?? null,
};

export function baselineResult(input: PlanInput, baseline: OrderBaseline | undefined): BaselineResult | null {
  if (!baseline) return null;
  const months = horizonMonths(input.plan.horizon.start, input.plan.horizon.months);
  const shares = profileShares(baseline, months);
  const segments = new Map((input.users?.rfm?.segments ?? []).map((s) => [s.id, s]));
  const targets: BaselineResult['targets'] = [];
  for (const t of input.targets?.targets ?? []) {
    const derive = FROM_ORDERS[t.metric];
    if (!derive || !t.baseline || t.baseline.period.trim() !== String(baseline.year)) continue;
    const fromOrders = derive(baseline);
    if (fromOrders === null) continue;
    targets.push({ target: t.id, metric: t.metric, written: t.baseline.value, fromOrders, difference: t.baseline.value > 0 ? fromOrders / t.baseline.value - 1 : null });
  }
  return {
    ...baseline,
    profile: shares && baseline.seasonality ? { id: baseline.seasonality.id, name: profileName(input, baseline), shares } : null,
    rfm: baseline.rfm
      ? {
          ...baseline.rfm,
          segments: baseline.rfm.segments.map((s) => {
            const def = s.id ? segments.get(s.id) : undefined;
            return { ...s, name: def?.name ?? null, action: def?.action ?? null, tier: def?.tier ?? null, channel: def?.channel ?? null };
          }),
        }
      : null,
    targets,
  };
}

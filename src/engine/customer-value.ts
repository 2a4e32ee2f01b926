// Customer lifetime value from the retention curve (users.yaml lifecycle.retention):
//   expected orders in month k after the first purchase = r(k) × orders per active month × (1 + d)^(−k/12),
//   k = 0 … lifespan − 1, r(0) = 1 (the first order), r from retentionAt (linear between points, last held);
//   CLV = margin per order × Σ_k expected orders;  LTV/CAC = CLV ÷ CAC;
//   payback = the first month k whose cumulative (discounted) margin covers CAC (0 = the first order does),
//   null when the lifespan never does.
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { CustomerLifetime, CustomerValue } from '../model/result/users.ts';
import { retentionCurve } from './retention.ts';
import { fen, ratio } from './series.ts';

export const LIFETIME_DEFAULTS = { discountRate: 0.1, lifespanMonths: 36, ordersPerActiveMonth: 1 } as const;

/** Expected (discounted) orders of one new customer, month by month after the first purchase. */
export function customerLifetime(input: PlanInput): CustomerLifetime {
  const retention = input.users?.lifecycle?.retention;
  const discountRate = finiteOr(retention?.discountRate, LIFETIME_DEFAULTS.discountRate);
  const lifespanMonths = Math.max(1, Math.floor(finiteOr(retention?.lifespanMonths, LIFETIME_DEFAULTS.lifespanMonths)));
  const ordersPerActiveMonth = finiteOr(retention?.ordersPerActiveMonth, LIFETIME_DEFAULTS.ordersPerActiveMonth);
  const r = retentionCurve(retention?.curve);
  const expectedOrders = Array.from({ length: lifespanMonths }, (_, k) => r(k) * ordersPerActiveMonth * (1 + discountRate) ** (-k / 12));
  return { discountRate, lifespanMonths, ordersPerActiveMonth, expectedOrders, ordersPerCustomer: expectedOrders.reduce((a, b) => a + b, 0) };
}

/** CLV, LTV/CAC and payback of customers whose orders earn `marginPerOrder` each; null parts where a factor is unknown. */
export function customerValue(lifetime: CustomerLifetime, marginPerOrder: number | null, cac: number | null): CustomerValue {
  if (marginPerOrder === null || !Number.isFinite(marginPerOrder)) return { ltv: null, ltvCac: null, paybackMonths: null };
  const ltv = fen(marginPerOrder * lifetime.ordersPerCustomer);
  if (cac === null) return { ltv, ltvCac: null, paybackMonths: null };
  let earned = 0;
  let paybackMonths: number | null = null;
  for (let k = 0; k < lifetime.expectedOrders.length && paybackMonths === null; k++) {
    earned += marginPerOrder * lifetime.expectedOrders[k]!;
    if (earned >= cac) paybackMonths = k;
  }
  return { ltv, ltvCac: ratio(ltv, cac), paybackMonths };
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

// The engine's models chained as compute() chains them, for tests of one model on a hand-written plan.
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { computeFunnel, computeTraffic, type FunnelResult } from '../../src/engine/funnel.ts';
import { computeSales, type SalesNumbers } from '../../src/engine/sales.ts';
import { computeProducts, salesCogsRatio } from '../../src/engine/products.ts';
import type { ProductsResult } from '../../src/model/result/products.ts';

export interface Modelled {
  sales: SalesNumbers;
  funnel: FunnelResult;
  products: ProductsResult;
}

/** Traffic → sales → funnel → products for a plan, over `months`. */
export function modelled(input: PlanInput, months: readonly string[]): Modelled {
  const traffic = computeTraffic(input, months);
  const sales = computeSales(input, months, traffic);
  const funnel = computeFunnel(input, months, traffic, sales, salesCogsRatio(sales));
  return { sales, funnel, products: computeProducts(input, months, sales, funnel.channels) };
}

export function funnelOf(input: PlanInput, months: readonly string[]): FunnelResult {
  return modelled(input, months).funnel;
}

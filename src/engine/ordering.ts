// The ordering cycle of each SKU from the lot it is ordered in (safety-stock.ts orderingCycle): orders a year,
// ordering cost, cycle-stock holding cost and days between orders. The lot is what the stock projection orders
// (supply.ts `lotSize` = max(EOQ, supplier MOQ)), so an MOQ above the EOQ means fewer, larger orders; annual demand = daily demand × 365.25, H = unit cost ×
// holding cost rate, S = the policy's order cost (supply.yaml inventory). Totals sum the SKUs.
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { SupplyResult } from '../model/result/supply.ts';
import type { OrderingResult } from '../model/result/ordering.ts';
import { explainAs } from './explain.ts';
import { orderingCycle } from './safety-stock.ts';
import { fen } from './series.ts';

export function computeOrdering(input: PlanInput, supply: Pick<SupplyResult, 'skus'>): OrderingResult {
  const policy = input.supply?.inventory;
  const orderCost = policy?.orderCost ?? 0;
  const holdingRate = policy?.holdingCostRate ?? 0;
  const costs = new Map((input.products?.skus ?? []).map((k) => [k.id, k.cost]));
  const skus = Object.fromEntries(
    Object.entries(supply.skus).map(([id, s]) => [
      id,
      orderingCycle({ annualDemand: s.dailyDemand * 365.25, orderCost, holdingCostPerUnitYear: Math.max(0, costs.get(id) ?? 0) * holdingRate, orderQuantity: s.lotSize }),
    ]),
  );
  const list = Object.values(skus);
  const source = (path: string) => (policy ? { source: { file: 'supply.yaml', path: `inventory.${path}` } } : {});
  return {
    skus,
    orderingCostPerYear: fen(list.reduce((sum, c) => sum + (c.orderingCostPerYear ?? 0), 0)),
    holdingCostPerYear: fen(list.reduce((sum, c) => sum + c.holdingCostPerYear, 0)),
    explain: explainAs('supply.orderingCycle', [
      { label: 'orderCost', value: orderCost, unit: 'money', ...source('orderCost') },
      { label: 'holdingCostRate', value: holdingRate, unit: 'rate', ...source('holdingCostRate') },
    ]),
  };
}

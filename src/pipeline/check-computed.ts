// Checks that need the engine's numbers, run after compute on the plan as written: figures beyond what
// integer 分 hold (result-range.ts), promotions that lose money on every sale, and list prices that disagree with the SKU's pricing method. The depth, margin and
// price are the computed ones, so the diagnostics and the break-even figures on the site never disagree.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { PlanSources } from '../load/load-plan.ts';
import { diagnosticAt } from '../load/diagnostic-at.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { PlanResult } from '../model/result/plan-result.ts';
import { checkResultRange } from './result-range.ts';

/** A list price may differ from the pricing method's price by this share before it is flagged. */
const PRICE_TOLERANCE = 0.01;

export function checkComputed(sources: PlanSources, input: PlanInput, result: PlanResult): Diagnostic[] {
  return [...checkResultRange(sources, input, result), ...checkListPrices(sources, input, result), ...checkPromotionMargins(sources, input, result)];
}

function checkListPrices(sources: PlanSources, input: PlanInput, result: PlanResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  (input.products?.skus ?? []).forEach((sku, i) => {
    const price = result.products.skus[sku.id]?.price;
    if (sku.listPrice === undefined || price === undefined) return;
    const off = price > 0 ? Math.abs(sku.listPrice - price) / price : sku.listPrice > 0 ? Infinity : 0;
    if (off <= PRICE_TOLERANCE) return;
    out.push(
      diagnosticAt(
        sources.files.products,
        ['skus', i, 'listPrice'],
        'price-mismatch',
        `SKU "${sku.id}" lists ¥${sku.listPrice}, but its ${sku.pricing.type} pricing gives ¥${price.toFixed(2)} (${method(sku.pricing, sku.cost)})${Number.isFinite(off) ? `: ${pct(off)} apart` : ''}.`,
      ),
    );
  });
  return out;
}

function checkPromotionMargins(sources: PlanSources, input: PlanInput, result: PlanResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  (input.promotions?.promotions ?? []).forEach((p, i) => {
    const r = result.promotions[p.id];
    if (!r || r.margin === null || r.depth < r.margin) return;
    out.push(
      diagnosticAt(
        sources.files.promotions,
        ['promotions', i, 'mechanics'],
        'promotion-margin',
        `Promotion "${p.id}" gives away ${pct(r.depth)} of the price (discounts, coupons and gifts, less platform subsidies), but the SKUs on offer earn a gross margin of only ${pct(r.margin)} (on the price excl. VAT): it loses money on every sale, whatever the uplift.`,
        { key: true, hint: `Keep the depth below ${pct(r.margin)} — fewer or smaller discounts, coupons or gifts — or put SKUs with a higher margin on offer.` },
      ),
    );
  });
  return out;
}

function method(pricing: { type: string; markup?: number; reference?: number; position?: number; price?: number }, cost: number): string {
  if (pricing.type === 'cost-plus') return `cost ${cost} × (1 + ${pricing.markup})`;
  if (pricing.type === 'competitor') return `reference ${pricing.reference} × (1 + ${pricing.position})`;
  return `value price ${pricing.price}`;
}

function pct(x: number): string {
  return `${Number((x * 100).toFixed(1))} %`;
}

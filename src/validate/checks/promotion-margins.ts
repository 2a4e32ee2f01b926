// Promotions that lose money on every sale, and list prices that disagree with the SKU's pricing method.
// The depth and margin come from the engine's own promotion model, so the validator and the computed
// break-even figures never disagree.
import type { Check } from '../check-context.ts';
import { horizonMonths } from '../../model/calendar.ts';
import { computeFunnel } from '../../engine/funnel.ts';
import { computeProducts } from '../../engine/products.ts';
import { computePromotions } from '../../engine/promotions.ts';
import { priceOf } from '../../engine/pricing.ts';

/** A list price may differ from the pricing method's price by this share before it is flagged. */
const PRICE_TOLERANCE = 0.01;

export const checkPromotionMargins: Check = (ctx) => {
  const input = ctx.input;
  (input.products?.skus ?? []).forEach((sku, i) => {
    if (sku.listPrice === undefined) return;
    const price = priceOf(sku.pricing, sku.cost);
    const off = price > 0 ? Math.abs(sku.listPrice - price) / price : sku.listPrice > 0 ? Infinity : 0;
    if (off > PRICE_TOLERANCE) {
      ctx.report(
        'price-mismatch',
        `SKU "${sku.id}" lists ¥${sku.listPrice}, but its ${sku.pricing.type} pricing gives ¥${price.toFixed(2)} (${method(sku.pricing, sku.cost)})${Number.isFinite(off) ? `: ${pct(off)} apart` : ''}.`,
        'products',
        ['skus', i, 'listPrice'],
      );
    }
  });

  const promotions = input.promotions?.promotions ?? [];
  if (promotions.length === 0) return;
  const months = horizonMonths(input.plan.horizon.start, input.plan.horizon.months);
  const funnel = computeFunnel(input, months);
  const products = computeProducts(input, months);
  const results = computePromotions(input, months, funnel, products);
  promotions.forEach((p, i) => {
    const r = results[p.id];
    if (!r || r.margin === null || r.depth < r.margin) return;
    ctx.report(
      'promotion-margin',
      `Promotion "${p.id}" gives away ${pct(r.depth)} of the price (discounts, coupons and gifts, less platform subsidies), but the SKUs on offer earn a gross margin of only ${pct(r.margin)} (on the price excl. VAT): it loses money on every sale, whatever the uplift.`,
      'promotions',
      ['promotions', i, 'mechanics'],
      { key: true, hint: `Keep the depth below ${pct(r.margin)} — fewer or smaller discounts, coupons or gifts — or put SKUs with a higher margin on offer.` },
    );
  });
};

function method(pricing: { type: string; markup?: number; reference?: number; position?: number; price?: number }, cost: number): string {
  if (pricing.type === 'cost-plus') return `cost ${cost} × (1 + ${pricing.markup})`;
  if (pricing.type === 'competitor') return `reference ${pricing.reference} × (1 + ${pricing.position})`;
  return `value price ${pricing.price}`;
}

function pct(x: number): string {
  return `${Number((x * 100).toFixed(1))} %`;
}

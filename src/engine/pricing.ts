// Selling prices by pricing method and gross margin per unit.
//
// Conventions (the example plan's products.yaml says so too):
// - a SKU's `cost` is its landed purchase cost EXCLUDING input VAT (进项税 is recoverable, so it is not a cost);
// - a selling price (and `listPrice`, a channel's `aov`) is the consumer price INCLUDING output VAT (含税零售价).
// So margin compares the price without VAT, price / (1 + vatRate), with the cost.
import type { PlanInput, ProductsFile } from '../model/plan-input.generated.ts';
import { fen, ratio } from './series.ts';
import type { FormulaKey } from '../model/result/explanation.ts';

export type Pricing = NonNullable<ProductsFile['skus']>[number]['pricing'];

/** VAT on goods when plan.yaml does not say: 13 % for a general taxpayer, 3 % for a small-scale one. */
export function vatRateOf(input: PlanInput): number {
  const company = input.plan.company;
  if (company.vatRate !== undefined && Number.isFinite(company.vatRate)) return company.vatRate;
  return company.taxpayer === 'small-scale' ? 0.03 : 0.13;
}

/**
 * The selling price (incl. VAT) a pricing method gives, rounded to the fen, never below 0:
 * cost-plus: cost × (1 + markup); competitor: reference × (1 + position); value: the price written.
 */
export function priceOf(pricing: Pricing, cost: number): number {
  const p = pricing as { type: string; markup?: number; reference?: number; position?: number; price?: number };
  let price: number;
  switch (p.type) {
    case 'cost-plus':
      price = cost * (1 + (p.markup ?? 0));
      break;
    case 'competitor':
      price = (p.reference ?? 0) * (1 + (p.position ?? 0));
      break;
    case 'value':
      price = p.price ?? 0;
      break;
    default:
      price = 0;
  }
  return Number.isFinite(price) ? Math.max(0, fen(price)) : 0;
}

/**
 * The same pricing method giving `factor` × its price (before rounding): cost-plus keeps the cost and moves the
 * markup, competitor moves the reference price (the position stays), value scales the price.
 */
export function scaledPricing(pricing: Pricing, factor: number): Pricing {
  switch (pricing.type) {
    case 'cost-plus':
      return { ...pricing, markup: (1 + pricing.markup) * factor - 1 };
    case 'competitor':
      return { ...pricing, reference: pricing.reference * factor };
    case 'value':
      return { ...pricing, price: pricing.price * factor };
  }
}

/** How the pricing method's price is computed: the key of its formula, for explanations. */
export function pricingFormula(pricing: Pricing): FormulaKey {
  switch ((pricing as { type: string }).type) {
    case 'cost-plus':
      return 'product.priceCostPlus';
    case 'competitor':
      return 'product.priceCompetitor';
    default:
      return 'product.priceValue';
  }
}

/** a / b when that is a finite number; null for 0 / 0, x / 0 and overflow (a ratio that does not exist). */
export function finiteRatio(a: number, b: number): number | null {
  const r = ratio(a, b);
  return r !== null && Number.isFinite(r) ? r : null;
}

/** Price without output VAT: price / (1 + vatRate). */
export function netPrice(price: number, vatRate: number): number {
  const v = price / (1 + vatRate);
  return Number.isFinite(v) ? v : 0;
}

/**
 * Gross margin rate on the price without VAT: (price / (1 + vat) − cost) / (price / (1 + vat)).
 * Null when the price is 0 (no margin rate exists); negative when the cost exceeds the net price.
 */
export function grossMarginRate(price: number, cost: number, vatRate: number): number | null {
  const net = netPrice(price, vatRate);
  return finiteRatio(net - cost, net);
}

// The pipeline's checks of computed numbers (promotion-margin, price-mismatch), on the fixture base plan with one
// file changed.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { BASE_DIR } from '../fixture-cases.ts';
import { folderFiles } from '../helpers/plan.ts';

function check(replace: Record<string, string>) {
  const files = folderFiles(BASE_DIR).map((f) => (f.name in replace ? { name: f.name, bytes: new TextEncoder().encode(replace[f.name]) } : f));
  return checkPlanFiles('plan', files).diagnostics.filter((d) => d.code === 'promotion-margin' || d.code === 'price-mismatch');
}
const base = (name: string) => readFileSync(join(BASE_DIR, name), 'utf8');

describe('promotion margins and list prices', () => {
  it('passes the base plan', () => {
    expect(check({})).toEqual([]);
  });

  it('reports a promotion whose depth reaches the margin, with both percentages', () => {
    // price 80 × 2.5 = 200 incl. 13 % VAT → 176.99 net; margin (176.99 − 80) / 176.99 = 54.8 %; depth 60 %
    const [d, ...rest] = check({ 'promotions.yaml': base('promotions.yaml').replace('rate: 0.2', 'rate: 0.6') });
    expect(rest).toEqual([]);
    expect(d!.code).toBe('promotion-margin');
    expect(d!.severity).toBe('error');
    expect(d!.reason).toContain('60 %');
    expect(d!.reason).toContain('54.8 %');
    expect(d!.reason).toContain('loses money on every sale');
    expect(d!.startLine).toBe(10);
  });

  it('does not report a deep discount that a platform subsidy brings below the margin', () => {
    // 0.6 − 0.1 subsidy = 0.5 < 0.548
    const text = base('promotions.yaml').replace('rate: 0.2', 'rate: 0.6\n      - type: platform-subsidy\n        rate: 0.1');
    expect(check({ 'promotions.yaml': text })).toEqual([]);
  });

  it('warns when the list price is more than 1 % off the pricing method', () => {
    const at = (listPrice: number) => check({ 'products.yaml': base('products.yaml').replace('      markup: 1.5\n', `      markup: 1.5\n    listPrice: ${listPrice}\n`) });
    expect(at(201.9)).toEqual([]); // 0.95 % off 200
    const [d] = at(210); // 5 % off
    expect(d!.code).toBe('price-mismatch');
    expect(d!.severity).toBe('warning');
    expect(d!.reason).toBe('SKU "longjing-250g" lists ¥210, but its cost-plus pricing gives ¥200.00 (cost 80 × (1 + 1.5)): 5 % apart.');
    expect(d!.startLine).toBe(21);
  });
});

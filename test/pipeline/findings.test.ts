// The pipeline reports the engine's findings as diagnostics: code = kind, at the line of the finding's subject,
// severity from the codes table, message and hint from the catalog in the caller's language. On the fixture base
// plan with one file changed.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlanFiles, type CheckOptions } from '../../src/pipeline/check-plan.ts';
import { CODES } from '../../src/diagnostics/codes.ts';
import { isFindingKind } from '../../src/model/findings.ts';
import { BASE_DIR } from '../fixture-cases.ts';
import { folderFiles } from '../helpers/plan.ts';

function check(replace: Record<string, string>, options: CheckOptions = {}) {
  const files = folderFiles(BASE_DIR).map((f) => (f.name in replace ? { name: f.name, bytes: new TextEncoder().encode(replace[f.name]) } : f));
  return checkPlanFiles('plan', files, options);
}
const findings = (replace: Record<string, string>, options: CheckOptions = {}) => check(replace, options).diagnostics.filter((d) => isFindingKind(d.code));
const base = (name: string) => readFileSync(join(BASE_DIR, name), 'utf8');
/** The base plan's promotion with a 60 % direct discount: deeper than its SKU's margin. */
const deep = () => ({ 'promotions.yaml': base('promotions.yaml').replace('rate: 0.2', 'rate: 0.6') });

describe('findings as diagnostics', () => {
  it('finds only the Singles’ Day promotion below break-even in the base plan', () => {
    // margin at Tmall's everyday price 39.7 % (below), depth 20 %: break-even uplift 0.2 ÷ (0.397 − 0.2) = 101 % > 80 %
    const c = check({});
    expect(c.result!.findings.map((f) => f.kind)).toEqual(['promotion-below-break-even']);
    expect(c.diagnostics.map((d) => d.code)).toEqual(['promotion-below-break-even']);
  });

  it('reports a promotion whose depth reaches the margin as an error at its mechanics, with both percentages', () => {
    // price 80 × 2.5 = 200 incl. 13 % VAT, Tmall's everyday discount 25 % → 150 → 132.74 net;
    // margin (132.74 − 80) / 132.74 = 39.7 %; depth 60 % (the deep discount also pulls Tmall's AOV down, aov-gap,
    // and the margin WeCom's customers bring, ltv-below-cac)
    const [d, ...rest] = findings(deep()).filter((x) => x.code !== 'aov-gap' && x.code !== 'ltv-below-cac');
    expect(rest).toEqual([]);
    expect(d!.code).toBe('promotion-margin');
    expect(d!.severity).toBe('error');
    expect(d!.reason).toBe(
      'Promotion “Singles Day sale” gives away 60% of the price (discounts, coupons and gifts, less platform subsidies), but the SKUs on offer earn a gross margin of only 39.7% (on the price excl. VAT): it loses money on every sale, whatever the uplift.',
    );
    expect(d!.hint).toContain('Keep the depth below the margin');
    expect([d!.file, d!.startLine, d!.path]).toEqual(['plan/promotions.yaml', 10, 'promotions[0].mechanics']);
  });

  it('writes the message and the hint in the language asked for, at the same place with the same code', () => {
    const [en] = findings(deep()).filter((x) => x.code === 'promotion-margin');
    const [zh] = findings(deep(), { locale: 'zh-CN' }).filter((x) => x.code === 'promotion-margin');
    expect(zh!.reason).toBe('促销「Singles Day sale」让利 60%（折扣、优惠券和赠品，扣除平台补贴），而在售商品的毛利率只有 39.7%（按不含税售价）：无论销量提升多少，每一单都亏损。');
    expect(zh!.hint).toMatch(/^让利须低于毛利率/);
    expect([zh!.code, zh!.file, zh!.startLine, zh!.startColumn, zh!.severity]).toEqual([en!.code, en!.file, en!.startLine, en!.startColumn, en!.severity]);
  });

  it('does not report a deep discount that a platform subsidy brings below the margin', () => {
    // 0.6 − 0.3 subsidy = 0.3 < 0.397
    const text = base('promotions.yaml').replace('rate: 0.2', 'rate: 0.6\n      - type: platform-subsidy\n        rate: 0.3');
    expect(findings({ 'promotions.yaml': text }).map((d) => d.code)).not.toContain('promotion-margin');
  });

  it('warns when the list price is more than 1 % off the pricing method, at the list price', () => {
    const at = (listPrice: number) => findings({ 'products.yaml': base('products.yaml').replace('      markup: 1.5\n', `      markup: 1.5\n    listPrice: ${listPrice}\n`) }).filter((x) => x.code === 'price-mismatch');
    expect(at(201.9)).toEqual([]); // 0.95 % off 200
    const [d] = at(210); // 5 % off
    expect(d!.code).toBe('price-mismatch');
    expect(d!.severity).toBe('warning');
    expect(d!.reason).toBe('“Longjing 250 g” lists ¥210, but its cost-plus pricing gives ¥200: 5% apart.');
    expect([d!.startLine, d!.path]).toEqual([21, 'skus[0].listPrice']);
  });

  it('judges the plan as written when a scenario is computed (the scenario’s findings stay in its result)', () => {
    const c = check(deep(), { scenario: 'optimistic' });
    expect(c.diagnostics.map((d) => d.code)).toEqual(['aov-gap', 'ltv-below-cac', 'promotion-margin']);
    expect(c.result!.meta.scenario).toBe('optimistic');
  });

  it('takes each finding code’s severity from the codes table', () => {
    for (const d of findings(deep())) expect(d.severity).toBe(CODES[d.code].severity);
  });
});

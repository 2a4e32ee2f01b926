// "How is this calculated" in words: every formula-keyed explanation compute() gives on the example plan renders
// in both languages from the catalog — no `{`, no `undefined`, Chinese without English words — every formula key
// a model has is among them, and a KPI formula reads with the KPIs' names.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FORMULAS, type Explanation } from '../../src/model/result/explanation.ts';
import { explanationText } from '../../src/i18n/explain.ts';
import { LOCALES } from '../../src/i18n/locale.ts';
import { planNames } from '../../src/i18n/names.ts';
import { localText } from '../../src/i18n/text.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { folderFiles } from '../helpers/plan.ts';
import { ROOT } from '../helpers/cli.ts';

/** Every explanation in a result, wherever a model put it. */
function explanations(node: unknown, out: Explanation[] = []): Explanation[] {
  if (Array.isArray(node)) for (const x of node) explanations(x, out);
  else if (node && typeof node === 'object') {
    if ('inputs' in node && 'key' in node && Array.isArray((node as { inputs: unknown }).inputs)) out.push(node as Explanation);
    else for (const v of Object.values(node)) explanations(v, out);
  }
  return out;
}

describe('explanations in words', () => {
  const check = checkPlanFiles('plan', folderFiles(join(ROOT, 'content')));
  const names = planNames(check.input!);
  const keyed = explanations(check.result);

  it('the example explains with every formula key except variants it cannot hold together', () => {
    // Not every variant can occur in one plan (a target is either seasonal or even, a payout known or not);
    // the keys the example does not use are listed here so that a new key is never silently unexercised.
    const unused = [
      ...['target.even', 'target.level', 'org.payoutUnknown', 'org.salary', 'users.dauNone', 'users.pointsNone', 'users.repurchaseCurve', 'users.repurchaseNone'],
      // a channel no SKU sells on, a SKU without holding cost or cover limit, a promotion without prices
      ...['funnel.orders', 'funnel.units', 'funnel.gmvFromAov', 'funnel.cogsFromRatio', 'supply.eoqNone', 'supply.overstockUnchecked', 'promotion.marginUnknown'],
      // budgets by month or unphased, targets split without a channel mix
      ...['marketing.spendByMonth', 'marketing.spendEven', 'targetGap.bottomUp'],
    ];
    expect([...new Set(keyed.map((e) => e.key))].sort()).toEqual(FORMULAS.filter((k) => !unused.includes(k)).sort());
  });

  for (const locale of LOCALES) {
    it(`renders each in ${locale} with names and formatted values`, () => {
      for (const e of keyed) {
        const { formula, inputs } = explanationText(e, locale, names);
        for (const text of [formula, ...inputs.flatMap((i) => [i.label, i.value])]) {
          expect(text, e.key).not.toMatch(/[{}]|undefined|NaN|\[object/);
          // Months and days read as the locale writes them, never as the YAML does (截止日期 = 2027-12).
          expect(text, `${e.key}: ${text}`).not.toMatch(/\b\d{4}-\d{2}\b/);
          // Chinese shows no English words (acronyms such as GMV are fine); the plan's ids never show.
          if (locale === 'zh-CN') expect(text, `${e.key}: ${text}`).not.toMatch(/[a-z]{2,}/);
        }
      }
    });
  }

  it('writes a KPI formula with the KPIs’ names', () => {
    const e: Explanation = { key: 'kpi.formula', args: { kpi: 'roas', formula: 'gmv / marketing_spend' }, inputs: [] };
    const kpi = (id: string) => localText(check.input!.kpis!.kpis!.find((k) => k.id === id)!.name, 'zh-CN');
    const { formula } = explanationText(e, 'zh-CN', names);
    expect(formula).toBe(`${kpi('roas')} = ${kpi('gmv')} ÷ ${kpi('marketing_spend')}，按各输入指标的月度数值逐月计算`);
  });
});

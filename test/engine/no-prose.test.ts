// No prose in engine output: whatever the plan, every string compute() returns is an id, an enum value, a code,
// a number written as text, or text the plan itself holds (a name, a KPI formula, a date) — never a sentence.
// Words come from the catalog: every explanation renders in both languages, with no placeholder left over.
// Plans: the blank seed, the example (content/), a generated plan (scripts/gen-large-plan.ts) and plans that
// fast-check varies from the base fixture (pricing methods, marketing pricing, suppliers, seasonality, mixes).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compute } from '../../src/engine/compute.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import type { Explanation } from '../../src/model/result/explanation.ts';
import type { PlanResult } from '../../src/model/result/plan-result.ts';
import { explanationText } from '../../src/i18n/explain.ts';
import { LOCALES } from '../../src/i18n/locale.ts';
import { planNames } from '../../src/i18n/names.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { generateLargePlan } from '../../scripts/gen-large-plan.ts';
import { folderFiles } from '../helpers/plan.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function load(dir: string): PlanInput {
  const check = checkPlanFiles(dir, folderFiles(dir), { compute: false });
  expect(check.diagnostics.filter((d) => d.fatal)).toEqual([]);
  return check.input!;
}

/** Every string in a value, with where it is. */
function strings(node: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof node === 'string') out.push([path, node]);
  else if (Array.isArray(node)) node.forEach((x, i) => strings(x, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) strings(v, `${path}.${k}`, out);
  return out;
}

/** Strings of the result that read as words (a space, or a letter beyond ASCII) and that the plan does not hold. */
function prose(input: PlanInput, result: PlanResult): string[] {
  const authored = new Set(strings(input, 'input').map(([, s]) => s));
  return strings(result, 'result')
    .filter(([, s]) => /[\s\u0080-\uffff]/.test(s) && !authored.has(s))
    .map(([path, s]) => `${path} = ${s}`);
}

function explanations(node: unknown, out: Explanation[] = []): Explanation[] {
  if (Array.isArray(node)) for (const x of node) explanations(x, out);
  else if (node && typeof node === 'object') {
    if ('key' in node && 'inputs' in node && Array.isArray((node as { inputs: unknown }).inputs)) out.push(node as Explanation);
    else for (const v of Object.values(node)) explanations(v, out);
  }
  return out;
}

/** Each explanation of the plan's result in each locale: no placeholder, `undefined` or NaN left in the words. */
function unrendered(input: PlanInput, result: PlanResult): string[] {
  const names = planNames(input);
  const bad: string[] = [];
  for (const e of explanations(result)) {
    for (const locale of LOCALES) {
      const { formula, inputs } = explanationText(e, locale, names);
      for (const text of [formula, ...inputs.flatMap((i) => [i.label, i.value])]) if (/[{}]|undefined|NaN|\[object/.test(text)) bad.push(`${e.key} (${locale}): ${text}`);
    }
  }
  return bad;
}

function generated(): PlanInput {
  const dir = mkdtempSync(join(tmpdir(), 'shopplan-prose-'));
  try {
    generateLargePlan(dir, { skus: 30, channels: 5, months: 12, targets: 6 });
    return load(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('engine output holds no prose', () => {
  it.each<[string, () => PlanInput]>([
    ['the blank seed', () => load(join(root, 'seeds/blank'))],
    ['the example plan', () => load(join(root, 'content'))],
    ['a generated plan', generated],
  ])('%s: no sentence in the result, and every explanation renders in both languages', { timeout: 120_000 }, (_, make) => {
    const input = make();
    const result = compute(input);
    expect(prose(input, result)).toEqual([]);
    expect(unrendered(input, result)).toEqual([]);
  });

  it('whatever the plan’s methods and options (property)', () => {
    const dir = join(root, 'test/fixtures/base');
    const base = load(dir);
    const skuPricing = fc.constantFrom<unknown>({ type: 'cost-plus', markup: 1.2 }, { type: 'competitor', reference: 199, position: -0.05 }, { type: 'value', price: 159 });
    const marketingPricing = fc.constantFrom<unknown>(
      { type: 'cpc', cpc: 1.8 },
      { type: 'cpm', cpm: 40, ctr: 0.02 },
      { type: 'cps', rate: 0.2 },
      { type: 'fixed', visitors: 5000 },
      { type: 'fixed' },
    );
    fc.assert(
      fc.property(skuPricing, marketingPricing, fc.boolean(), fc.boolean(), fc.boolean(), (pricing, mPricing, dropSuppliers, dropSeasonality, dropPromotions) => {
        const input: PlanInput = structuredClone(base);
        (input.products!.skus![0] as { pricing: unknown }).pricing = pricing;
        (input.marketing!.channels![0] as { pricing: unknown }).pricing = mPricing;
        if (dropSuppliers && input.supply) {
          delete input.supply.suppliers;
          for (const s of input.products!.skus!) delete (s as { supplier?: string }).supplier;
        }
        if (dropSeasonality) for (const c of input.channels!.channels!) delete c.seasonality;
        if (dropPromotions) input.promotions = { promotions: [] };
        const result = compute(input);
        expect(prose(input, result)).toEqual([]);
        expect(unrendered(input, result)).toEqual([]);
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});

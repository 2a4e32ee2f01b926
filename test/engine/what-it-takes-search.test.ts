// The search of what it would take (what-it-takes.ts) on the example plan: how many reruns of the engine each
// driver costs. The example's operating profit moves in a step of about ¥264 (money in whole fen) under the
// price driver, wider than the tolerance (0.001 % of the target, ¥60): no factor meets the target that closely,
// and the search stops once the bracket is 10⁻⁵ of the factor wide (ten times finer than a change is
// reported), taking the passing end, instead of halving it further (15 reruns at 10⁻⁷, 7 at 10⁻⁵).
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { computeCore, computeMeasures } from '../../src/engine/compute.ts';
import { createCoreCache } from '../../src/engine/core-cache.ts';
import { whatItTakes } from '../../src/engine/what-it-takes.ts';
import { withoutPrototypes } from '../../src/model/dict.ts';
import { loadPlan } from '../../src/load/load-plan.ts';
import { validatePlan } from '../../src/validate/validate-plan.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { folderFiles } from '../helpers/plan.ts';

const dir = fileURLToPath(new URL('../../content', import.meta.url));
const validated = validatePlan(loadPlan(dir, folderFiles(dir)).sources);
const input = withoutPrototypes(validated.input!);

describe('what it would take on the example plan', () => {
  const cache = createCoreCache();
  const core = computeCore(input, validated.actuals ?? {}, { cache });
  const channelGmv = Object.fromEntries(Object.entries(core.channels).map(([id, c]) => [id, c.totals.gmv]));
  const profit = core.targets['operating-profit']!;
  // The price driver is the one that changes products.yaml (every SKU's price).
  let priceReruns = 0;
  const search = whatItTakes(input, computeMeasures(input, cache), channelGmv, (i: PlanInput) => {
    if (i.products !== input.products) priceReruns++;
    return computeMeasures(i, cache);
  });

  it('misses its operating-profit target, so every profit driver is searched', () => {
    expect(['amber', 'red']).toContain(core.verdicts['operating-profit']!.overall.status);
  });

  it('closes it with each driver at a factor whose projection meets the target, the price driver across the jump in at most 10 reruns (7 today)', () => {
    const changes = search.toClose(profit);
    expect(changes.map((c) => c.driver)).toContain('price');
    for (const c of changes) {
      expect(c.factor, c.driver).not.toBeNull();
      expect(c.projection!, c.driver).toBeGreaterThanOrEqual(profit.value);
    }
    expect(priceReruns).toBeGreaterThan(0);
    expect(priceReruns).toBeLessThanOrEqual(10);
  });
});

// Incremental reruns on generated plans: a rerun that reuses the model results of the plan's own pass (the
// per-call cache of compute(), core-cache.ts) equals a full recompute of the changed plan, whatever number it
// changes, by whatever factor, and whatever driver "what it would take" moves. compute-cache.test.ts does the
// same on the example's own scenarios and drivers; this property reaches the parts that only a generated plan
// has (SKUs listing channels, many channels and SKUs) and numbers the example's reruns never touch.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeCore, computeMeasures } from '../../src/engine/compute.ts';
import { createCoreCache } from '../../src/engine/core-cache.ts';
import { applyDriver } from '../../src/engine/what-it-takes.ts';
import { setPath } from '../../src/model/set-path.ts';
import { withoutPrototypes } from '../../src/model/dict.ts';
import { loadPlan } from '../../src/load/load-plan.ts';
import { validatePlan } from '../../src/validate/validate-plan.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import type { DriverKind } from '../../src/model/result/target-verdicts.ts';
import { generateLargePlan } from '../../scripts/gen-large-plan.ts';
import { folderFiles } from '../helpers/plan.ts';

const dir = mkdtempSync(join(tmpdir(), 'shopplan-rerun-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
generateLargePlan(dir, { skus: 30, channels: 5, months: 12 });
const validated = validatePlan(loadPlan(dir, folderFiles(dir)).sources);
const input = withoutPrototypes(validated.input!);
const actuals = validated.actuals ?? {};

/** Paths of every number in the plan, in document order. */
function numbersIn(value: unknown, path: Array<string | number>, out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (typeof value === 'number') out.push(path);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  return out;
}
const valueAt = (plan: unknown, path: ReadonlyArray<string | number>) => path.reduce<any>((node, s) => node[s], plan);
const paths = numbersIn(input, []);

/** A rerun through a cache filled by the plan's own pass, next to a full recompute of the changed plan. */
function expectIncrementalEqualsFull(changed: PlanInput, label: string): void {
  const cache = createCoreCache();
  computeCore(input, actuals, { cache });
  expect(computeMeasures(changed, cache), label).toStrictEqual(computeMeasures(changed));
  expect(computeCore(changed, actuals, { cache }), label).toStrictEqual(computeCore(changed, actuals));
}

describe('a generated plan', () => {
  it('is valid and has SKUs listing channels, promotions and many numbers to change', () => {
    expect(validated.diagnostics.filter((d) => d.fatal)).toEqual([]);
    expect(input.products!.skus!.some((s) => s.channels)).toBe(true);
    expect(input.promotions!.promotions!.length).toBeGreaterThan(0);
    expect(paths.length).toBeGreaterThan(500);
  });

  it('rerun with the plan’s cache = full recompute, for any number moved by any factor (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: paths.length - 1 }), fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 2, noNaN: true })), (at, factor) => {
        const path = paths[at]!;
        const before = valueAt(input, path) as number;
        expectIncrementalEqualsFull(setPath(input, path, before === 0 ? factor : before * factor), `${path.join('.')} × ${factor}`);
      }),
      { numRuns: 8 },
    );
  });

  it('rerun with the plan’s cache = full recompute, for every driver of what it would take (property)', () => {
    const kinds: DriverKind[] = ['cvr', 'visitors', 'price', 'marketing', 'new-customer-share', 'repurchase', 'retention', 'dau-mau', 'payroll', 'fulfilment-cost'];
    const channels = input.channels!.channels!.map((c) => c.id);
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(...channels), fc.double({ min: 0.5, max: 2, noNaN: true }), (kind, channel, factor) => {
        expectIncrementalEqualsFull(applyDriver(input, kind, factor, channel), `${kind} ${channel} × ${factor}`);
      }),
      { numRuns: 8 },
    );
  });

  it('rerun with the plan’s cache = full recompute when the sales channels are reordered (their ids move)', () => {
    expectIncrementalEqualsFull(setPath(input, ['channels', 'channels'], [...input.channels!.channels!].reverse()), 'channels reversed');
  });
});

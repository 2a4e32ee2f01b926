// The two precompiled validator sets (src/validate/validators.ts) must agree: the check decides validity and
// collects the copy paths on every run, the detailed set explains only what the check rejects. Were they to
// disagree, a plan could pass with errors the detailed set would name, or fail with no error to show.
// Plans: the blank seed, the example and a generated large plan, each file as written and with one value
// replaced, added or removed anywhere in it (fast-check).
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ValidateFunction } from 'ajv';
import * as check from '../../src/validate/validators-check.generated.js';
import * as detailed from '../../src/validate/validators.generated.js';
import { schemaErrors, type SchemaKey } from '../../src/validate/validators.ts';
import { generateLargePlan } from '../../scripts/gen-large-plan.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const large = mkdtempSync(join(tmpdir(), 'shopplan-validator-sets-'));
generateLargePlan(large, { skus: 30, channels: 5, months: 12, targets: 6 });
afterAll(() => rmSync(large, { recursive: true, force: true }));

/** Each YAML file of a plan folder with a validator: [schema key, data]. */
function planData(dir: string): Array<[SchemaKey, unknown]> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f.replace(/\.yaml$/, '') in check)
    .map((f) => [f.replace(/\.yaml$/, '') as SchemaKey, parse(readFileSync(join(dir, f), 'utf8'))]);
}

const plans: Array<[string, Array<[SchemaKey, unknown]>]> = [
  ['the blank seed', planData(join(root, 'seeds/blank'))],
  ['the example', planData(join(root, 'content'))],
  ['a generated large plan', planData(large)],
];

function run(validate: ValidateFunction, data: unknown, computed = false): { valid: boolean; copyPaths: string[] } {
  const context = { copyPaths: [] as string[], computed };
  return { valid: validate.call(context, data) as boolean, copyPaths: context.copyPaths };
}

/** Every path to a value in `node` (objects and arrays included), as key lists. */
function paths(node: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(at);
  if (Array.isArray(node)) node.forEach((x, i) => paths(x, [...at, i], out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) paths(v, [...at, k], out);
  return out;
}

/** `data` with the value at `path` replaced (or removed, for `undefined`), or a key added beside it. */
function edit(data: unknown, path: Array<string | number>, change: { kind: 'set' | 'remove' | 'add'; value: unknown }): unknown {
  const copy = structuredClone(data);
  if (!path.length) return change.kind === 'set' ? change.value : copy;
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const key = path.at(-1)!;
  if (change.kind === 'set') parent[key] = change.value;
  else if (change.kind === 'remove' && Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (change.kind === 'remove') delete parent[key];
  else if (!Array.isArray(parent)) parent.extraKey = change.value;
  return copy;
}

const value = fc.oneof(
  fc.constantFrom(null, true, '', 'tmall', '2027-13', 'https://example.com', 'javascript:alert(1)', -1, 0, 0.5, 1.5, 3, 1e12, 0.001, 12.345),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('the check and the detailed validators agree', () => {
  for (const [name, files] of plans) {
    it(`on ${name} as written: valid in both, the same copy paths`, () => {
      for (const [key, data] of files) {
        const a = run(check[key] as ValidateFunction, data);
        expect({ key, ...a }).toEqual({ key, ...run(detailed[key] as ValidateFunction, data) });
        expect(a.valid).toBe(true);
        expect(schemaErrors(key, data)).toEqual([]);
      }
    });

    it(`on ${name} with one value changed anywhere: the same verdict (and copy paths when valid)`, () => {
      const indexed = files.map(([key, data]) => ({ key, data, paths: paths(data) }));
      fc.assert(
        fc.property(
          fc.nat(indexed.length - 1).chain((f) => fc.tuple(fc.constant(f), fc.nat(indexed[f]!.paths.length - 1))),
          fc.record({ kind: fc.constantFrom('set' as const, 'remove' as const, 'add' as const), value }),
          fc.boolean(),
          ([f, p], change, computed) => {
            const { key, data, paths: all } = indexed[f]!;
            const changed = edit(data, all[p]!, change);
            const a = run(check[key] as ValidateFunction, changed, computed);
            const b = run(detailed[key] as ValidateFunction, changed, computed);
            expect(a.valid).toBe(b.valid);
            if (a.valid) expect(a.copyPaths).toEqual(b.copyPaths);
            // What validation reports: nothing for valid data, the detailed set's errors otherwise.
            expect(schemaErrors(key, changed, { copyPaths: [], computed }).length > 0).toBe(!b.valid);
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('checks the decimals of amounts as written, not of amounts a factor computed', () => {
    const [, data] = plans[1]![1].find(([key]) => key === 'channels')!;
    const changed = structuredClone(data) as { channels: Array<{ funnel: { visitors: number; aov?: number } }> };
    changed.channels[0]!.funnel.aov = 100.123;
    expect(schemaErrors('channels', changed).map((e) => e.keyword)).toEqual(['decimals']);
    expect(schemaErrors('channels', changed, { copyPaths: [], computed: true })).toEqual([]);
  });
});

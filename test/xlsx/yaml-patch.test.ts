import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq, parse, parseDocument, type Node } from 'yaml';
import { ROOT } from '../helpers/cli.ts';
import { YamlPatch } from '../../src/xlsx/yaml-patch.ts';

// Every list `shopplan import` edits, in the example plan and in a plan file the import creates from nothing.
const LISTS = [
  ['products.yaml', 'skus'],
  ['channels.yaml', 'channels'],
  ['marketing.yaml', 'channels'],
  ['org.yaml', 'roles'],
] as const;

const scalar = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom('tmall', '雨前龙井 100g', 'a: b # not a comment', "it's", '"quoted"', 'line one\nline two', '- dash', '@team', 'yes', '2027-03', ''),
);
const value = fc.oneof(
  scalar,
  fc.array(fc.constantFrom('tmall', 'jd', 'douyin'), { maxLength: 3 }),
  fc.record({ 'zh-CN': fc.constantFrom('茶', '红茶：滇红'), en: fc.constantFrom('Tea', 'Black tea: Dianhong') }),
);
const path = fc.oneof(
  fc.constantFrom(['cost'], ['name'], ['notes'], ['funnel', 'cvr'], ['fees', 'otherRate'], ['forecast', 'monthlyUnits'], ['headcount', '2027-09'], ['budget', 'monthly', '2027-05'], ['pricing', 'type']),
  fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }),
);
const edit = fc.record({ entry: fc.nat(40), path, value, append: fc.boolean() });

describe('YamlPatch: edits land in place and nothing else moves', () => {
  it.each(LISTS)('%s %s: any edits give the intended data, and untouched entries keep their bytes', (file, list) => {
    const original = readFileSync(join(ROOT, 'content', file), 'utf8');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const patch = new YamlPatch(original);
        const count = (patch.data[list] as unknown[]).length;
        const touched = new Set<number>();
        for (const e of edits) {
          if (e.append) patch.append(list, { id: `new-${e.entry}`, [e.path[0]!]: e.value });
          else {
            const index = e.entry % count;
            touched.add(index);
            patch.setInEntry(list, index, e.path, e.value);
          }
        }
        const text = patch.toString();
        expect(parse(text)).toEqual(patch.data);
        const seq = parseDocument(original).get(list);
        if (!isSeq(seq)) throw new Error(`no ${list}`);
        (seq.items as Node[]).forEach((item, i) => {
          if (!touched.has(i)) expect(text.includes(original.slice(item.range![0], item.range![1]))).toBe(true);
        });
        // Comment lines outside the edited entries all survive.
        const kept = original.split('\n').filter((l) => /^#/.test(l));
        for (const c of kept) expect(text).toContain(c);
      }),
      { numRuns: 40 },
    );
  });

  it('creates the list in a file that has none, and a file from nothing', () => {
    const patch = new YamlPatch('# header comment\ncategories:\n  - id: tea\n    name: 茶\n');
    patch.append('skus', { id: 'a', cost: 1 });
    patch.append('skus', { id: 'b', name: { 'zh-CN': '乙', en: 'B' } });
    expect(patch.toString()).toBe('# header comment\ncategories:\n  - id: tea\n    name: 茶\n\nskus:\n  - id: a\n    cost: 1\n  - id: b\n    name: { zh-CN: 乙, en: B }\n');
    const empty = new YamlPatch('');
    empty.append('roles', { id: 'x', headcount: { '2027-01': 1 } });
    expect(parse(empty.toString())).toEqual({ roles: [{ id: 'x', headcount: { '2027-01': 1 } }] });
  });
});

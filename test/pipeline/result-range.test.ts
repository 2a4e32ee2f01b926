// firstOutOfRange walks every computed figure: the first one out of range, depth first in key order, with its path.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstOutOfRange, MAX_EXACT } from '../../src/pipeline/result-range.ts';

describe('firstOutOfRange', () => {
  it('names the first figure out of range, depth first, with its path', () => {
    const result = { a: { b: [1, 2, { c: Infinity }], d: NaN }, e: MAX_EXACT * 2 };
    expect(firstOutOfRange(result)).toEqual({ path: ['a', 'b', 2, 'c'], value: Infinity });
    expect(firstOutOfRange({ a: { b: [1, 2, { c: 3 }], d: NaN }, e: -MAX_EXACT * 2 })).toMatchObject({ path: ['a', 'd'] });
    expect(firstOutOfRange({ x: [[-MAX_EXACT * 2]] })).toEqual({ path: ['x', 0, 0], value: -MAX_EXACT * 2 });
    expect(firstOutOfRange({ a: [1, { b: MAX_EXACT }], c: 'text', d: null })).toBeUndefined();
  });

  it('finds what a walk copying the path at every step finds', () => {
    const reference = (root: unknown) => {
      const stack: Array<[unknown, Array<string | number>]> = [[root, []]];
      while (stack.length) {
        const [value, path] = stack.pop()!;
        if (typeof value === 'number') {
          if (!Number.isFinite(value) || Math.abs(value) > MAX_EXACT) return { path, value };
        } else if (Array.isArray(value)) {
          for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...path, i]]);
        } else if (value && typeof value === 'object') {
          for (const [key, v] of Object.entries(value).reverse()) stack.push([v, [...path, key]]);
        }
      }
      return undefined;
    };
    const figure = fc.oneof(fc.double(), fc.constantFrom(MAX_EXACT * 3, -MAX_EXACT * 3), fc.string(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, figure, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 3 }), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(tree, (t) => {
        expect(firstOutOfRange(t)).toEqual(reference(t));
      }),
    );
  });
});

// Prototype-less data (src/model/dict.ts): ids become keys, so no object of the plan or the result may
// inherit Object.prototype's members (`constructor`, `toString`, `__proto__`).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isPrototypeFree, stripPrototypes, withoutPrototypes } from '../../src/model/dict.ts';

const json = fc.jsonValue({ maxDepth: 4 });

describe('stripPrototypes', () => {
  it('gives the same data as withoutPrototypes, prototype-less, without copying what it can change (property)', () => {
    fc.assert(
      fc.property(json, (value) => {
        const copy = structuredClone(value);
        const stripped = stripPrototypes(copy);
        expect(isPrototypeFree(stripped)).toBe(true);
        expect(stripped).toStrictEqual(withoutPrototypes(value));
        expect(stripped).toBe(copy);
      }),
    );
  });

  it('replaces a frozen object or array that must change by a copy in its parent, and leaves the frozen one as it was', () => {
    const frozen = Object.freeze({ a: 1 });
    const frozenList = Object.freeze([frozen]);
    const parent = { list: frozenList, child: frozen };
    const stripped = stripPrototypes(parent);
    expect(Object.getPrototypeOf(stripped.child)).toBe(null);
    expect(Object.getPrototypeOf(stripped.list[0])).toBe(null);
    expect(stripped.child).toEqual({ a: 1 });
    expect(Object.getPrototypeOf(frozen)).toBe(Object.prototype);
    expect(frozenList[0]).toBe(frozen);
  });

  it("makes an id such as 'constructor' an ordinary key: a missing one is undefined", () => {
    const map = stripPrototypes({ tmall: 1 }) as Record<string, unknown>;
    expect(map.constructor).toBeUndefined();
    expect(map.toString).toBeUndefined();
  });
});

describe('isPrototypeFree', () => {
  it.each([
    ['a number', 1, true],
    ['a plain object', { a: 1 }, false],
    ['a prototype-less object with a plain one inside', Object.assign(Object.create(null) as object, { a: { b: 1 } }), false],
    ['withoutPrototypes of nested data', withoutPrototypes({ a: [{ b: 1 }], c: { d: null } }), true],
    ['an array of prototype-less objects', [Object.create(null) as object], true],
  ])('%s', (_name, value, free) => {
    expect(isPrototypeFree(value)).toBe(free);
  });
});

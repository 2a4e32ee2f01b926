// What an operator meant by a text where a number belongs, and quotes for digits meant as text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meantNumber, typeHint } from '../../src/validate/value-hints.ts';

describe('meantNumber', () => {
  it.each([
    ['3.5%', 0.035, 'percent'],
    [' 12 % ', 0.12, 'percent'],
    ['3.5％', 0.035, 'percent'],
    ['120万', 1_200_000, 'unit'],
    ['1.5亿', 150_000_000, 'unit'],
    ['8千', 8000, 'unit'],
    ['120万元', 1_200_000, 'unit'],
    ['12k', 12_000, 'unit'],
    ['１２０万', 1_200_000, 'unit'],
    ['1,200,000', 1_200_000, 'separators'],
    ['1，200，000', 1_200_000, 'separators'],
    ['¥1,200', 1200, 'currency'],
    ['1200元', 1200, 'currency'],
    ['RMB 99.9', 99.9, 'currency'],
  ] as const)('%s → %s (%s)', (text, value, reading) => {
    expect(meantNumber(text)).toEqual({ value, reading });
  });

  it.each(['天猫', '12-34', '1,20', '2027-01', '', '%', '万'])('%j is not a number', (text) => {
    expect(meantNumber(text)).toBeUndefined();
  });

  it('reads any per-cent text as a hundredth of its number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const value = n / 100;
        expect(meantNumber(`${value}%`)?.value).toBeCloseTo(value / 100, 9);
      }),
    );
  });
});

describe('typeHint', () => {
  it('says to quote digits where text belongs (festival: 618)', () => {
    expect(typeHint(['string'], 618)).toMatch(/"618"/);
    expect(typeHint(['string'], true)).toMatch(/"true"/);
  });

  it('gives the number for a per-cent, 万 or separated text where a number belongs', () => {
    expect(typeHint(['number'], '3.5%')).toMatch(/0\.035/);
    expect(typeHint(['number'], '120万')).toMatch(/1200000/);
    expect(typeHint(['integer'], '1,200')).toMatch(/1200/);
    expect(typeHint(['number'], '"12"')).toMatch(/plain number/);
    expect(typeHint(['number'], '12')).toMatch(/Remove the quotes/);
  });

  it('leaves other mismatches to the default hint', () => {
    expect(typeHint(['object'], 'x')).toBeUndefined();
    expect(typeHint(['string', 'number'], 3)).toBeUndefined();
  });
});

// The reference table and how a range is chosen: the most specific shipped row, the plan's own range first.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { METRICS, METRIC_UNIT, REFERENCE, SECTORS } from '../../src/engine/plausibility/reference.ts';
import { outside, rangeFor, type RangeContext } from '../../src/engine/plausibility/ranges.ts';

const tea: RangeContext = { sector: 'tea', taxpayer: 'general' };

describe('reference table', () => {
  it('every row is ordered low ≤ typical ≤ high, names a known metric and a source with its year (or is an estimate)', () => {
    for (const r of REFERENCE) {
      expect(METRICS).toContain(r.metric);
      expect(r.low).toBeLessThanOrEqual(r.typical ?? r.low);
      expect(r.typical ?? r.high).toBeLessThanOrEqual(r.high);
      if (r.source.id === 'INF') expect(r.source).toEqual({ id: 'INF', year: null, confidence: 'estimate' });
      else {
        expect(r.source.id).toMatch(/^S\d+[a-z]?$/);
        expect(r.source.year).toBeGreaterThanOrEqual(2012);
      }
      for (const s of r.when.sector ?? []) expect(SECTORS).toContain(s);
    }
  });

  it('every metric has a unit and a row that applies to some plan', () => {
    for (const m of METRICS) {
      expect(METRIC_UNIT[m]).toBeDefined();
      expect(REFERENCE.some((r) => r.metric === m)).toBe(true);
    }
  });

  it('the schema offers exactly the table’s metrics and sectors', () => {
    const schema = JSON.parse(readFileSync('schemas/plan.schema.json', 'utf8'));
    expect(schema.properties.assumptions.properties.ranges.items.properties.metric.enum).toEqual([...METRICS]);
    expect(schema.properties.company.properties.sector.enum).toEqual([...SECTORS]);
  });

  it('every row and source is listed in docs/plausibility.md', () => {
    const doc = readFileSync('docs/plausibility.md', 'utf8');
    for (const m of METRICS) expect(doc).toContain(`\`${m}\``);
    for (const id of new Set(REFERENCE.map((r) => r.source.id))) expect(doc).toContain(id);
  });
});

describe('rangeFor picks the most specific row', () => {
  it.each([
    // metric, context, expected low / typical / high, source
    ['cvr', { ...tea, platform: 'douyin', selling: 'livestream' }, [0.03, 0.04, 0.08], 'S6'],
    ['cvr', { ...tea, sector: 'electronics', platform: 'douyin', selling: 'livestream' }, [0.015, 0.02, 0.03], 'S6'],
    ['cvr', { ...tea, platform: 'tmall', selling: 'shelf' }, [0.015, 0.03, 0.06], 'INF'],
    ['cvr', { ...tea, platform: 'mini-program', selling: 'shelf' }, [0.005, 0.015, 0.03], 'S24'],
    ['return-rate', { ...tea, platform: 'tmall', selling: 'shelf' }, [0.02, 0.05, 0.1], 'INF'],
    ['return-rate', { ...tea, sector: 'electronics', platform: 'tmall', selling: 'shelf' }, [0.1, 0.12, 0.15], 'S7'],
    ['return-rate', { ...tea, platform: 'douyin', selling: 'livestream' }, [0.1, 0.15, 0.2], 'S10'],
    ['return-rate', { ...tea, sector: 'apparel', platform: 'douyin', selling: 'livestream' }, [0.3, 0.5, 0.8], 'S8'],
    ['commission', { ...tea, platform: 'tmall' }, [0.02, 0.04, 0.05], 'S2'],
    ['fee-share', { ...tea, platform: 'douyin', affiliates: true }, [0.15, 0.2, 0.35], 'S4'],
    ['fee-share', { ...tea, platform: 'douyin', affiliates: false }, [0.016, 0.056, 0.08], 'INF'],
    ['repurchase-rate', tea, [0.25, 0.35, 0.5], 'INF'],
    ['repurchase-rate', { ...tea, sector: 'electronics' }, [0.08, 0.25, 0.5], 'INF'],
    ['roas', { ...tea, platform: 'douyin' }, [1.5, 3, 5], 'S15'],
    ['roas', { ...tea, platform: 'jd' }, [1.5, 3, 6], 'INF'],
    ['inventory-days', tea, [45, 90, 180], 'INF'],
    ['inventory-days', { ...tea, sector: 'cosmetics' }, [60, 80, 120], 'S19a'],
    ['vat-rate', { ...tea, taxpayer: 'small-scale' }, [0.01, 0.01, 0.03], 'S22b'],
  ] as const)('%s in %j → %j (%s)', (metric, context, [low, typical, high], source) => {
    const r = rangeFor(metric, context as RangeContext);
    expect(r).toMatchObject({ low, typical, high, source: { kind: 'reference', id: source } });
  });

  it('no row, no range: commission on an own mini-program is not judged', () => {
    expect(rangeFor('commission', { ...tea, platform: 'mini-program' })).toBeUndefined();
  });

  it('the plan’s own range wins, for its platform only when it names one', () => {
    const evidence = { 'zh-CN': '店铺数据', en: 'Store data' };
    const own = [{ metric: 'cvr' as const, platform: 'mini-program' as const, low: 0.02, typical: 0.04, high: 0.06, evidence }];
    expect(rangeFor('cvr', { ...tea, platform: 'mini-program' }, own)).toEqual({ low: 0.02, typical: 0.04, high: 0.06, source: { kind: 'plan', evidence } });
    expect(rangeFor('cvr', { ...tea, platform: 'tmall' }, own)?.source).toMatchObject({ kind: 'reference', id: 'INF' });
    const everywhere = [{ metric: 'inventory-days' as const, low: 10, high: 400, evidence }];
    expect(rangeFor('inventory-days', tea, everywhere)).toEqual({ low: 10, typical: null, high: 400, source: { kind: 'plan', evidence } });
  });
});

describe('outside', () => {
  const range = { low: 0.03, typical: 0.04, high: 0.08, source: { kind: 'plan' as const, evidence: 'x' } };
  it.each([
    [0.4, 'above'],
    [0.029, 'below'],
    [0.03, undefined],
    [0.08, undefined],
    [0.08 + 1e-12, undefined], // rounding of a computed ratio is not a finding
    [0.0801, 'above'],
  ] as const)('%f → %s', (value, expected) => {
    expect(outside(value, range)).toBe(expected);
  });
});

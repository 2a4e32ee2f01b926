import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formulaInNames, formulaText } from '../../src/i18n/formula-text.ts';

const ZH: Record<string, string> = { gmv: 'GMV', visitors: '访客数', cvr: '转化率', aov: '客单价', marketing_spend: '营销费用', new_customers: '新客数' };

describe('a KPI formula in names', () => {
  it('reads as names and ×, ÷, − in the page language', () => {
    expect(formulaText('visitors * cvr * aov', (id) => ZH[id])).toBe('访客数 × 转化率 × 客单价');
    expect(formulaText('marketing_spend / new_customers', (id) => ZH[id])).toBe('营销费用 ÷ 新客数');
    expect(formulaText('(gmv - aov) / 2', (id) => ZH[id])).toBe('(GMV − 客单价) ÷ 2');
  });

  it('keeps which id each name stands for, so a page can link it', () => {
    expect(formulaInNames('gmv / marketing_spend', (id) => ZH[id])).toEqual([{ text: 'GMV', id: 'gmv' }, { text: ' ÷ ' }, { text: '营销费用', id: 'marketing_spend' }]);
  });

  it('never shows an identifier that has a name, whatever the formula', () => {
    const id = fc.constantFrom(...Object.keys(ZH));
    const op = fc.constantFrom('*', '/', '+', '-', ' * ', ' / ');
    fc.assert(
      fc.property(id, fc.array(fc.tuple(op, id), { maxLength: 5 }), (first, rest) => {
        const text = formulaText(first + rest.map(([o, i]) => o + i).join(''), (i) => ZH[i]);
        expect(text).not.toMatch(/[a-z_]{2,}|[*/]/);
      }),
    );
  });
});

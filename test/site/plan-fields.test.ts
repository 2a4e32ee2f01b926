// Plan paths in words: a scenario override or sensitivity driver names the entry it is in and the field's
// title in both languages, with the unit its values read in — never the path itself.
import { describe, expect, it } from 'vitest';
import { planFields } from '../../src/site/plan-fields.ts';
import { planFieldName } from '../../src/site/plan-field-name.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';

const input = {
  plan: { id: 'p', company: { name: 'Co' }, currency: 'CNY' },
  channels: { channels: [{ id: 'tmall', name: { 'zh-CN': '天猫店', en: 'Tmall store' }, funnel: { visitors: 1000, cvr: 0.03 }, fees: { annualFee: 30000 } }] },
  marketing: { channels: [{ id: 'qianchuan', name: { 'zh-CN': '千川', en: 'Qianchuan' }, budget: { total: 100 } }] },
} as unknown as PlanInput;

describe('planFields', () => {
  it('names the entry and the field in both languages, with the unit of its values', () => {
    const f = planFields(input, ['channels.tmall.funnel.cvr', 'channels.channels.tmall.funnel.visitors', 'channels.tmall.fees.annualFee', 'marketing.channels.qianchuan.budget.total']);
    expect(f['channels.tmall.funnel.cvr']).toEqual({ file: 'channels', entry: { 'zh-CN': '天猫店', en: 'Tmall store' }, title: { en: expect.any(String), 'zh-CN': '转化率' }, unit: 'rate' });
    // The list named like its file may be written out or left out.
    expect(f['channels.channels.tmall.funnel.visitors']).toMatchObject({ title: { 'zh-CN': '月均访客数' }, unit: 'number' });
    expect(f['channels.tmall.fees.annualFee']).toMatchObject({ title: { 'zh-CN': '年费' }, unit: 'money' });
    expect(f['marketing.channels.qianchuan.budget.total']).toMatchObject({ entry: { en: 'Qianchuan' }, title: { 'zh-CN': '总预算' }, unit: 'money' });
  });

  it('reads the paths of the changes between versions, a whole entry, and a key inside a field', () => {
    const f = planFields(input, ['channels[tmall].funnel.cvr', 'marketing.channels[qianchuan]', 'marketing.channels[qianchuan].budget']);
    expect(planFieldName(f['channels[tmall].funnel.cvr'], 'channels[tmall].funnel.cvr', 'zh-CN')).toBe('天猫店 · 转化率');
    expect(planFieldName(f['channels[tmall].funnel.cvr'], 'channels[tmall].funnel.cvr', 'en')).toMatch(/^Tmall store · \w/);
    expect(planFieldName(f['marketing.channels[qianchuan]'], 'marketing.channels[qianchuan]', 'en')).toBe('Qianchuan');
  });

  it('leaves out a path the plan does not hold, which is then shown as written', () => {
    expect(planFields(input, ['channels.jd.funnel.cvr', 'nowhere.x.y'])).toEqual({});
    expect(planFieldName(undefined, 'channels.jd.funnel.cvr', 'en')).toBe('channels.jd.funnel.cvr');
  });
});

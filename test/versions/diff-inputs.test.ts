// The semantic input diff on hand-made plans: list items matched by id, plan paths, exact deltas.
import { describe, expect, it } from 'vitest';
import type { PlanCheck } from '../../src/pipeline/check-plan.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { diffInputs } from '../../src/versions/diff-inputs.ts';
import { files, minimalPlan } from '../helpers/plan.ts';

const check = (input: Record<string, unknown>): PlanCheck => ({ input: input as unknown as PlanInput, diagnostics: [] });
const clone = <T>(x: T): T => structuredClone(x);

const base = {
  plan: { ...minimalPlan, title: { 'zh-CN': '计划', en: 'Plan' } },
  channels: {
    channels: [
      { id: 'tmall', name: 'Tmall', funnel: { cvr: 0.03, aov: 200 }, tags: ['shelf', 'core'] },
      { id: 'jd', name: 'JD', funnel: { cvr: 0.025, aov: 180 }, tags: ['shelf'] },
    ],
  },
  marketing: { channels: [{ id: 'qianchuan', drives: ['douyin'], budget: { total: 8_800_000, phasing: 'marketing-spend' } }] },
  targets: { targets: [{ id: 'gmv', metric: 'gmv', value: 150_000_000, baseline: { value: 98_000_000, period: '2026' } }] },
};

describe('diffInputs', () => {
  it('finds nothing when only the order of id-matched list items changes', () => {
    const b = clone(base);
    b.channels.channels.reverse();
    expect(diffInputs(check(base), check(b))).toEqual([]);
  });

  it('reports a changed number at its plan path with before, after, Δ, Δ% and the unit from the schema', () => {
    const b = clone(base);
    b.marketing.channels[0]!.budget.total = 7_800_000;
    b.channels.channels[0]!.funnel.cvr = 0.032;
    b.targets.targets[0]!.value = 160_000_000;
    const out = diffInputs(check(base), check(b));
    expect(out).toEqual([
      { file: 'targets.yaml', path: 'targets[gmv].value', kind: 'changed', before: 150_000_000, after: 160_000_000, unit: 'money', delta: 10_000_000, deltaPct: expect.closeTo(1 / 15, 10) },
      { file: 'channels.yaml', path: 'channels[tmall].funnel.cvr', kind: 'changed', before: 0.03, after: 0.032, unit: 'rate', delta: 0.002, deltaPct: expect.closeTo(0.0666667, 6) },
      { file: 'marketing.yaml', path: 'marketing.channels[qianchuan].budget.total', kind: 'changed', before: 8_800_000, after: 7_800_000, unit: 'money', delta: -1_000_000, deltaPct: expect.closeTo(-0.1136364, 6) },
    ]);
  });

  it('reports added and removed list items by id, texts by locale and plain lists as a whole', () => {
    const b = clone(base) as typeof base & { channels: { channels: Array<Record<string, unknown>> } };
    b.channels.channels = [b.channels.channels[0]!, { id: 'douyin', name: 'Douyin', funnel: { cvr: 0.02, aov: 150 }, tags: [] }];
    (b.channels.channels[0] as { tags: string[] }).tags = ['shelf'];
    b.plan.title = { 'zh-CN': '计划', en: 'Operating plan' };
    const out = diffInputs(check(base), check(b));
    expect(out.map((c) => [c.path, c.kind])).toEqual([
      ['plan.title.en', 'changed'],
      ['channels[tmall].tags', 'changed'],
      ['channels[douyin]', 'added'],
      ['channels[jd]', 'removed'],
    ]);
    expect(out[0]).toMatchObject({ before: 'Plan', after: 'Operating plan' });
    expect(out[1]).toMatchObject({ before: ['shelf', 'core'], after: ['shelf'] });
    expect(out[2]!.after).toMatchObject({ id: 'douyin' });
    expect(out[3]!.before).toMatchObject({ id: 'jd' });
  });

  it('reports a whole file added or removed', () => {
    const b = clone(base) as Partial<typeof base>;
    delete b.marketing;
    const out = diffInputs(check(base), check(b));
    expect(out).toEqual([{ file: 'marketing.yaml', path: 'marketing', kind: 'removed', before: base.marketing }]);
  });

  it('gives the YAML line of each change and file-level changes for chapters', () => {
    const chapter = (text: string) => `---\ntitle: Intro\norder: 0\n---\n\n${text}\n`;
    const org = { teams: [{ id: 'ops', name: 'Ops', mission: 'm', responsibilities: ['r'] }] };
    const a = checkPlanFiles('p', files({ 'plan.yaml': minimalPlan, 'org.yaml': org, 'chapters/00-intro.mdx': chapter('Hello.') }), { compute: false });
    const b = checkPlanFiles('q', files({ 'plan.yaml': { ...minimalPlan, horizon: { start: '2027-01', months: 24 } }, 'org.yaml': org, 'chapters/00-intro.mdx': chapter('Hello again.') }), { compute: false });
    expect(a.diagnostics.filter((d) => d.fatal)).toEqual([]);
    const out = diffInputs(a, b);
    expect(out).toEqual([
      { file: 'plan.yaml', path: 'plan.horizon.months', kind: 'changed', before: 12, after: 24, unit: 'count', delta: 12, deltaPct: 1, line: 10 },
      { file: 'chapters/00-intro.mdx', path: 'chapters/00-intro.mdx', kind: 'changed' },
    ]);
  });
});

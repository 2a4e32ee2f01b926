import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { files, minimalPlan } from '../helpers/plan.ts';

const org = { teams: [{ id: 'ops', name: 'Ops', mission: 'm', responsibilities: ['r'] }] };
const run = (entries: Record<string, unknown>) => checkPlanFiles('p', files({ 'plan.yaml': minimalPlan, 'org.yaml': org, ...entries }));
const summary = (entries: Record<string, unknown>) => run(entries).diagnostics.map((d) => `${d.code} ${d.file}:${d.startLine} ${d.reason}`);

describe('schema diagnostics in plain words', () => {
  it('suggests the closest key for an unknown one and points at the key', () => {
    const text = 'targets:\n  - id: gmv\n    metric: gmv\n    name: GMV\n    value: 100\n    deadline: 2027-12\n    owenr: ops\n';
    const out = run({ 'targets.yaml': text }).diagnostics;
    expect(out.map((d) => [d.code, d.startLine, d.startColumn])).toContainEqual(['schema-unknown-key', 7, 5]);
    expect(out.find((d) => d.code === 'schema-unknown-key')!.reason).toBe('Unknown key "owenr" in targets[0]. Did you mean "owner"?');
    expect(out.find((d) => d.code === 'schema-required')!.reason).toMatch(/^targets\[0\] is missing the required field "owner"/);
  });

  it('explains a percentage written for a rate', () => {
    const channels = { channels: [{ id: 'tmall', name: 'T', platform: 'tmall', model: 'marketplace', funnel: { visitors: 1, cvr: 3.5, aov: 100, returnRate: '5%', newCustomerShare: 0.5 }, fees: { commission: 0.02, paymentFee: 0.006 } }] };
    const out = summary({ 'channels.yaml': channels });
    expect(out).toContainEqual(expect.stringMatching(/^schema-rate p\/channels.yaml:\d+ channels\[0\]\.funnel\.cvr must be a rate between 0 and 1, got the number 3\.5\. Did you mean 0\.035 \(3\.5 %\)\?$/));
    expect(out).toContainEqual(expect.stringMatching(/schema-type .*returnRate must be a number, got the text "5%"\. Write rates as decimals/));
  });

  it('lists the allowed values of an enum with a suggestion', () => {
    const out = summary({ 'targets.yaml': { targets: [{ id: 'g', metric: 'gvm', name: 'G', value: 1, deadline: '2027-12', owner: 'ops' }] } });
    expect(out.find((l) => l.startsWith('schema-enum'))).toMatch(/must be one of "gmv", "revenue".*got the text "gvm"\. Did you mean "gmv"\?/);
  });
});

describe('semantic checks', () => {
  const target = (over: Record<string, unknown> = {}) => ({ id: 'gmv', metric: 'gmv', name: 'GMV', value: 1000, deadline: '2027-12', owner: 'ops', ...over });

  it('resolves references and suggests the nearest id', () => {
    const out = summary({ 'targets.yaml': { targets: [target({ owner: 'opps' })] } });
    expect(out).toEqual(['ref-unresolved p/targets.yaml:7 "opps" is not a team in org.yaml. Did you mean "ops"?']);
  });

  it('says when the referenced file is missing altogether', () => {
    const out = checkPlanFiles('p', files({ 'plan.yaml': minimalPlan, 'targets.yaml': { targets: [target()] } })).diagnostics;
    expect(out.map((d) => d.reason)).toEqual(['"ops" refers to a team, but the plan has no org.yaml.']);
  });

  it('checks that seasonality shares add up to 100 % and cover every month', () => {
    const shares = { '2027-01': 0.5, '2027-02': 0.4 };
    const out = summary({ 'targets.yaml': { seasonality: [{ id: 's', name: 'S', shares }], targets: [target({ seasonality: 's' })] } });
    expect(out).toContainEqual(expect.stringMatching(/^share-sum .*add up to 90 %, expected 100 %\.$/));
    expect(out).toContainEqual(expect.stringMatching(/^seasonality-months .*has no share for 2027-03, 2027-04/));
  });

  it('keeps months inside the horizon', () => {
    expect(summary({ 'targets.yaml': { targets: [target({ deadline: '2028-06' })] } })).toEqual(['month-out-of-horizon p/targets.yaml:6 2028-06 is outside the plan horizon (2027-01 … 2027-12).']);
  });

  it('finds cycles and unknown names in KPI formulas', () => {
    const kpi = (id: string, formula?: string) => ({ id, name: id, category: 'finance', dimension: 'goods', definition: 'd', unit: 'yuan', owner: 'ops', source: 's', frequency: 'monthly', direction: 'higher-better', ...(formula ? { formula } : {}) });
    const out = summary({ 'kpis.yaml': { kpis: [kpi('gmv', 'orders * aov'), kpi('orders', 'gmv / aov'), kpi('aov'), kpi('roas', 'gmv / spend')] } });
    expect(out).toContainEqual(expect.stringMatching(/^kpi-cycle .*gmv → orders → gmv\.$/));
    expect(out).toContainEqual(expect.stringMatching(/^kpi-formula-unknown .*"spend", which is not a KPI\./));
  });

  it('warns about Advertising Law terms in copy only, and honours allowed terms', () => {
    const strategy = (statement: string) => ({ valueProposition: { statement }, pest: [{ id: 'p', dimension: 'political', factor: '最新政策', impact: 'mixed' }] });
    const warned = run({ 'strategy.yaml': strategy('全网第一的好茶') });
    expect(warned.diagnostics.map((d) => [d.code, d.severity, d.reason])).toEqual([['ad-law-term', 'warning', 'Marketing copy uses "全网第一", which China\'s Advertising Law forbids as an absolute claim.']]);
    expect(warned.result).toBeDefined(); // warnings do not stop the build
    const allowed = checkPlanFiles('p', files({ 'plan.yaml': { ...minimalPlan, advertisingLaw: { allowedTerms: ['全网第一', '第一'] } }, 'org.yaml': org, 'strategy.yaml': strategy('全网第一的好茶') }));
    expect(allowed.diagnostics).toEqual([]);
  });

  it('warns about script markup in any text', () => {
    const out = run({ 'org.yaml': { teams: [{ id: 'ops', name: '<script>alert(1)</script>', mission: 'm', responsibilities: ['r'] }] } }).diagnostics;
    expect(out.map((d) => [d.code, d.severity, d.startLine])).toEqual([['text-markup', 'warning', 3]]);
  });

  it('checks MDX citations against KPIs, and against computed values once the plan computes', () => {
    const chapter = (body: string) => `---\ntitle: A\norder: 1\n---\n\n${body}\n`;
    expect(summary({ 'targets.yaml': { targets: [target()] }, 'chapters/a.mdx': chapter(':kpi[gmv]') })).toEqual(['mdx-unknown-kpi p/chapters/a.mdx:6 :kpi[gmv] names no KPI in kpis.yaml.']);
    expect(summary({ 'targets.yaml': { targets: [target()] }, 'chapters/a.mdx': chapter('Total :value[targets.gmv.valu].') })).toEqual(['mdx-unknown-value p/chapters/a.mdx:6 :value[targets.gmv.valu] names no computed value. Did you mean "targets.gmv.value"?']);
    expect(summary({ 'targets.yaml': { targets: [target()] }, 'chapters/a.mdx': chapter('Total :value[targets.gmv.monthly].') })).toEqual(['mdx-unknown-value p/chapters/a.mdx:6 :value[targets.gmv.monthly] names a group of values, not one number. Add one of its keys, e.g. :value[targets.gmv.monthly.2027-01].']);
  });

  it('produces no input and no result when any error exists', () => {
    const out = run({ 'targets.yaml': stringify({ targets: [target({ owner: 'nobody' })] }) });
    expect(out.input).toBeUndefined();
    expect(out.result).toBeUndefined();
  });
});

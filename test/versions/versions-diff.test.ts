// `shopplan diff` on a real git repository with two tagged versions (see repo.ts), on two plan folders,
// and on bad input: exact deltas, Markdown summary first, exit codes and messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { shopplan, ROOT } from '../helpers/cli.ts';
import { BUDGET_AFTER, BUDGET_BEFORE, editAfter, GMV_AFTER, GMV_BEFORE, makeVersionRepo } from './repo.ts';
import type { PlanDiff } from '../../src/versions/diff.ts';
import { formatDiff } from '../../src/versions/format-diff.ts';

let tmp: string;
let repo: string;
/** The JSON diff v2027.1 → v2027.2 from the first test. */
let tagDiff: PlanDiff;
beforeAll(() => ({ tmp, repo } = makeVersionRepo()));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const D_GMV = GMV_AFTER - GMV_BEFORE; // +10,000,000
const D_BUDGET = BUDGET_AFTER - BUDGET_BEFORE; // −1,000,000
// Incentives (org.yaml) follow attainment: projected GMV ¥153.3 m is 102.2 % of the ¥150 m target but 95.8 % of
// ¥160 m, so the GMV bonus drops a step (share 1.0 → 0.5 of ¥800,000: ¥800,000 → ¥400,000); operating profit stays
// under 90 % of its ¥6 m target on both sides even with the ¥1 m marketing cut, so the profit share stays ¥0.
const D_INCENTIVES = -400_000;
const D_PROFIT = -D_BUDGET - D_INCENTIVES; // +1,400,000

function expectTheDeltas(diff: PlanDiff) {
  expect(diff.summary).toEqual({ inputChanges: 2, added: 0, removed: 0, changed: 2, files: ['targets.yaml', 'marketing.yaml'] });
  expect(diff.inputs).toEqual([
    { file: 'targets.yaml', path: 'targets[gmv].value', kind: 'changed', before: GMV_BEFORE, after: GMV_AFTER, unit: 'money', delta: D_GMV, deltaPct: expect.closeTo(D_GMV / GMV_BEFORE, 10), line: expect.any(Number) },
    { file: 'marketing.yaml', path: 'marketing.channels[qianchuan].budget.total', kind: 'changed', before: BUDGET_BEFORE, after: BUDGET_AFTER, unit: 'money', delta: D_BUDGET, deltaPct: expect.closeTo(D_BUDGET / BUDGET_BEFORE, 10), line: expect.any(Number) },
  ]);
  const o = diff.outputs;
  const headline = Object.fromEntries(o.headline.map((r) => [r.key, r]));
  expect(headline['targets.gmv']).toMatchObject({ before: GMV_BEFORE, after: GMV_AFTER, delta: D_GMV });
  // The budget is spend, not traffic the funnel counts: GMV and revenue stay, the P&L marketing line
  // falls by the cut and operating profit rises by as much, plus the incentives that moved with attainment.
  expect(headline['pnl.gmv']!.delta).toBe(0);
  expect(headline['pnl.netRevenue']!.delta).toBe(0);
  expect(headline['pnl.marketing']!.delta).toBe(D_BUDGET);
  expect(headline['pnl.operatingProfit']!.delta).toBe(D_PROFIT);
  const pnl = Object.fromEntries(o.pnl.map((r) => [r.key, r.delta]));
  expect(pnl).toEqual({ 'pnl.marketing': D_BUDGET, 'pnl.incentives': D_INCENTIVES, 'pnl.operatingExpenses': D_BUDGET + D_INCENTIVES, 'pnl.operatingProfit': D_PROFIT });
  expect(o.quarters.filter((r) => r.key === 'pnl.operatingProfit').reduce((s, r) => s + r.delta!, 0)).toBeCloseTo(D_PROFIT, 2);
  expect(o.quarters.filter((r) => r.key === 'pnl.gmv')).toEqual([]);
  const gmvTarget = o.targets.find((t) => t.id === 'gmv')!;
  expect(gmvTarget.value).toEqual({ before: GMV_BEFORE, after: GMV_AFTER, delta: D_GMV, deltaPct: expect.closeTo(1 / 15, 10) });
  expect(gmvTarget.projection!.delta).toBe(0);
  expect(o.targets.find((t) => t.id === 'operating-profit')!.projection!.delta).toBe(D_PROFIT);
  // November carries 15.5 % of the GMV target (tea-gmv seasonality).
  expect(o.months.find((r) => r.key === 'targets.gmv' && r.period === '2027-11')).toMatchObject({ before: 23_250_000, after: 24_800_000, delta: 1_550_000 });
  expect(o.kpis.find((r) => r.key === 'kpis.marketing_spend')).toMatchObject({ delta: D_BUDGET });
}

describe('shopplan diff between two tags', () => {
  it('prints JSON with the changed inputs by plan path and what they do to the outputs', () => {
    const r = shopplan(['diff', 'v2027.1', 'v2027.2', '--format', 'json'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    const diff = (tagDiff = JSON.parse(r.stdout) as PlanDiff);
    expect(diff.from).toMatchObject({ label: 'v2027.1', kind: 'ref', plan: 'content', commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expectTheDeltas(diff);
  });

  it('prints Markdown for a pull-request comment: the summary first, details folded', () => {
    const r = shopplan(['diff', 'v2027.1', 'v2027.2', '--format', 'markdown'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    expect(md.startsWith('### Plan diff: `v2027.1` → `v2027.2`\n\n**2 input changes in 2 files (2 changed).** GMV target +¥10,000,000 (+6.7 %), Marketing -¥1,000,000')).toBe(true);
    expect(md).toMatch(/^\| \*\*Operating profit\*\* \| ¥[\d,.]+ \| ¥[\d,.]+ \| \+¥1,400,000 \| \+[\d.]+ % \|$/m);
    expect(md).toMatch(/^\| `marketing\.yaml:\d+` \| `marketing\.channels\[qianchuan\]\.budget\.total` \| ¥8,800,000 \| ¥7,800,000 \| -¥1,000,000 \| -11\.4 % \|$/m);
    expect(md.indexOf('| **Operating profit** |')).toBeLessThan(md.indexOf('<details>'));
    expect(md).toContain('<details><summary>Inputs changed (2)</summary>');
  });

  it('formats the same diff as text for a terminal', () => {
    const text = formatDiff(tagDiff, 'text');
    expect(text.split('\n').slice(0, 3)).toEqual(['Plan diff: v2027.1 → v2027.2', '2 input changes in 2 files (2 changed).', expect.stringMatching(/^GMV target \+¥10,000,000 \(\+6\.7 %\), Marketing -¥1,000,000 \(-3\.8 %\), Operating profit \+¥1,400,000 \(\+[\d.]+ %\)\.$/)]);
    expect(text).toMatch(/marketing\.yaml:\d+ +marketing\.channels\[qianchuan\]\.budget\.total +¥8,800,000 +¥7,800,000 +-¥1,000,000 +-11\.4 %/);
  });
});

describe('shopplan diff between two plan folders', () => {
  it('gives the same deltas outside any git repository', () => {
    const a = join(tmp, 'plan-a');
    const b = join(tmp, 'plan-b');
    cpSync(join(ROOT, 'content'), a, { recursive: true });
    cpSync(join(repo, 'content'), b, { recursive: true });
    const r = shopplan(['diff', 'plan-a', 'plan-b', '--format', 'json'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const diff = JSON.parse(r.stdout) as PlanDiff;
    expect(diff.from).toEqual({ label: 'plan-a', kind: 'folder', plan: 'plan-a' });
    expectTheDeltas(diff);
  });
});

describe('shopplan diff on bad input', () => {
  it('refuses an unknown ref with exit 2 and says which refs exist', () => {
    const r = shopplan(['diff', 'v9', 'v2027.1'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown git ref "v9"');
    expect(r.stderr).toContain('Tags: v2027.1, v2027.2.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(shopplan(['diff', 'v2027.3', 'v2027.1'], { cwd: repo }).stderr).toContain('Did you mean "v2027.1"?');
  });

  it('refuses a plan folder that does not exist at the ref with exit 2', () => {
    const r = shopplan(['diff', 'v2027.1', 'v2027.2', '--plan', 'plans/nope'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plans/nope/ does not exist at v2027.1');
  });

  it('outside a git repository, names that are not folders are an error: exit 2, "not a git repository"', () => {
    const r = shopplan(['diff', 'v1', 'v2'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"v1" is neither a plan folder nor a git ref: .* is not a git repository/);
  });

  it('exits 1 with the diagnostics of a side whose plan is invalid, naming it', () => {
    const bad = join(tmp, 'plan-bad');
    cpSync(join(ROOT, 'content'), bad, { recursive: true });
    editAfter(join(bad, 'targets.yaml'), /^ {2}- id: gmv$/, /^ {4}owner: /, (l) => l.replace(/owner: .*/, 'owner: nobody'));
    const r = shopplan(['diff', 'plan-bad', 'plan-a'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('plan-bad/targets.yaml:');
    expect(r.stderr).toContain('ref-unresolved');
    expect(r.stderr).toContain('The plan at plan-bad has 1 error.');
  });

  it('exits 2 on usage errors', () => {
    for (const args of [['diff', 'v2027.1'], ['diff', 'v2027.1', 'v2027.2', '--format', 'xml']]) expect(shopplan(args, { cwd: repo }).code, args.join(' ')).toBe(2);
  });
});

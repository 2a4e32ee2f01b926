// What it would take, on whole plans: the example (content/), the blank seed with a sales channel, and a
// generated plan (scripts/gen-large-plan.ts). Every change the engine proposes for a missed target, applied
// to the plan alone and recomputed from scratch (no cache), meets the target; half of it does not (the change
// is the smallest, the search did not overshoot); and every target is judged.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compute, computeCore } from '../../src/engine/compute.ts';
import { applyDriver } from '../../src/engine/what-it-takes.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import type { DriverChange } from '../../src/model/result/target-verdicts.ts';
import { generateLargePlan } from '../../scripts/gen-large-plan.ts';
import { parse } from 'yaml';
import { files, folderFiles } from '../helpers/plan.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function load(dir: string, extra: Record<string, unknown> = {}): PlanInput {
  const check = checkPlanFiles(dir, [...folderFiles(dir).filter((f) => !(f.name in extra)), ...files(extra)], { compute: false });
  expect(check.diagnostics.filter((d) => d.fatal)).toEqual([]);
  return check.input!;
}

/** The blank seed with one sales channel that falls short of its ¥10 m GMV target: 12 × 100,000 × 2 % × ¥300 = ¥7.2 m. */
function blankWithChannel(): PlanInput {
  const dir = join(root, 'seeds/blank');
  const org = parse(readFileSync(join(dir, 'org.yaml'), 'utf8')) as { teams: Array<{ id: string }> };
  const owner = org.teams[0]!.id;
  return load(dir, {
    'channels.yaml': {
      channels: [{ id: 'tmall', name: 'Tmall', platform: 'tmall', model: 'marketplace', funnel: { visitors: 100_000, cvr: 0.02, aov: 300, returnRate: 0.05, newCustomerShare: 0.5 }, fees: { commission: 0.02, paymentFee: 0.006 }, owner }],
    },
  });
}

function generated(): PlanInput {
  const dir = mkdtempSync(join(tmpdir(), 'shopplan-wit-'));
  try {
    generateLargePlan(dir, { skus: 40, channels: 6, months: 12 });
    // Ask for more than the generated plan projects, so that every target has something to close.
    const input = load(dir);
    return { ...input, targets: { ...input.targets, targets: input.targets!.targets!.map((t) => ({ ...t, value: t.value * 1.3 })) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PLANS: Array<[string, () => PlanInput]> = [
  ['the example plan', () => load(join(root, 'content'))],
  ['the blank seed with a sales channel', blankWithChannel],
  ['a generated plan, targets raised by 30 %', generated],
];

describe.each(PLANS)('%s', (_, make) => {
  const input = make();
  const result = compute(input);
  const verdicts = Object.values(result.verdicts);
  const cases = verdicts.flatMap((v) => v.toClose.filter((d) => d.factor !== null).map((d) => ({ v, d })));
  const projectionWith = (d: DriverChange, factor: number, targetId: string) => computeCore(applyDriver(input, d.driver, factor, d.channel), {}).verdicts[targetId]!.overall.projection!;

  it('judges every target, and asks what it would take exactly for those judged amber or red', () => {
    expect(Object.keys(result.verdicts)).toEqual(Object.keys(result.targets));
    for (const v of verdicts) {
      const missed = v.overall.status === 'amber' || v.overall.status === 'red';
      expect(v.toClose.length > 0, v.targetId).toBe(missed);
    }
    expect(cases.length).toBeGreaterThan(0);
  });

  it('each proposed change, applied alone and recomputed without the cache, meets the target; half of it does not', () => {
    for (const { v, d } of cases) {
      const label = `${v.targetId}: ${d.driver} ${d.channel ?? ''}`;
      const goal = v.overall.target;
      expect(projectionWith(d, d.factor!, v.targetId), label).toBeGreaterThanOrEqual(goal);
      expect(projectionWith(d, (1 + d.factor!) / 2, v.targetId), label).toBeLessThan(goal);
    }
  });

  it('names a change beyond its plausible limit as implausible, and one within it as plausible', () => {
    for (const { d } of cases) {
      const within = d.factor! >= 1 ? d.to! <= d.limit * (1 + 1e-9) : d.to! >= d.limit * (1 - 1e-9);
      expect(d.plausible, `${d.driver} ${d.from} → ${d.to}, limit ${d.limit}`).toBe(within);
    }
  });
});

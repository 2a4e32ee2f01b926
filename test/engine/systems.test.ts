import { describe, expect, it } from 'vitest';
import { computeSystems } from '../../src/engine/systems.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput, SystemsFile } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

type System = NonNullable<SystemsFile['systems']>[number];
const months = horizonMonths('2027-01', 12);
const system = (id: string, status: System['status'], monthlyCost: number, setupCost: number, goLive?: string): System => ({
  id, kind: 'other', name: id, vendor: 'v', status, setupCost, monthlyCost, owner: 'ops', purpose: 'p', ...(goLive ? { goLive } : {}),
});
const run = (...systems: System[]) => computeSystems({ plan: minimalPlan as PlanInput['plan'], systems: { systems } }, months);
const values = (series: Record<string, number>) => months.map((m) => series[m]);

describe('systems cost', () => {
  it('runs a live system all year; its setup cost is spent already', () => {
    const r = run(system('erp', 'live', 2000, 50_000));
    expect(values(r.items.erp!.cost)).toEqual(Array(12).fill(2000));
    expect(r.items.erp!.total).toBe(24_000); // 12 × 2,000, no setup cost
  });

  it('starts a rollout at its go-live month, with the setup cost in that month', () => {
    const r = run(system('crm', 'rollout', 1500, 30_000, '2027-04'));
    // Jan–Mar 0; April 30,000 + 1,500; May–Dec 1,500
    expect(values(r.items.crm!.cost)).toEqual([0, 0, 0, 31_500, ...Array(8).fill(1500)]);
    expect(r.items.crm!.total).toBe(43_500); // 30,000 + 9 × 1,500
  });

  it('treats a planned system with a go-live month like a rollout', () => {
    const r = run(system('bi', 'planned', 1000, 5000, '2027-12'));
    expect(values(r.items.bi!.cost)).toEqual([...Array(11).fill(0), 6000]);
  });

  it('costs nothing for a planned system without a go-live month', () => {
    const r = run(system('cdp', 'planned', 9000, 90_000));
    expect(values(r.items.cdp!.cost)).toEqual(Array(12).fill(0));
    expect(r.items.cdp!.total).toBe(0);
  });

  it('runs a system being retired until its switch-off month, never charging its setup cost', () => {
    const r = run(system('old', 'retire', 1000, 7777, '2027-07'));
    // January–June 1,000; from July 0
    expect(values(r.items.old!.cost)).toEqual([...Array(6).fill(1000), ...Array(6).fill(0)]);
    expect(r.items.old!.total).toBe(6000);
    // without a switch-off month it runs all year
    expect(run(system('old', 'retire', 1000, 7777)).items.old!.total).toBe(12_000);
  });

  it('charges no setup cost for a go-live before the horizon, and nothing for one after it', () => {
    const r = run(system('early', 'rollout', 100, 10_000, '2026-10'), system('late', 'rollout', 100, 10_000, '2028-02'));
    expect(r.items.early!.total).toBe(1200); // 12 × 100
    expect(r.items.late!.total).toBe(0);
  });

  it('adds the systems up month by month', () => {
    const r = run(system('erp', 'live', 2000, 0), system('crm', 'rollout', 1500, 30_000, '2027-04'), system('old', 'retire', 1000, 0, '2027-07'));
    // January 2,000 + 0 + 1,000; April 2,000 + 31,500 + 1,000; December 2,000 + 1,500 + 0
    expect(r.cost['2027-01']).toBe(3000);
    expect(r.cost['2027-04']).toBe(34_500);
    expect(r.cost['2027-12']).toBe(3500);
    expect(Object.keys(r.cost)).toEqual(months);
  });
});

// Schema migrations of old plans, and CODEOWNERS from the example plan's owners.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { migratePlan, SCHEMA_VERSION } from '../../src/load/migrate.ts';
import { snapshotOf } from '../../src/versions/snapshot.ts';
import { codeowners } from '../../src/versions/codeowners.ts';
import { checkPlanFiles, checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { parse } from 'yaml';
import { files, minimalPlan } from '../helpers/plan.ts';
import { ROOT } from '../helpers/cli.ts';

const text = (f: { bytes: Uint8Array }) => new TextDecoder().decode(f.bytes);

describe('migratePlan', () => {
  it('leaves a current plan alone', () => {
    const plan = files({ 'plan.yaml': minimalPlan });
    expect(migratePlan('p', plan)).toEqual({ files: plan, from: SCHEMA_VERSION, applied: [], diagnostics: [] });
  });

  it('runs the registered steps from the plan’s version to the current one, in order', () => {
    const plan = files({ 'plan.yaml': 'schemaVersion: 1\nid: x\n' });
    const step = (n: number) => (fs: readonly { name: string; bytes: Uint8Array }[]) => fs.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(text(f).replace(`schemaVersion: ${n}`, `schemaVersion: ${n + 1}`) + `# step ${n}\n`) }));
    const out = migratePlan('p', plan, { target: 3, migrations: { 1: step(1), 2: step(2) } });
    expect(out.applied).toEqual([1, 2]);
    expect(text(out.files[0]!)).toBe('schemaVersion: 3\nid: x\n# step 1\n# step 2\n');
  });

  it('says clearly when a plan is newer than this ShopPlan, at the schemaVersion line, and a version has no migration', () => {
    const newer = migratePlan('v2030.1:content', files({ 'plan.yaml': '# a plan\nschemaVersion: 3\nid: x\n' }));
    expect(newer.diagnostics.map((d) => [d.code, d.file, d.startLine])).toEqual([['schema-const', 'v2030.1:content/plan.yaml', 2]]);
    expect(newer.diagnostics[0]!.message).toMatch(/written for schemaVersion 3, but this ShopPlan reads schemaVersion 2 and older/);
    const gap = migratePlan('p', files({ 'plan.yaml': 'schemaVersion: 1\n' }), { target: 2, migrations: {} });
    expect(gap.diagnostics[0]!.message).toMatch(/no migration from version 1/);
  });

  it('brings a version-1 plan to version 2 by its schemaVersion line alone, keeping every other byte and line', () => {
    const v1 = '# 计划\nschemaVersion: 1   # the model it was written for\nid: x\ntitle: "schemaVersion: 1"\n';
    const out = migratePlan('p', files({ 'plan.yaml': v1, 'channels.yaml': 'channels: []\n' }));
    expect(out.applied).toEqual([1]);
    expect(text(out.files[0]!)).toBe('# 计划\nschemaVersion: 2   # the model it was written for\nid: x\ntitle: "schemaVersion: 1"\n');
    expect(text(out.files[1]!)).toBe('channels: []\n');
    // written in a form the line pattern does not know (flow mapping): re-serialised with the new version
    const flow = migratePlan('p', files({ 'plan.yaml': '{schemaVersion: 1, id: x}\n' }));
    expect(parse(text(flow.files[0]!))).toEqual({ schemaVersion: 2, id: 'x' });
  });

  it('checks a plan written for version 1 as today’s plan (the pipeline migrates it first)', () => {
    const check = checkPlanFiles('p', files({ 'plan.yaml': { ...minimalPlan, schemaVersion: 1 } }));
    expect(check.diagnostics.filter((d) => d.fatal)).toEqual([]);
    expect(check.result?.meta.planId).toBe('test-plan');
  });

  it('reports the newer schema as the version’s error when checking it', () => {
    const s = snapshotOf('v9', 'v9:content', files({ 'plan.yaml': { ...minimalPlan, schemaVersion: 3 } }));
    expect(s.check.diagnostics.map((d) => d.code)).toEqual(['schema-const']);
  });
});

describe('codeowners', () => {
  it('gives each plan file to the team that signs it off, else to its most frequent owner, else to preparedBy', async () => {
    const check = await checkPlanFolder(join(ROOT, 'content'), { compute: false });
    const out = codeowners(check.input!, check.sources!, 'content');
    const owner = (pattern: string) => out.entries.filter((e) => e.pattern === pattern).map((e) => e.handle);
    expect(owner('/content/')).toEqual(['@shanlan-tea/management']);
    expect(owner('/content/plan.yaml')).toEqual(['@shanlan-tea/management']);
    expect(owner('/content/targets.yaml')).toEqual(['@shanlan-tea/finance']);
    expect(owner('/content/scenarios.yaml')).toEqual(['@shanlan-tea/finance']);
    expect(owner('/content/supply.yaml')).toEqual(['@shanlan-tea/supply-chain']);
    expect(owner('/content/channels.yaml')).toEqual(['@shanlan-tea/ecommerce-ops']);
    expect(out.notes).toEqual([]);
    expect(out.text).toContain('\n/content/targets.yaml @shanlan-tea/finance\n');
    // the folder default comes first: GitHub uses the last matching line
    expect(out.text.indexOf('/content/ @')).toBeLessThan(out.text.indexOf('/content/plan.yaml'));
  });
});

// An up-to-date build does nothing (src/build/up-to-date.ts): with fake effects, a build whose inputs'
// key is the one recorded for the output in place checks, builds, prints and moves nothing, and reports
// the diagnostics the build that made the output found; any other key builds and records the new one —
// only once the output is complete. Then as a user runs it: the second `shopplan build` of an unchanged
// plan is up to date with the same report, and an edit to a plan file, an order file or an option builds.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPlanSite } from '../../src/build/build-site.ts';
import type { BuildEffects, BuildStamp, UpToDate } from '../../src/build/effects.ts';
import { ROOT, shopplan } from '../helpers/cli.ts';

const PLAN = join(ROOT, 'content');
const out = resolve('/virtual/dist');

function fake(options: { key: string | null; stamp?: BuildStamp; printFails?: boolean; hasOutput?: boolean }) {
  const calls: string[] = [];
  const written: BuildStamp[] = [];
  const upToDate: UpToDate = {
    inputs: async () => (options.key === null ? null : { key: options.key, files: [{ name: 'plan.yaml', bytes: new TextEncoder().encode('a: 1\nb: 2\n') }] }),
    read: async () => (options.hasOutput ?? true ? options.stamp ?? null : null),
    write: async (_out, stamp) => void written.push(stamp),
  };
  const effects: BuildEffects = {
    log: (m) => calls.push(`log ${m}`),
    buildSite: async () => void calls.push('buildSite'),
    indexSite: async () => (calls.push('indexSite'), { pages: 1 }),
    writeFile: async () => void calls.push('writeFile'),
    staging: async () => resolve('/virtual/staging'),
    replace: async (from, to) => void calls.push(`replace ${from} → ${to}`),
    discard: async () => void calls.push('discard'),
    findChromium: () => '/usr/bin/chromium',
    printPdfs: async (siteDir) => {
      calls.push('printPdfs');
      if (options.printFails) throw new Error('Chromium crashed');
      return [{ locale: 'zh-CN', kind: 'plan', file: join(siteDir, 'pdf', 'plan.zh-CN.pdf'), pages: 3, bytes: 4 }];
    },
    upToDate,
  };
  return { effects, calls, written };
}

const recorded: BuildStamp = {
  key: 'k1',
  diagnostics: [{ severity: 'warning', code: 'ad-law-term', message: 'Marketing copy uses "顶级".', file: 'content/plan.yaml', line: 2, column: 1, endLine: 2, endColumn: 5, path: 'a', hint: 'Rephrase.' }],
  pdfs: [{ locale: 'zh-CN', kind: 'plan', file: 'pdf/plan.zh-CN.pdf', pages: 3, bytes: 4 }],
};

describe('buildPlanSite with an up-to-date output', () => {
  it('does nothing when the key is the recorded one, and reports the recorded diagnostics with their source', async () => {
    const { effects, calls, written } = fake({ key: 'k1', stamp: recorded });
    const outcome = await buildPlanSite(PLAN, out, effects);
    expect(outcome.upToDate).toBe(true);
    expect(outcome.built).toBe(true);
    expect(calls.filter((c) => !c.startsWith('log '))).toEqual([]);
    expect(written).toEqual([]);
    expect(outcome.check.diagnostics.map((d) => [d.code, d.severity, d.file, d.startLine, d.startColumn, d.path, d.hint, d.reason])).toEqual([['ad-law-term', 'warning', 'content/plan.yaml', 2, 1, 'a', 'Rephrase.', 'Marketing copy uses "顶级".']]);
    expect(outcome.sourceOf?.(`${PLAN}/plan.yaml`.replace(/\\/g, '/'))).toBe('a: 1\nb: 2\n');
    expect(outcome.pdfs.map((f) => f.file)).toEqual([join(out, 'pdf', 'plan.zh-CN.pdf')]);
  });

  it('builds when the key differs, when the output is gone, or when the inputs cannot be told, and records the new key', async () => {
    for (const [what, options] of [
      ['another key', { key: 'k2', stamp: recorded }],
      ['no output', { key: 'k1', stamp: recorded, hasOutput: false }],
      ['no stamp', { key: 'k1' }],
    ] as const) {
      const { effects, calls, written } = fake(options);
      const outcome = await buildPlanSite(PLAN, out, effects);
      expect(outcome.upToDate, what).toBe(false);
      expect(calls, what).toContain('buildSite');
      expect(calls, what).toContain('printPdfs');
      expect(written.map((s) => s.key), what).toEqual([options.key]);
      expect(written[0]!.pdfs.map((f) => f.file), what).toEqual(['pdf/plan.zh-CN.pdf']);
      expect(written[0]!.diagnostics.map((d) => d.code), what).toEqual(outcome.check.diagnostics.map((d) => d.code));
    }
    const unknown = fake({ key: null, stamp: recorded });
    expect((await buildPlanSite(PLAN, out, unknown.effects)).upToDate).toBe(false);
    expect(unknown.written).toEqual([]);
  }, 180_000);

  it('records nothing when the build fails', async () => {
    const { effects, written } = fake({ key: 'k2', stamp: recorded, printFails: true });
    await expect(buildPlanSite(PLAN, out, effects)).rejects.toThrow('Chromium crashed');
    expect(written).toEqual([]);
  }, 60_000);
});

describe('shopplan build twice', () => {
  const work = mkdtempSync(join(tmpdir(), 'shopplan-up-to-date-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const plan = join(work, 'plan');
  const dist = join(work, 'dist');
  cpSync(join(ROOT, 'seeds/blank'), plan, { recursive: true });
  // A cache of its own: a site of the blank seed that another test built would make the first build a reuse.
  const env = { SHOPPLAN_CACHE_DIR: join(work, 'cache') };
  const build = (...extra: string[]) => shopplan(['build', plan, '--out', dist, '--no-pdf', '--versions', 'none', ...extra], { cwd: work, env });
  const report = (stderr: string) => stderr.split('\n').filter((l) => !/…$|^Indexed|^Built|up to date/.test(l)).join('\n');

  it('is up to date the second time, with the same report; an edit, a new order file or another option builds again', () => {
    const first = build();
    expect(first.code, first.stderr).toBe(0);
    const second = build();
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`${dist} is up to date`);
    expect(second.stderr).not.toContain('Checking the plan');
    expect(report(second.stderr)).toBe(report(first.stderr));

    appendFileSync(join(plan, 'plan.yaml'), '\n# an edit\n');
    expect(build().stderr).toContain('Checking the plan');
    expect(build().stderr).toContain('is up to date');

    writeFileSync(join(plan, 'orders.csv'), 'order_id\n1\n');
    expect(build().stderr).toContain('Checking the plan');
    expect(build('--base', '/plan/').stderr).toContain('Checking the plan');
    expect(build('--no-cache').stderr).toContain('Checking the plan');
    rmSync(join(dist, 'index.html'));
    expect(build('--base', '/plan/').stderr).toContain('Checking the plan');
  }, 300_000);
});

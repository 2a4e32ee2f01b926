// Plausibility findings through the pipeline: each implausible input of issue #12 (six from a new user's plan, six
// the example plan once had) is an `out-of-range` warning at the line of the input that drives it; accepted findings
// are notes with their reason; the plan's own range is used; the example plan has no unexplained finding.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { checkPlanFiles, type PlanCheck } from '../../src/pipeline/check-plan.ts';
import type { RawFile } from '../../src/load/load-plan.ts';
import { resolvePlanPath } from '../../src/model/plan-path.ts';
import type { PathSegment } from '../../src/model/data-path.ts';
import type { FindingOf } from '../../src/model/findings.ts';
import { BASE_DIR } from '../fixture-cases.ts';
import { folderFiles } from '../helpers/plan.ts';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A plan folder's files with some YAML values set at plan paths (`channels.douyin.funnel.cvr`), comments kept. */
function withValues(files: RawFile[], values: Record<string, number>): RawFile[] {
  const input = Object.fromEntries(files.filter((f) => f.name.endsWith('.yaml')).map((f) => [f.name.replace(/\.yaml$/, ''), parseDocument(decoder.decode(f.bytes)).toJS()]));
  const docs = new Map<string, ReturnType<typeof parseDocument>>();
  for (const [path, value] of Object.entries(values)) {
    const resolved = resolvePlanPath(input, path);
    if (!resolved) throw new Error(`no ${path} in the plan`);
    const [file, ...segments] = resolved.segments;
    const name = `${file}.yaml`;
    const doc = docs.get(name) ?? parseDocument(decoder.decode(files.find((f) => f.name === name)!.bytes));
    doc.setIn(segments, value);
    docs.set(name, doc);
  }
  return files.map((f) => (docs.has(f.name) ? { name: f.name, bytes: encoder.encode(String(docs.get(f.name))) } : f));
}

/** The 1-based line of a scalar value, or of the key of a list or mapping, in a YAML text. */
function lineOf(files: RawFile[], name: string, segments: PathSegment[]): number {
  const counter = new LineCounter();
  const doc = parseDocument(decoder.decode(files.find((f) => f.name === name)!.bytes), { lineCounter: counter });
  const node = doc.getIn(segments, true);
  if (isScalar(node) && node.range) return counter.linePos(node.range[0]).line;
  const parent = doc.getIn(segments.slice(0, -1), true);
  const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === segments.at(-1)) : undefined;
  if (!pair || !isScalar(pair.key) || !pair.key.range) throw new Error(`no ${segments.join('.')} in ${name}`);
  return counter.linePos(pair.key.range[0]).line;
}

const outOfRange = (c: PlanCheck) => c.diagnostics.filter((d) => d.code === 'out-of-range');
const overlay = (dir: string, over: string) => {
  const extra = folderFiles(over).filter((f) => f.name.endsWith('.yaml'));
  return [...folderFiles(dir).filter((f) => !extra.some((e) => e.name === f.name)), ...extra];
};

describe('the implausible inputs of issue #12 are found at their lines', () => {
  const newUser = overlay(BASE_DIR, 'test/fixtures/invalid/implausible-new-user');
  const newUserCheck = checkPlanFiles('plan', newUser);
  it.each([
    // what, file, path in the file, metric (in the message)
    ['Douyin CVR 40 %', 'channels.yaml', ['channels', 1, 'funnel', 'cvr'], 'conversion rate'],
    ['returns 1 %', 'channels.yaml', ['channels', 0, 'funnel', 'returnRate'], 'return rate'],
    ['+50 % traffic every month', 'channels.yaml', ['channels', 0, 'funnel', 'growth'], 'traffic growth'],
    ['commission 0', 'channels.yaml', ['channels', 0, 'fees', 'commission'], 'commission'],
    ['repurchase 90 %', 'users.yaml', ['lifecycle', 'stages', 2, 'rate'], 'repurchase rate'],
    ['CPC ¥0.01 (ROAS)', 'marketing.yaml', ['channels', 0, 'pricing', 'cpc'], 'ROAS'],
  ] as const)('new user: %s', (_what, file, segments, metric) => {
    const line = lineOf(newUser, file, [...segments]);
    const at = outOfRange(newUserCheck).filter((d) => d.file === `plan/${file}` && d.startLine === line);
    expect(at.map((d) => d.severity)).toContain('warning');
    expect(at.some((d) => d.reason.includes(metric))).toBe(true);
  });

  const example = folderFiles('content');
  it.each([
    // what, the value set, file, path in the file, metric
    ['mini-program CVR 4.5 %', { 'channels.mini-program.funnel.cvr': 0.045 }, 'channels.yaml', 'channels.mini-program.funnel.cvr', 'cvr'],
    ['WeCom push conversion 0.8 %', { 'marketing.privateDomain.pushCvr': 0.008 }, 'marketing.yaml', 'marketing.privateDomain.pushCvr', 'push-cvr'],
    ['Douyin fees 13.4 % of GMV', { 'channels.douyin.fees.affiliate': 0.08 }, 'channels.yaml', 'channels.douyin.fees.affiliate', 'fee-share'],
    // Festival months are judged on the computed GMV of the channels that follow a profile (promotions included),
    // at the profile's month line. The shelf channels (Tmall, JD, mini-program) follow `tea-traffic`, their
    // everyday traffic; 618 and Singles' Day add their promotions on top.
    // June (judged by the reference row, the plan's own tea range removed): everyday June 0.065 → 0.035 of the
    // year (July takes the rest) halves June's everyday visitors, and the mini-program has no 618: the shelf
    // channels' June GMV falls from 1.30× to about 0.95× an average month, under the reference's 1.3×.
    ['June under 1.3× an average month', { 'targets.seasonality.tea-traffic.shares.2027-06': 0.035, 'targets.seasonality.tea-traffic.shares.2027-07': 0.095 }, 'targets.yaml', 'targets.seasonality.tea-traffic.shares.2027-06', 'june-peak'],
    // October: everyday October 0.075 → 0.045 and November 0.125 → 0.155: the shelf channels' October GMV falls
    // from 1.13× to about 0.7× an average month (under 1.1×) while November rises to about 2.3× (a peak, ≥ 1.5×)
    // — a flat October before Singles' Day.
    ['October flat before a Singles’ Day peak', { 'targets.seasonality.tea-traffic.shares.2027-10': 0.045, 'targets.seasonality.tea-traffic.shares.2027-11': 0.155 }, 'targets.yaml', 'targets.seasonality.tea-traffic.shares.2027-10', 'october-ramp'],
    // Days of inventory come from the stock projection (about 63 days as planned). A holding cost rate typed as
    // 0.05 % instead of 20 % makes every lot √(0.2 ÷ 0.0005) = 20 × the EOQ: about 213 days, over 180.
    ['inventory over 180 days', { 'supply.inventory.holdingCostRate': 0.0005 }, 'supply.yaml', 'supply.inventory', 'inventory-days'],
  ] as const)('example: %s', (_what, values, file, path, metric) => {
    // judged by the reference table: without the plan's own ranges (its June range is its own evidence)
    const files = withValues(example, values).map((f) => (f.name === 'plan.yaml' ? { name: f.name, bytes: encoder.encode(decoder.decode(f.bytes).replace(/\n {2}ranges:\n( {4}.*\n| {6}.*\n)*/, '\n')) } : f));
    const check = checkPlanFiles('content', files);
    const input = Object.fromEntries(files.filter((f) => f.name.endsWith('.yaml')).map((f) => [f.name.replace(/\.yaml$/, ''), parseDocument(decoder.decode(f.bytes)).toJS()]));
    const [, ...segments] = resolvePlanPath(input, path)!.segments;
    const found = check.result!.findings.filter((f): f is FindingOf<'out-of-range'> => f.kind === 'out-of-range' && f.facts.metric === metric);
    expect(found.map((f) => [f.subject.file, f.subject.path])).toContainEqual([file.replace('.yaml', ''), segments]);
    const line = lineOf(files, file, segments);
    expect(check.diagnostics.some((d) => d.code === 'out-of-range' && d.file === `content/${file}` && d.startLine === line)).toBe(true);
  });
});

describe('a plan answers a finding', () => {
  const base = folderFiles(BASE_DIR);
  const text = (name: string) => readFileSync(join(BASE_DIR, name), 'utf8');
  const douyin40 = { name: 'channels.yaml', bytes: encoder.encode(text('channels.yaml').replace('cvr: 0.04', 'cvr: 0.4')) };
  const plan = (extra: string) => ({ name: 'plan.yaml', bytes: encoder.encode(`${text('plan.yaml')}${extra}`) });
  const replace = (...changed: RawFile[]) => base.map((f) => changed.find((c) => c.name === f.name) ?? f);

  it('the base plan has no plausibility finding', () => {
    expect(outOfRange(checkPlanFiles('plan', base))).toEqual([]);
  });

  it('an accepted finding becomes a note with its reason', () => {
    const accepted = `  accepted:\n    - finding: out-of-range\n      path: channels.douyin.funnel.cvr\n      reason: Flash-sale livestreams of our own fans\n`;
    // the base plan.yaml ends with `assumptions: ranges: […]`: the accepted list follows it
    const check = checkPlanFiles('plan', replace(douyin40, plan(accepted)));
    const [d, ...rest] = outOfRange(check);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('info');
    expect(d!.reason).toContain('Flash-sale livestreams of our own fans');
    expect(check.result!.findings.find((f) => f.kind === 'out-of-range')).toMatchObject({ severity: 'info', accepted: { reason: 'Flash-sale livestreams of our own fans' } });
  });

  it('the plan’s own range replaces the table’s row, and its evidence is named', () => {
    const own = `    - metric: cvr\n      platform: douyin\n      low: 0.1\n      high: 0.3\n      evidence: Our 2026 room data\n`;
    const check = checkPlanFiles('plan', replace(douyin40, plan(own)));
    const [d] = outOfRange(check);
    expect(d!.severity).toBe('warning');
    expect(d!.reason).toContain('10');
    expect(d!.reason).toContain('30');
    expect(d!.reason).toContain('Our 2026 room data');
  });
});

// data.yaml through the whole pipeline (checkPlanFolder): validation of the sources, the analysis
// before compute, `seasonality: from-orders`, order actuals on KPIs and risk triggers, the cache, and
// that nothing customer-level reaches the result.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { checkPlanFiles, checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { checkOrderData } from '../../src/data/check-data.ts';
import { folderFiles } from '../helpers/plan.ts';
import { COLUMNS, SMALL_ORDERS } from './helpers.ts';

const BASE = fileURLToPath(new URL('../fixtures/base/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'shopplan-data-plan-'));
const cacheDir = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DATA = {
  sources: [{ id: 'shop', name: 'Store export', path: 'data/orders.csv', channelMap: { jd: 'douyin' }, columns: COLUMNS }],
  actuals: { gmv: 'gmv', orders: 'orders', aov: 'aov' },
};

/** The base fixture plan plus order data; `edit` changes the parsed YAML files before they are written. */
function planFolder(name: string, edit: (files: Record<string, any>) => void = () => {}): string {
  const dir = join(root, name);
  cpSync(BASE, dir, { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  cpSync(SMALL_ORDERS, join(dir, 'data/orders.csv'));
  const files: Record<string, any> = { data: structuredClone(DATA) };
  for (const f of ['targets', 'risks']) files[f] = parse(readFileSync(join(dir, `${f}.yaml`), 'utf8'));
  files.targets.targets[0].seasonality = 'from-orders';
  files.targets.targets[0].baseline = { value: 2500, period: '2026' };
  files.risks.risks[0].trigger.threshold = 130;
  edit(files);
  for (const [f, content] of Object.entries(files)) {
    if (content === undefined) rmSync(join(dir, `${f}.yaml`), { force: true });
    else writeFileSync(join(dir, `${f}.yaml`), stringify(content));
  }
  return dir;
}

const codes = (check: { diagnostics: Array<{ code: string; severity: string }> }) => check.diagnostics.map((d) => `${d.severity}:${d.code}`);

describe('order data in the pipeline', async () => {
  const dir = planFolder('ok', () => {});
  mkdirSync(join(dir, 'actuals'), { recursive: true });
  writeFileSync(join(dir, 'actuals/2027.csv'), 'month,orders\n2027-01,3\n');
  const check = await checkPlanFolder(dir, { data: { cacheDir } });
  const result = check.result!;

  it('validates, analyses and computes with warnings only (partial year, actuals given twice, the risk its actuals trigger)', () => {
    // promotion-below-break-even comes from the base plan itself on the revenue model (as in the fixtures built on it).
    expect(codes(check).sort()).toEqual(['warning:data-actuals-overlap', 'warning:data-partial-year', 'warning:promotion-below-break-even', 'warning:risk-triggered']);
    const partial = check.diagnostics.find((d) => d.code === 'data-partial-year')!;
    expect(partial.reason).toContain('2026-04, 2026-05, 2026-07');
    expect(partial.file).toMatch(/data\.yaml$/);
  });

  it('puts the baseline into PlanResult', () => {
    expect(result.baseline!.totals).toMatchObject({ gmv: 2510, orders: 12, customers: 6, aov: 209.17 });
    expect(result.baseline!.byChannel.douyin!['2026-01']!.gmv).toBe(200); // jd mapped to douyin
    // Published as the path inside the plan folder: plan.json holds no path of the machine that built it.
    expect(result.baseline!.sources[0]!.files[0]!.path).toBe('data/orders.csv');
    expect(result.baseline!.targets).toEqual([{ target: 'gmv', metric: 'gmv', written: 2500, fromOrders: 2510, difference: expect.closeTo(0.004, 10) }]);
  });

  it('spreads a target by `seasonality: from-orders`', () => {
    const monthly = result.targets.gmv!.monthly;
    expect(monthly['2027-11']).toBeCloseTo((10_000_000 * 810) / 2510, 1);
    expect(monthly['2027-04']).toBe(0);
    expect(Object.values(monthly).reduce((a, b) => a + b, 0)).toBeCloseTo(10_000_000, 2);
    expect(result.calendar.seasonality['from-orders']!['2027-06']).toBeCloseTo(620 / 2510, 12);
    expect(result.baseline!.profile!.shares['2027-01']).toBeCloseTo(300 / 2510, 12);
  });

  it('feeds order actuals to KPIs (CSV values win) and risk triggers fire on them', () => {
    expect(result.kpis.gmv!.actual).toEqual({ '2027-01': 270, '2027-02': 120 });
    expect(result.kpis.orders!.actual).toEqual({ '2027-01': 3, '2027-02': 1 });
    expect(result.kpis.aov!.actual).toEqual({ '2027-01': 135, '2027-02': 120 });
    const risk = result.risks.items['traffic-cost-rise']!;
    expect(risk.fired).toContainEqual(expect.objectContaining({ period: '2027-02', basis: 'actual' }));
  });

  it('attaches the segment names and actions of users.yaml', () => {
    const champions = result.baseline!.rfm!.segments.find((s) => s.id === 'champions')!;
    expect(champions).toMatchObject({ customers: 1, revenue: 850, name: 'Champions', action: 'Early access to new teas', tier: 'gold' });
  });

  it('holds no customer or order id anywhere in the result', () => {
    const json = JSON.stringify(result);
    for (const id of ['cust-a', 'cust-d', 'cust-g', '"O01"', 'O07', 'O15']) expect(json).not.toContain(id);
  });

  it('takes an unchanged analysis from the cache', async () => {
    const again = await checkOrderData(check.sources!, check.input!, { cacheDir });
    expect(again.cached).toBe(true);
    expect(again.baseline).toEqual(result.baseline && (await checkOrderData(check.sources!, check.input!, { cacheDir: null })).baseline);
  });

  it('leaves order data out when the files are not read (checkPlanFiles does no I/O)', () => {
    const sync = checkPlanFiles(dir, folderFiles(dir));
    expect(sync.result!.baseline).toBeNull();
    expect(sync.result!.targets.gmv!.monthly['2027-04']).toBeCloseTo(10_000_000 / 12, 1);
  });
});

describe('order data problems', () => {
  it('names a missing file at its line in data.yaml and stops before compute', async () => {
    const dir = planFolder('missing-file', (f) => (f.data.sources[0].path = 'data/nope.csv'));
    const check = await checkPlanFolder(dir, { data: { cacheDir: null } });
    expect(check.result).toBeUndefined();
    const d = check.diagnostics.find((x) => x.code === 'data-file-missing')!;
    expect(d.file).toMatch(/data\.yaml$/);
    expect(d.startLine).toBe(4);
    expect(d.path).toBe('sources[0].path');
  });

  it('names a missing column with the file and the closest header', async () => {
    const dir = planFolder('missing-column', (f) => (f.data.sources[0].columns.customerId = 'customer'));
    const check = await checkPlanFolder(dir, { data: { cacheDir: null } });
    const d = check.diagnostics.find((x) => x.code === 'data-column-missing')!;
    expect(d.severity).toBe('error');
    expect(d.file).toMatch(/missing-column\/data\/orders\.csv$/);
    expect(d.reason).toContain('Did you mean "customer_id"?');
  });

  it('reports unknown channel rows as a warning with lines when no map covers them', async () => {
    const dir = planFolder('unknown-channel', (f) => delete f.data.sources[0].channelMap);
    const check = await checkPlanFolder(dir, { data: { cacheDir: null } });
    const d = check.diagnostics.find((x) => x.code === 'data-bad-rows')!;
    expect(d.severity).toBe('warning');
    expect(d.reason).toBe('5 rows of ' + d.file + ' name a channel that is not in channels.yaml ("jd") (lines 4, 7, 8, 13, 16); left out of the analysis.');
    expect(d.startLine).toBe(4);
    expect(check.result!.baseline!.rows.bad).toEqual({ 'unknown-channel': 5 });
  });

  it('checks channel references and the KPIs that receive actuals', async () => {
    const dir = planFolder('refs', (f) => {
      f.data.sources[0].channelMap = { jd: 'jingdong' };
      f.data.actuals = { gmv: 'gmv_total' };
    });
    const check = await checkPlanFolder(dir, { data: { cacheDir: null } });
    expect(check.diagnostics.filter((d) => d.code === 'ref-unresolved').map((d) => d.path).sort()).toEqual(['actuals.gmv', 'sources[0].channelMap.jd']);
  });

  it('refuses `seasonality: from-orders` without data.yaml', async () => {
    const dir = planFolder('no-data', (f) => (f.data = undefined));
    const check = await checkPlanFolder(dir);
    const d = check.diagnostics.find((x) => x.code === 'ref-unresolved')!;
    expect(d.reason).toContain('"from-orders" is not a seasonality profile');
  });

  it('requires a channel for every source and the plan currency', async () => {
    const dir = planFolder('config', (f) => {
      f.data.sources[0].columns = { ...COLUMNS, channel: undefined };
      delete f.data.sources[0].columns.channel;
      f.data.sources[0].currency = 'USD';
      f.data.sources[0].timeZone = 'Asia/Hangzhou';
    });
    const check = await checkPlanFolder(dir, { data: { cacheDir: null } });
    expect(check.diagnostics.filter((d) => d.code === 'data-config').map((d) => d.path).sort()).toEqual(['sources[0].columns', 'sources[0].currency', 'sources[0].timeZone']);
  });

  it('makes a missing baseline year an error when the plan uses its profile', async () => {
    const dir = planFolder('no-baseline', (f) => (f.data.baselineYear = 2020));
    const check = await checkPlanFolder(dir, { data: { cacheDir: null } });
    const d = check.diagnostics.find((x) => x.code === 'data-baseline-missing')!;
    expect(d.severity).toBe('error');
    expect(d.reason).toContain('target gmv');
    expect(check.result).toBeUndefined();
  });

  it('refuses an order profile id that targets.yaml already uses', async () => {
    const dir = planFolder('dup', (f) => {
      f.data.seasonality = { id: 'tea' };
      f.targets.targets[0].seasonality = 'tea';
    });
    const check = await checkPlanFolder(dir, { data: { cacheDir: null } });
    expect(codes(check)).toEqual(['error:id-duplicate']);
  });
});

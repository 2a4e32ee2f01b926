// Personal data from order files (issue #10 item 6): an email, mainland mobile or ID number in a misplaced
// column is masked in every message about the file and never becomes an id of the baseline (plan.json,
// the baseline page): its row is left out and counted.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { looksPersonal, maskPersonalData } from '../../src/model/personal-data.ts';
import { checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { renderDiagnostics } from '../../src/cli/report.ts';
import { stableJson } from '../../src/model/stable-json.ts';
import { analyzeOrders } from '../../src/data/analyze-orders.ts';
import { COLUMNS, SMALL_ORDERS, context, csvSource } from '../data/helpers.ts';

const BASE = fileURLToPath(new URL('../fixtures/base/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'shopplan-pii-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Personal data as it turns up in exports, and what must be left alone. */
const PERSONAL = ['zhang.san@example.com', 'li_si+shop@mail.qq.com', '13800138000', '+8613912345678', '+86 139-1234-5678', '139 1234 5678', '11010519491231002X', '440524188001010014'];
const NOT_PERSONAL = ['tea-001', 'TEA_001', '6901234567892', '1380013800', '123800138000', '2026-11-11 00:05:12', '20261111', '¥13,800,138', '1.38亿', 'user@localhost', 'tmall', 'sku 2026 13'];

describe('what looks like personal data', () => {
  it.each(PERSONAL)('%s is found and masked, alone and inside text', (value) => {
    expect(looksPersonal(value)).toBe(true);
    for (const text of [value, `buyer ${value} paid`, `"${value}",12.00`, `id:${value};`]) {
      const masked = maskPersonalData(text);
      expect(masked).not.toContain(value);
      expect(looksPersonal(masked)).toBe(false);
    }
  });

  it.each(NOT_PERSONAL)('%s is left alone', (value) => {
    expect(looksPersonal(value)).toBe(false);
    expect(maskPersonalData(value)).toBe(value);
  });

  it('masking removes every planted value from any text and is idempotent (property)', () => {
    // Values as they stand in text: separated from the next by something that is not a digit.
    const part = fc.tuple(fc.oneof(fc.constantFrom(...PERSONAL), fc.constantFrom('x', '订单', 'tea-001', '12.50')), fc.constantFrom(' ', ',', '"', '；', 'x', '订单', '\n'));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
        const text = parts.flat().join('');
        const masked = maskPersonalData(text);
        expect(looksPersonal(masked)).toBe(false);
        expect(maskPersonalData(masked)).toBe(masked);
        for (const p of PERSONAL) expect(masked).not.toContain(p);
      }),
    );
  });
});

/** orders-small.csv with personal data written into one column of some rows (or replacing the header). */
function ordersWith(value: string, where: 'sku' | 'channel' | 'header'): string {
  const lines = readFileSync(SMALL_ORDERS, 'utf8').trimEnd().split('\n');
  if (where === 'header') return `${[value, ...lines.slice(1)].join('\n')}\n`;
  const col = lines[0]!.split(',').indexOf(where);
  return `${lines.map((l, i) => (i === 2 || i === 5 ? l.split(',').map((c, k) => (k === col ? `"${value}"` : c)).join(',') : l)).join('\n')}\n`;
}

let count = 0;
function planWith(orders: string): string {
  const dir = join(work, `plan-${++count}`);
  cpSync(BASE, dir, { recursive: true });
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data/orders.csv'), orders);
  writeFileSync(join(dir, 'data.yaml'), stringify({ sources: [{ id: 'shop', path: 'data/orders.csv', channelMap: { jd: 'douyin' }, columns: COLUMNS }] }));
  return dir;
}

const PLACES = ['sku', 'channel', 'header'] as const;

describe('personal data in an order file', () => {
  const cases = PERSONAL.slice(0, 5).flatMap((value) => PLACES.map((where) => ({ value, where })));
  it.each(cases)('$value in the $where: masked in every message format, absent from plan.json and the cache', async ({ value, where }) => {
    const dir = planWith(ordersWith(value, where));
    const cacheDir = join(work, `cache-${count}`);
    const check = await checkPlanFolder(dir, { data: { cacheDir } });
    const printed = (['text', 'json', 'github'] as const).map((f) => renderDiagnostics(check, f, false, 'The plan')).join('\n');
    expect(printed).not.toContain(value);
    expect(looksPersonal(printed)).toBe(false);
    if (where === 'header') {
      // The mapping no longer finds its column: the message lists the columns, masked.
      expect(check.diagnostics.map((d) => d.code)).toContain('data-column-missing');
      expect(printed).toMatch(/\*\*\*@\*\*\*|1\*{10}/);
    } else {
      const bad = check.diagnostics.find((d) => d.code === 'data-bad-rows' && /personal data/.test(d.reason));
      expect(bad?.reason).toMatch(/^2 rows of .*data\/orders\.csv have a SKU or channel that looks like personal data .* \(lines 3, 6\)/);
      expect(check.result?.baseline?.rows.bad['personal-data']).toBe(2);
      expect(stableJson(check.result)).not.toContain(value);
      expect(looksPersonal(stableJson(check.result?.baseline))).toBe(false);
    }
    const cached = readdirSync(cacheDir).map((f) => readFileSync(join(cacheDir, f), 'utf8'));
    expect(cached.length).toBeGreaterThan(1); // the analysis and the file hashes
    for (const text of cached) expect(text).not.toContain(value);
  });

  it('without channels.yaml any channel value is taken, but never one that looks like personal data', async () => {
    const path = join(work, 'orders-channels.csv');
    writeFileSync(path, ordersWith('13800138000', 'channel'));
    const outcome = await analyzeOrders([csvSource(path)], context({ channels: null }), { cacheDir: null });
    expect(outcome.baseline!.rows.bad).toEqual({ 'personal-data': 2 });
    expect(Object.keys(outcome.baseline!.byChannel).sort()).toEqual(['jd', 'tmall']);
    expect(JSON.stringify(outcome)).not.toContain('13800138000');
  });
});

// PIPL: customer ids are only used for aggregation. For the example plan's order files (≈ 300,000
// fictional customers), no customer id — and no order id — may appear in PlanResult / plan.json or in
// any page of the built site (the PDFs print those same pages).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { stableJson } from '../../src/model/stable-json.ts';
import { duckDbFactory } from '../../src/data/duckdb.ts';

const CONTENT = 'content';
const out = mkdtempSync(join(tmpdir(), 'shopplan-privacy-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every customer and order id in the example's order files, read straight from the files. */
async function idsInOrderFiles(): Promise<{ customers: Set<string>; orders: Set<string> }> {
  const db = await duckDbFactory()();
  try {
    const utf8 = (path: string) => `read_csv('${path}', header = true, all_varchar = true)`;
    const gbk = join(out, 'jd.csv');
    // The JD export is GBK: decode it the way the analysis does.
    const { transcodeToUtf8 } = await import('../../src/data/files.ts');
    await transcodeToUtf8(join(CONTENT, 'data/jd-2026.csv.gz'), 'gbk', gbk);
    const rows = await db.all(`
      SELECT 买家会员名 AS c, 订单编号 AS o FROM ${utf8(join(CONTENT, 'data/tmall-2026.csv.gz'))}
      UNION ALL SELECT 用户账号, 订单号 FROM ${utf8(gbk)}
      UNION ALL SELECT buyer_id, order_no FROM read_parquet('${join(CONTENT, 'data/douyin-2026.parquet')}')
      UNION ALL SELECT buyer_id, order_no FROM read_parquet('${join(CONTENT, 'data/mini-program-2026.parquet')}')`);
    return { customers: new Set(rows.map((r) => String(r.c))), orders: new Set(rows.map((r) => String(r.o))) };
  } finally {
    db.close();
  }
}

/** Tokens that look like an id: letters/digits/underscores of length ≥ 6. */
function leaked(text: string, ids: { customers: Set<string>; orders: Set<string> }): string[] {
  const found = new Set<string>();
  for (const token of text.match(/[A-Za-z0-9_]{6,}/g) ?? []) {
    if (ids.customers.has(token) || ids.orders.has(token)) found.add(token);
  }
  return [...found];
}

describe('no customer-level data leaves the analysis (example plan)', async () => {
  const ids = await idsInOrderFiles();
  const check = await checkPlanFolder(CONTENT);

  it('reads a realistic number of customers and orders', () => {
    expect(ids.customers.size).toBeGreaterThan(250_000);
    expect(ids.orders.size).toBeGreaterThan(400_000);
    expect(check.result?.baseline?.totals.customers).toBeGreaterThan(250_000);
  });

  it('keeps every customer and order id out of PlanResult (plan.json)', () => {
    const json = stableJson(check.result);
    expect(leaked(json, ids)).toEqual([]);
    // The check itself finds ids when they are there.
    const one = [...ids.customers][12345]!;
    expect(leaked(`{"x":"${one}"}`, ids)).toEqual([one]);
  });

  it('keeps every customer and order id out of the built site', () => {
    const run = spawnSync(process.execPath, ['bin/shopplan.js', 'build', CONTENT, '--out', join(out, 'site'), '--no-pdf', '--versions', 'none'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(html|json|js|css|txt|xml|svg)$/.test(name)) files.push(path);
      }
    };
    walk(join(out, 'site'));
    expect(files.some((f) => f.endsWith(join('baseline', 'index.html')))).toBe(true);
    const hits = files.flatMap((f) => leaked(readFileSync(f, 'utf8'), ids).map((id) => `${f}: ${id}`));
    expect(hits).toEqual([]);
  }, 300_000);
});

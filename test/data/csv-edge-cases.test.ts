// What real back-office exports throw at the reader: quoted commas, a BOM, GBK, empty files, missing
// columns, and bad rows that must be counted with their lines — never dropped silently, never a crash.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeOrders } from '../../src/data/analyze-orders.ts';
import { duckDbFactory } from '../../src/data/duckdb.ts';
import { SMALL_ORDERS, context, csvSource } from './helpers.ts';
import type { SourceSpec } from '../../src/data/load-orders.ts';

const dir = mkdtempSync(join(tmpdir(), 'shopplan-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'order_id,customer_id,paid_at,paid,refund,channel,sku';
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const analyze = (path: string, extra: Partial<SourceSpec> = {}, ctx: Parameters<typeof context>[0] = {}) => analyzeOrders([csvSource(path, extra)], context(ctx), { cacheDir: null });

describe('CSV edge cases', () => {
  it('reads quoted commas (in text and in amounts) and a UTF-8 BOM', async () => {
    const path = file('bom.csv', `\uFEFF${HEADER}\nA1,c1,2026-03-01 10:00:00,"1,200.50",0,tmall,"tea, 100g"\nA2,c2,2026-03-02 10:00:00,99.5,"0",jd,cup\n`);
    const out = await analyze(path);
    expect(out.problems).toEqual([]);
    expect(out.baseline!.monthly['2026-03']).toMatchObject({ gmv: 1300, orders: 2 });
    expect(out.baseline!.skus!.top.map((s) => s.sku)).toEqual(['tea, 100g', 'cup']);
  });

  it('reports a GBK export that is not declared, with its line, and reads it when declared', async () => {
    const text = '订单编号,买家会员名,付款时间,实付金额,店铺\nT1,张三,2026-05-01 10:00:00,88.00,天猫旗舰店\nT2,李四,2026-05-02 11:00:00,12.00,京东自营\n';
    const gbk = new Uint8Array(Buffer.from(new TextEncoderGbk().encode(text)));
    const path = file('gbk.csv', gbk);
    const columns = { orderId: '订单编号', customerId: '买家会员名', orderTime: '付款时间', paid: '实付金额', channel: '店铺' };
    const undeclared = await analyze(path, { columns });
    expect(undeclared.baseline).toBeNull();
    expect(undeclared.problems).toEqual([{ kind: 'encoding', source: 'shop', file: expect.stringMatching(/gbk\.csv$/), line: 1 }]);
    const declared = await analyze(path, { columns, encoding: 'gbk', channelMap: { 天猫旗舰店: 'tmall', 京东自营: 'jd' } });
    expect(declared.problems).toEqual([]);
    expect(declared.baseline!.monthly['2026-05']).toMatchObject({ gmv: 100, orders: 2, customers: 2 });
    expect(Object.keys(declared.baseline!.byChannel).sort()).toEqual(['jd', 'tmall']);
    expect(JSON.stringify(declared)).not.toContain('张三');
  });

  it('finds bytes that are not UTF-8 deep inside a file (past the sniffed start)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `N${i},c${i},2026-04-01 10:00:00,10,0,tmall,tea`).join('\n');
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n${rows}\n`), Buffer.from('X1,'), Buffer.from([0xd5, 0xc5]), Buffer.from(',2026-04-02 10:00:00,10,0,tmall,tea\n')]);
    const out = await analyze(file('late-gbk.csv', bytes));
    expect(out.problems).toEqual([expect.objectContaining({ kind: 'encoding', line: 3002 })]);
  });

  it('reports an empty file and a header-only file as empty', async () => {
    const empty = await analyze(file('empty.csv', ''));
    expect(empty.problems).toEqual([{ kind: 'file-empty', source: 'shop', file: expect.stringMatching(/empty\.csv$/) }]);
    const headerOnly = await analyze(file('header.csv', `${HEADER}\n`));
    expect(headerOnly.problems.map((p) => p.kind)).toEqual(['file-empty']);
    const blank = await analyze(file('blank.csv', '\uFEFF\n\n'));
    expect(blank.problems.map((p) => p.kind)).toEqual(['file-empty']);
  });

  it('reports a mapped column the file does not have, with the columns it has', async () => {
    const path = file('missing.csv', `order_id,buyer,paid_at,paid\nM1,c1,2026-01-01 10:00:00,5\n`);
    const out = await analyze(path, { channel: 'tmall', columns: { orderId: 'order_id', customerId: 'customer_id', orderTime: 'paid_at', paid: 'paid' } });
    expect(out.baseline).toBeNull();
    expect(out.problems).toEqual([{ kind: 'missing-column', source: 'shop', file: expect.any(String), field: 'customerId', column: 'customer_id', available: ['order_id', 'buyer', 'paid_at', 'paid'] }]);
  });

  it('counts bad rows by kind with their lines, and analyses the rest', async () => {
    const text = [
      HEADER, //                                                            line 1
      'B1,c1,2026-01-05 10:00:00,100,0,tmall,tea', //                       2  good
      'B2,c2,2026-13-01 10:00:00,10,0,tmall,tea', //                        3  bad date (month 13)
      'B3,c3,2026-01-06 10:00:00,-5,0,tmall,"gift', //                      4  negative amount (record spans 4–5)
      'box"',
      'B4,c4,2026-01-07 10:00:00,10,0,taobao,tea', //                       6  unknown channel
      'B5,c5,2026-01-08 10:00:00,10', //                                    7  malformed (4 fields)
      '', //                                                                8  blank line: no row
      'B6,c6,2026-01-09 10:00:00,abc,0,tmall,tea', //                       9  bad amount
      'B7,,2026-01-09 10:00:00,5,0,tmall,tea', //                          10  no customer id
      'B8,c8,2026-01-10T02:00:00Z,10,0,tmall,tea', //                      11  good: 10:00 in Shanghai
      'B9,c9,not a date,10,0,tmall,tea', //                                12  bad date
      'B10,c10,2026-01-11 10:00:00,10,-1,tmall,tea', //                    13  negative refund
      'B11,c11,2026-01-12 10:00:00,10,0,Taobao,tea', //                    14  unknown channel
      'B12,c12,2026-01-12 10:00:00,10,0,tmall,tea,extra', //               15  malformed (8 fields)
      '',
    ].join('\n');
    const out = await analyze(file('bad.csv', text));
    const rows = out.problems.filter((p) => p.kind === 'bad-rows').map((p) => [p.bad, p.count, p.lines, p.values ?? null]);
    expect(rows).toEqual([
      ['malformed', 2, [7, 15], null],
      ['missing-id', 1, [10], null],
      ['bad-time', 2, [3, 12], null],
      ['bad-amount', 1, [9], null],
      ['negative-amount', 2, [4, 13], null],
      ['unknown-channel', 2, [6, 14], ['Taobao', 'taobao']],
    ]);
    const b = out.baseline!;
    expect(b.rows).toEqual({ read: 12, used: 2, filtered: 0, bad: { malformed: 2, 'missing-id': 1, 'bad-time': 2, 'bad-amount': 1, 'negative-amount': 2, 'unknown-channel': 2 }, badTotal: 10 });
    expect(b.monthly['2026-01']).toMatchObject({ gmv: 110, orders: 2 });
    expect(b.coverage).toMatchObject({ first: '2026-01-05', last: '2026-01-10' });
  });

  it('maps channel names and keeps only the rows a filter names (counted, not errors)', async () => {
    const text = `${HEADER},status\nF1,c1,2026-02-01 10:00:00,10,0,天猫,tea,交易成功\nF2,c2,2026-02-01 10:00:00,20,0,天猫,tea,交易关闭\nF3,c3,2026-02-02 10:00:00,30,0,jd,tea,交易成功\n`;
    const out = await analyze(file('filter.csv', text), { channelMap: { 天猫: 'tmall' }, filter: { column: 'status', values: ['交易成功'] } });
    expect(out.problems).toEqual([]);
    expect(out.baseline!.rows).toMatchObject({ read: 3, used: 2, filtered: 1 });
    expect(out.baseline!.monthly['2026-02']!.gmv).toBe(40);
    expect(Object.keys(out.baseline!.byChannel).sort()).toEqual(['jd', 'tmall']);
  });

  it('converts times to the analysis zone: offsets, and sources written in another zone', async () => {
    const text = `${HEADER}\nZ1,c1,2026-01-31T20:00:00Z,10,0,tmall,tea\nZ2,c2,2026-01-31 20:00:00+08:00,10,0,tmall,tea\n`;
    const out = await analyze(file('tz.csv', text));
    // 20:00 UTC is 04:00 on 1 February in Shanghai; 20:00 +08:00 stays in January.
    expect(out.baseline!.monthly['2026-01']!.orders).toBe(1);
    expect(out.baseline!.monthly['2026-02']!.orders).toBe(1);
    const utc = await analyze(file('utc.csv', `${HEADER}\nU1,c1,2026-01-31 20:00:00,10,0,tmall,tea\n`), { timeZone: 'UTC' });
    expect(Object.keys(utc.baseline!.monthly)).toEqual(['2026-02']);
    const formatted = await analyze(file('fmt.csv', `${HEADER}\nD1,c1,31.01.2026 23:30,10,0,tmall,tea\n`), { timeFormat: '%d.%m.%Y %H:%M' });
    expect(Object.keys(formatted.baseline!.monthly)).toEqual(['2026-01']);
  });

  it('reads gzip-compressed CSV like the plain file', async () => {
    const plain = (await analyze(SMALL_ORDERS)).baseline!;
    const gz = (await analyze(file('orders.csv.gz', gzipSync(readFileSync(SMALL_ORDERS))))).baseline!;
    expect(gz.totals).toEqual(plain.totals);
    expect(gz.rfm).toEqual(plain.rfm);
  });

  it('reads Parquet with typed columns, and reports bad rows by row number', async () => {
    const db = await duckDbFactory()();
    const parquet = join(dir, 'orders.parquet');
    await db.run(`COPY (SELECT order_id, customer_id, CAST(paid_at AS TIMESTAMP) AS paid_at, CAST(paid AS DECIMAL(10, 2)) AS paid, CAST(refund AS DECIMAL(10, 2)) AS refund, channel, sku
      FROM read_csv('${SMALL_ORDERS}', header = true, all_varchar = true)
      UNION ALL SELECT 'P1', 'cust-z', TIMESTAMP '2026-05-05 10:00:00', -3, 0, 'tmall', 'tea') TO '${parquet}' (FORMAT parquet)`);
    db.close();
    const out = await analyze(parquet);
    expect(out.problems).toEqual([{ kind: 'bad-rows', source: 'shop', file: expect.any(String), bad: 'negative-amount', count: 1, lines: [18], unit: 'row' }]);
    const plain = (await analyze(SMALL_ORDERS)).baseline!;
    expect(out.baseline!.totals).toEqual(plain.totals);
    expect(out.baseline!.cohorts).toEqual(plain.cohorts);
  });

  it('reports a file that is not CSV at all', async () => {
    const out = await analyze(file('broken.csv.gz', Buffer.from('not gzip at all')));
    expect(out.problems.map((p) => p.kind)).toEqual(['unreadable']);
  });
});

/** GBK bytes for the test text (Node has a GBK decoder but no encoder): via DuckDB-free lookup of each character. */
class TextEncoderGbk {
  encode(text: string): Uint8Array {
    const decoder = new TextDecoder('gbk');
    const table = new Map<string, number[]>();
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else out.push(...(table.get(ch) ?? [0x3f]));
    }
    return new Uint8Array(out);
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { shopplan, ROOT } from '../helpers/cli.ts';
import { readWorkbook, workbookBytes } from '../xlsx/workbook.ts';
import { entryFields } from '../../src/validate/schema-fields.ts';
import { fieldNames, resolveHeader, type Column } from '../../src/xlsx/headers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'shopplan-excel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A plan folder: the blank seed plus products.yaml with categories and no SKUs yet. */
function smallPlan(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'seeds', 'blank'), dir, { recursive: true });
  writeFileSync(join(dir, 'products.yaml'), '# 品类与 SKU\ncategories:\n  - id: green-tea\n    name: { zh-CN: 绿茶, en: Green tea }\n  - id: black-tea\n    name: { zh-CN: 红茶, en: Black tea }\n');
  return dir;
}

/** A deterministic SKU sheet of `n` rows with Chinese headers and every kind of cell an operator writes. */
function skuRows(n: number): unknown[][] {
  const header = ['SKU 编码', '商品名称（中文）', '商品名称（英文）', '品类', '产品角色', '状态', '上市月份', '单位成本', '定价方法', '成本加成率', '竞品价格', '相对竞品定位', '价值定价', '标价', '月销量预测', '月需求标准差', '上年销量', '上年 GMV', '发货重量（千克）', '卖点（中文）'];
  const rows: unknown[][] = [header];
  for (let i = 0; i < n; i++) {
    const method = ['cost-plus', 'competitor', 'value'][i % 3]!;
    const cost = 10 + (i % 97) + (i % 4) * 0.25;
    const markup = 1 + (i % 10) / 10;
    const price = method === 'cost-plus' ? cost * (1 + markup) : method === 'competitor' ? cost * 3 * 0.95 : cost * 2.5;
    rows.push([
      `sku-${String(i).padStart(4, '0')}`,
      `测试茶 ${i} 号`,
      i % 5 === 0 ? undefined : `Test tea no. ${i}`,
      i % 2 ? 'green-tea' : 'black-tea',
      ['traffic', 'profit', 'image'][i % 3],
      i % 7 === 0 ? 'new' : 'active',
      i % 7 === 0 ? `2027-${String((i % 12) + 1).padStart(2, '0')}` : undefined,
      cost,
      method,
      method === 'cost-plus' ? markup : undefined,
      method === 'competitor' ? cost * 3 : undefined,
      method === 'competitor' ? -0.05 : undefined,
      method === 'value' ? Math.round(cost * 250) / 100 : undefined, // money is exact to the fen
      i % 4 === 0 ? Math.round(price * 100) / 100 : undefined,
      100 + i * 3,
      20 + (i % 50),
      i % 3 === 0 ? 1000 + i : undefined,
      i % 3 === 0 ? (1000 + i) * 20 : undefined,
      i % 6 === 0 ? 0.25 : undefined,
      i % 9 === 0 ? `卖点一\n卖点二 ${i}` : undefined,
    ]);
  }
  return rows;
}

/** What a header names, as a comparable key: `forecast.monthlyUnits`, `name@en`, `headcount.2027-01`. */
function columnKey(c: Column, first: string): string | undefined {
  if (c.kind === 'field') return `${c.field.path.join('.')}${c.field.kind === 'text' || c.field.kind === 'textList' ? `@${c.locale ?? first}` : ''}`;
  if (c.kind === 'keyed') return `${c.field.path.join('.')}.${c.key}`;
  return undefined;
}

describe('shopplan import and export: a 1,000-row SKU sheet with Chinese headers round-trips', () => {
  let dir: string;
  let sheetPath: string;
  let rows: unknown[][];
  let workbook: Map<string, unknown[][]>;
  beforeAll(async () => {
    dir = smallPlan('roundtrip');
    rows = skuRows(1000);
    sheetPath = join(tmp, 'skus.xlsx');
    writeFileSync(sheetPath, await workbookBytes({ name: 'SKU 清单', rows: rows as never }));
    const imported = shopplan(['import', sheetPath, '--to', 'products', '--plan', dir]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('1000 added, 0 updated, 0 unchanged');
    const exported = shopplan(['export', dir, '--xlsx', join(tmp, 'plan.xlsx')]);
    expect(exported.code, exported.stderr).toBe(0);
    workbook = (await readWorkbook(join(tmp, 'plan.xlsx'))).sheets;
  }, 240_000);

  it('writes every row into products.yaml, keeping the file’s comment and categories', () => {
    const text = readFileSync(join(dir, 'products.yaml'), 'utf8');
    expect(text.startsWith('# 品类与 SKU\ncategories:\n  - id: green-tea\n')).toBe(true);
    const skus = (parse(text) as { skus: Array<{ id: string }> }).skus;
    expect(skus.map((s) => s.id)).toEqual(rows.slice(1).map((r) => r[0]));
  });

  it('exports every imported value back in the SKU sheet, under headers that name the same fields', () => {
    const entry = entryFields('products', 'skus');
    const names = fieldNames(entry);
    const sheet = workbook.get('商品计划');
    expect(sheet).toBeDefined();
    const outHeader = sheet![0]!.map((h, i) => columnKey(resolveHeader(String(h ?? ''), i + 1, names), 'zh-CN'));
    const outRow = new Map(sheet!.slice(1).map((r) => [r[0], r]));
    const inHeader = (rows[0] as string[]).map((h, i) => columnKey(resolveHeader(h, i + 1, names), 'zh-CN'));
    expect(inHeader.every(Boolean)).toBe(true);
    let compared = 0;
    for (const row of rows.slice(1)) {
      const out = outRow.get(row[0]);
      expect(out, String(row[0])).toBeDefined();
      inHeader.forEach((key, i) => {
        const j = outHeader.indexOf(key);
        expect(j, `column ${key}`).toBeGreaterThanOrEqual(0);
        const want = row[i] === undefined ? null : row[i];
        expect(out![j], `${String(row[0])} ${key}`).toEqual(want);
        compared++;
      });
    }
    expect(compared).toBe(1000 * inHeader.length);
  });

  it('writes one sheet per area with frozen headers, ¥ and % formats, in the plan’s language', async () => {
    const { workbook: wb } = await readWorkbook(join(tmp, 'plan.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目标', '损益（月）', '损益（季度）', '商品计划']);
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    const skus = wb.getWorksheet('商品计划')!;
    const header = (skus.getRow(1).values as unknown[]).slice(1);
    const cell = (title: string) => skus.getRow(2).getCell(header.indexOf(title) + 1);
    expect(cell('单位成本').numFmt).toBe('"¥"#,##0.00;-"¥"#,##0.00');
    expect(cell('毛利率').numFmt).toBe('0.0%');
    expect(cell('月销量预测').numFmt).toBeUndefined();
    const pnl = wb.getWorksheet('损益（月）')!;
    expect(pnl.getRow(2).getCell(2).numFmt).toBe('"¥"#,##0;-"¥"#,##0');
    // Widths fit the longest value: the Chinese name column is wider than the status column.
    expect(skus.getColumn(header.indexOf('商品名称（中文）') + 1).width!).toBeGreaterThan(skus.getColumn(header.indexOf('状态') + 1).width ?? 9);
  });
});

// Each case runs the CLI several times; on a busy 2-core machine one run can take 10 s.
describe('shopplan import as a user runs it', { timeout: 180_000 }, () => {
  it('reports bad cells as file!sheet!cell with a hint, exits 1 and leaves the plan file as it was', async () => {
    const dir = join(tmp, 'bad-cells');
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    const before = readFileSync(join(dir, 'channels.yaml'), 'utf8');
    const sheet = join(tmp, 'channels.xlsx');
    writeFileSync(sheet, await workbookBytes({ name: '渠道', rows: [['渠道编码', '转化率', '退货率', '负责团队'], ['tmall', '3.5%', 3.5, 'ops'], ['jd', 0.03, 0.04, 'ecommerce-ops']] }));
    const r = shopplan(['import', sheet, '--to', 'channels', '--plan', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${sheet}!渠道!B2  error  "3.5%" in column "转化率" is text, not a number.  [import-cell]`);
    expect(r.stderr).toContain('→ Write 0.035');
    expect(readFileSync(join(dir, 'channels.yaml'), 'utf8')).toBe(before);

    // With the text fixed, the plan's own checks run and are reported at the cells that caused them.
    writeFileSync(sheet, await workbookBytes({ name: '渠道', rows: [['渠道编码', '转化率', '退货率', '负责团队'], ['tmall', { value: 0.035, numFmt: '0.0%' }, 3.5, 'ops']] }));
    const again = shopplan(['import', sheet, '--to', 'channels', '--plan', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`${sheet.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}!渠道!C2  error  .*\\[schema-rate\\]`));
    writeFileSync(sheet, await workbookBytes({ name: '渠道', rows: [['渠道编码', '转化率', '退货率', '负责团队'], ['tmall', { value: 0.035, numFmt: '0.0%' }, 0.035, 'ops']] }));
    const third = shopplan(['import', sheet, '--to', 'channels', '--plan', dir]);
    expect(third.code).toBe(1);
    expect(third.stderr).toContain('!渠道!D2  error  "ops" is not a team in org.yaml.  [ref-unresolved]');
    expect(third.stderr).toMatch(/→ Known team ids: .*ecommerce-ops/);
    expect(readFileSync(join(dir, 'channels.yaml'), 'utf8')).toBe(before);
  });

  it('--dry-run says what would change and writes nothing; a CSV in GBK with Chinese headers imports', async () => {
    const dir = smallPlan('csv');
    const csv = 'SKU 编码,商品名称,品类,产品角色,状态,单位成本,定价方法,价值定价,月销量预测,月需求标准差\r\nlongjing-1,龙井一号,green-tea,profit,active,"1,200",value,"2,999",１２０,30\r\n,,,,,,,,,\r\n';
    const path = join(tmp, 'skus.csv');
    writeFileSync(path, encodeGb18030(csv));
    const before = readFileSync(join(dir, 'products.yaml'), 'utf8');
    const dry = shopplan(['import', path, '--to', 'products', '--plan', dir, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('would change: 1 added, 0 updated, 0 unchanged (dry run: nothing written)');
    expect(readFileSync(join(dir, 'products.yaml'), 'utf8')).toBe(before);
    const real = shopplan(['import', path, '--to', 'products', '--plan', dir]);
    expect(real.code, real.stderr).toBe(0);
    const sku = (parse(readFileSync(join(dir, 'products.yaml'), 'utf8')) as { skus: unknown[] }).skus[0];
    expect(sku).toEqual({ id: 'longjing-1', name: '龙井一号', category: 'green-tea', role: 'profit', status: 'active', cost: 1200, pricing: { type: 'value', price: 2999 }, forecast: { monthlyUnits: 120, demandStdDev: 30 } });
    expect(shopplan(['validate', dir]).code).toBe(0);
  });

  it.each([
    [['import'], /Name the spreadsheet/],
    [['import', 'x.xlsx'], /--to must be one of products, channels, marketing, org/],
    [['import', 'x.xlsx', '--to', 'skus'], /got "skus"/],
  ])('exits 2 on a usage error: %j', (args, message) => {
    const r = shopplan(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('exits 1 with import-file for a missing file or an .xls, and import-sheet for an unknown sheet', async () => {
    const missing = shopplan(['import', join(tmp, 'nope.xlsx'), '--to', 'products']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.xlsx cannot be read: the file does not exist\. +\[import-file\]/);
    writeFileSync(join(tmp, 'old.xls'), 'x');
    expect(shopplan(['import', join(tmp, 'old.xls'), '--to', 'products']).stderr).toMatch(/"\.xls" files are not spreadsheets[\s\S]*saved as \.xlsx/);
    const wb = join(tmp, 'sheets.xlsx');
    writeFileSync(wb, await workbookBytes({ name: 'SKU', rows: [['id']] }, { name: '渠道', rows: [['id']] }));
    const sheet = shopplan(['import', wb, '--to', 'products', '--sheet', 'Products']);
    expect(sheet.code).toBe(1);
    expect(sheet.stderr).toContain('has no sheet "Products". Its sheets: "SKU", "渠道".');
  });
});

describe('shopplan export as a user runs it', { timeout: 180_000 }, () => {
  it('writes the example plan in English with --lang en, every area a sheet', async () => {
    const out = join(tmp, 'example-en.xlsx');
    const r = shopplan(['export', 'content', '--xlsx', out, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const { workbook: wb, sheets } = await readWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Targets', 'P&L by month', 'P&L by quarter', 'Channel funnels', 'SKU plan', 'Marketing', 'Headcount and payroll', 'KPIs plan vs actual']);
    const kpis = sheets.get('KPIs plan vs actual')!;
    expect(kpis[0]).toEqual(['KPI', 'Month', 'Target', 'Projection', 'Actual', 'Actual − plan', 'Attainment', 'Status']);
    // The example has Q1 actuals: some rows carry an actual and a status in English.
    expect(kpis.some((row) => typeof row[4] === 'number' && ['on track', 'watch', 'off track'].includes(String(row[7])))).toBe(true);
    const pnl = sheets.get('P&L by quarter')!;
    expect(pnl.map((row) => row[0])).toContain('Operating profit');
    const computed = JSON.parse(shopplan(['compute', 'content', '--json']).stdout) as { pnl: { total: { operatingProfit: number } } };
    expect(pnl.find((row) => row[0] === 'Operating profit')!.at(-1)).toBe(computed.pnl.total.operatingProfit);
    expect(readdirSync(tmp).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('leaves an existing workbook untouched when the plan is invalid (exit 1) and refuses a bad --lang (exit 2)', () => {
    const dir = join(tmp, 'invalid');
    cpSync(join(ROOT, 'seeds', 'blank'), dir, { recursive: true });
    writeFileSync(join(dir, 'targets.yaml'), 'targets: 3\n');
    const out = join(tmp, 'keep.xlsx');
    writeFileSync(out, 'old');
    expect(shopplan(['export', dir, '--xlsx', out]).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(shopplan(['export', dir, '--xlsx', out, '--lang', 'fr']).code).toBe(2);
    expect(shopplan(['export', dir]).code).toBe(2);
    expect(existsSync(join(tmp, 'nothing.xlsx'))).toBe(false);
  });
});

/** GB18030 bytes of a string (Node's TextEncoder speaks UTF-8 only): ASCII as is, Chinese through a small table built with TextDecoder. */
function encodeGb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  const wanted = new Set([...text].filter((ch) => ch.charCodeAt(0) > 0x7f));
  for (let hi = 0x81; hi <= 0xfe && table.size < wanted.size; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (wanted.has(ch) && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code <= 0x7f) bytes.push(code);
    else {
      const enc = table.get(ch);
      if (!enc) throw new Error(`no GB18030 code for ${ch}`);
      bytes.push(...enc);
    }
  }
  return new Uint8Array(bytes);
}


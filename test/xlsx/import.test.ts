import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument, isSeq, type Node } from 'yaml';
import { ROOT } from '../helpers/cli.ts';
import { readSheet, type Grid } from '../../src/xlsx/read-sheet.ts';
import { IMPORT_TARGETS, columnLetter, importSheet, mergeText } from '../../src/xlsx/import-sheet.ts';
import { workbookBytes, type SheetSpec } from './workbook.ts';

const example = (file: string) => readFileSync(join(ROOT, 'content', file), 'utf8');
const target = (name: string) => IMPORT_TARGETS.find((t) => t.name === name)!;
const LOCALES = ['zh-CN', 'en'];

async function grid(spec: SheetSpec, file = 'plan.xlsx'): Promise<Grid> {
  const read = await readSheet(file, await workbookBytes(spec));
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return read.grid;
}

/** Excel's 1900 date serial of a UTC date: days since 1899-12-30 (Excel counts a 29 Feb 1900 that never was). */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('shopplan import: reading operators’ sheets', () => {
  it('skips a title row, reads a two-row header with a merged group (编制 over months), full-width digits, ¥ text, formulas and empty trailing rows', async () => {
    const g = await grid({
      name: '岗位编制',
      rows: [
        ['2027 年岗位编制表'],
        ['岗位编码', '岗位名称', '所属团队', '月薪', '编制', null],
        [null, null, null, null, { value: new Date(Date.UTC(2027, 0, 1)), numFmt: 'yyyy"年"m"月"' }, '2027年7月'],
        ['ops-analyst', '数据分析师', 'ecommerce-ops', '１２，０００', 2, { formula: 'E4+1', result: 3 } as never],
        ['ops-intern', '运营实习生', 'ecommerce-ops', '¥4,500.00', 1, 1],
        [],
        [null, null],
      ],
      merges: ['A1:F1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:F2'],
    });
    const out = importSheet(g, target('org'), example('org.yaml'), { locales: LOCALES });
    expect(out.diagnostics).toEqual([]);
    expect(out.added).toBe(2);
    const roles = (parse(out.text) as { roles: Array<Record<string, unknown>> }).roles;
    expect(roles.at(-2)).toEqual({ id: 'ops-analyst', name: '数据分析师', team: 'ecommerce-ops', monthlySalary: 12000, headcount: { '2027-01': 2, '2027-07': 3 } });
    expect(roles.at(-1)).toEqual({ id: 'ops-intern', name: '运营实习生', team: 'ecommerce-ops', monthlySalary: 4500, headcount: { '2027-01': 1, '2027-07': 1 } });
  });

  it('takes an Excel percentage as its decimal and refuses a text "5%" at its cell with the decimal to write', async () => {
    const g = await grid({
      name: '渠道',
      rows: [
        ['渠道编码', '转化率', '退货率'],
        ['tmall', { value: 0.035, numFmt: '0.0%' }, '5%'],
      ],
    });
    const out = importSheet(g, target('channels'), example('channels.yaml'), { locales: LOCALES });
    expect(out.diagnostics.map((d) => [d.code, d.cell, d.severity])).toEqual([['import-cell', '渠道!C2', 'error']]);
    expect(out.diagnostics[0]!.hint).toContain('0.05');
    expect(out.diagnostics[0]!.hint).toMatch(/percentage/);
    // The bad row is left out; nothing else in it is applied.
    expect(out.updated).toBe(0);
  });

  it.each([
    ['a date cell', { value: new Date(Date.UTC(2027, 2, 1)), numFmt: 'yyyy-mm-dd' }, '2027-03'],
    ['an Excel date serial', serial(2027, 3, 15), '2027-03'],
    ['YYYYMM typed as a number', 202703, '2027-03'],
    ['2027/3 as text', '2027/3', '2027-03'],
    ['2027年3月 as text', '2027年3月', '2027-03'],
    ['full-width ２０２７－０３', '２０２７－０３', '2027-03'],
  ])('reads a month from %s', async (_name, cell, month) => {
    const g = await grid({ rows: [['id', '上市月份'], ['longjing-yuqian-100g', cell as never]] });
    const out = importSheet(g, target('products'), example('products.yaml'), { locales: LOCALES });
    expect(out.diagnostics).toEqual([]);
    expect((parse(out.text) as { skus: Array<{ id: string; launch?: string }> }).skus.find((s) => s.id === 'longjing-yuqian-100g')!.launch).toBe(month);
  });

  it.each([
    ['1,234.5', 1234.5],
    ['１２３４．５', 1234.5],
    [' 1 234.5 ', 1234.5],
    ['¥88', 88],
    ['￥88.00', 88],
    ['88元', 88],
  ])('reads the number stored as text %j as %d', async (text, value) => {
    const g = await grid({ rows: [['SKU 编码', '单位成本'], ['longjing-yuqian-100g', text]] });
    const out = importSheet(g, target('products'), example('products.yaml'), { locales: LOCALES });
    expect(out.diagnostics).toEqual([]);
    expect((parse(out.text) as { skus: Array<{ id: string; cost: number }> }).skus[0]!.cost).toBe(value);
  });

  it.each([
    ['12万', 'import-cell', '120000'],
    ['3.5%', 'import-cell', '0.035'],
    ['abc', 'import-cell', 'plain number'],
  ])('refuses %j in a number column with a hint naming %s', async (text, code, hint) => {
    const g = await grid({ name: 'SKU', rows: [['id', 'cost'], ['longjing-yuqian-100g', text]] });
    const out = importSheet(g, target('products'), example('products.yaml'), { locales: LOCALES });
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]).toMatchObject({ code, cell: 'SKU!B2', file: 'plan.xlsx' });
    expect(out.diagnostics[0]!.hint).toContain(hint);
    expect(out.text).toBe(example('products.yaml'));
  });

  it('reports a row without id, a repeated id and an unknown column (with the closest field) at their cells', async () => {
    const g = await grid({
      name: 'SKU',
      rows: [
        ['SKU 编码', '单位成本', '月销量预则'],
        ['longjing-yuqian-100g', 50, 1],
        [null, 60, 2],
        ['longjing-yuqian-100g', 70, 3],
      ],
    });
    const out = importSheet(g, target('products'), example('products.yaml'), { locales: LOCALES });
    expect(out.diagnostics.map((d) => [d.code, d.cell])).toEqual([
      ['import-column', 'SKU!C1'],
      ['import-row', 'SKU!A3'],
      ['import-row', 'SKU!A4'],
    ]);
    expect(out.diagnostics[0]!.reason).toContain('Did you mean "月销量预测"?');
  });

  it('refuses a sheet without an id column, naming the id titles', async () => {
    const g = await grid({ rows: [['名称', '成本'], ['x', 1]] });
    const out = importSheet(g, target('products'), example('products.yaml'), { locales: LOCALES });
    expect(out.diagnostics.map((d) => d.code)).toEqual(['import-header']);
    expect(out.diagnostics[0]!.hint).toContain('SKU 编码');
  });

  it('rebuilds a union when its discriminator changes (pricing cost-plus → value) and keeps it when only a value changes', async () => {
    const g = await grid({
      rows: [
        ['id', 'pricing.type', 'pricing.price', 'pricing.markup'],
        ['longjing-yuqian-100g', 'value', 99, null],
        ['cold-brew-green-30bags', null, null, 2],
      ],
    });
    const out = importSheet(g, target('products'), example('products.yaml'), { locales: LOCALES });
    const skus = (parse(out.text) as { skus: Array<{ id: string; pricing: unknown }> }).skus;
    expect(skus.find((s) => s.id === 'longjing-yuqian-100g')!.pricing).toEqual({ type: 'value', price: 99 });
    const before = (parse(example('products.yaml')) as { skus: Array<{ id: string; pricing: Record<string, unknown> }> }).skus.find((s) => s.id === 'cold-brew-green-30bags')!.pricing;
    expect(skus.find((s) => s.id === 'cold-brew-green-30bags')!.pricing).toEqual({ ...before, markup: 2 });
  });

  it('maps a plan path inside the list back to its cell', async () => {
    const g = await grid({ name: 'SKU', rows: [['id', 'cost', 'forecast.monthlyUnits'], ['new-sku', 1, 2]] });
    const out = importSheet(g, target('products'), example('products.yaml'), { locales: LOCALES });
    const n = (parse(example('products.yaml')) as { skus: unknown[] }).skus.length;
    expect(out.cellOf(['skus', n, 'forecast', 'monthlyUnits'])?.cell).toBe('SKU!C2');
    expect(out.cellOf(['skus', n, 'role'])?.cell).toBe('SKU!A2');
    expect(out.cellOf(['skus', 0, 'cost'])).toBeUndefined();
  });

  it('names columns like Excel', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('shopplan import: the YAML file is edited, not rewritten', () => {
  it('keeps comments, key order and every untouched entry of the example byte-identical; only the changed values differ', async () => {
    const original = example('products.yaml');
    const g = await grid({
      rows: [
        ['SKU 编码', '单位成本', '商品名称（英文）', '标价', '上市月份'],
        ['longjing-yuqian-100g', 55, 'Longjing 100 g tin', null, null],
        ['dianhong-sample-50g', 22, null, 49, '2027-02'],
      ],
    });
    const out = importSheet(g, target('products'), original, { locales: LOCALES });
    expect(out.updated).toBe(2);
    const doc = parseDocument(original);
    const skus = doc.get('skus') as unknown;
    if (!isSeq(skus)) throw new Error('no skus');
    const changed = new Set(['longjing-yuqian-100g', 'dianhong-sample-50g']);
    for (const item of skus.items as Node[]) {
      const id = (item.toJSON() as { id: string }).id;
      if (!changed.has(id)) expect(out.text.includes(original.slice(item.range![0], item.range![2])), id).toBe(true);
    }
    // The expected text, edited by hand: three values replaced in place, one key added at the end of its entry.
    const lines = original.split('\n');
    const entry = (id: string) => lines.findIndex((l) => l === `  - id: ${id}`);
    const replace = (id: string, key: string, text: string) => {
      const i = lines.findIndex((l, n) => n > entry(id) && l.startsWith(`    ${key}:`));
      lines[i] = text;
    };
    replace('longjing-yuqian-100g', 'cost', '    cost: 55');
    replace('longjing-yuqian-100g', 'name', '    name: { zh-CN: 雨前龙井 100g 罐装, en: Longjing 100 g tin }');
    replace('dianhong-sample-50g', 'cost', '    cost: 22');
    replace('dianhong-sample-50g', 'listPrice', '    listPrice: 49');
    const last = lines.findIndex((l, n) => n > entry('dianhong-sample-50g') && l === '    weightKg: 0.1');
    lines.splice(last + 1, 0, '    launch: 2027-02');
    expect(out.text).toBe(lines.join('\n'));
  });
});

describe('text fields from language columns', () => {
  it.each([
    ['a plain column on a new entry stays a string', undefined, '龙井', {}, '龙井'],
    ['a plain column on a localized text fills the first language', { 'zh-CN': '旧', en: 'Old' }, '新', {}, { 'zh-CN': '新', en: 'Old' }],
    ['an English column on a string keeps the string as Chinese', '龙井', undefined, { en: 'Longjing' }, { 'zh-CN': '龙井', en: 'Longjing' }],
    ['both languages on a new entry', undefined, undefined, { en: 'Tea', 'zh-CN': '茶' }, { 'zh-CN': '茶', en: 'Tea' }],
    ['only the first language column keeps a string a string', '旧', undefined, { 'zh-CN': '新' }, '新'],
  ])('%s', (_name, old, plain, given, expected) => {
    expect(mergeText(old, plain, given as Record<string, string>, LOCALES)).toEqual(expected);
  });
});

describe('shopplan import: files it cannot edit in place', () => {
  const sheet = () => grid({ name: 'SKU', rows: [['id', 'cost', 'weightKg'], ['a', 2, 0.5]] });

  it('adds a key to an entry written as a flow mapping (the Document API writes the file)', async () => {
    const yaml = 'skus:\n  - { id: a, cost: 1 }\n  - id: b\n    cost: 3\n';
    const out = importSheet(await sheet(), target('products'), yaml, { locales: LOCALES });
    expect(parse(out.text)).toEqual({ skus: [{ id: 'a', cost: 2, weightKg: 0.5 }, { id: 'b', cost: 3 }] });
  });

  it.each([
    ['a syntax error', 'skus:\n  - id: a\n    cost: [1\n'],
    ['aliases past the limit', `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(20)}*a]\nc: [${'*b, '.repeat(20)}*b]\n`],
    ['a list at the top', '- id: a\n'],
  ])('leaves a file with %s as it is, for the plan check to report', async (_name, yaml) => {
    const out = importSheet(await sheet(), target('products'), yaml, { locales: LOCALES });
    expect(out.text).toBe(yaml);
    expect(out.added + out.updated).toBe(0);
  });

  it('does not count rows that only carry formatting below the data', async () => {
    const bytes = await workbookBytes({ name: 'SKU', rows: [['id', 'cost'], ['a', 2]] });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    wb.worksheets[0]!.getRow(200_000).getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const read = await readSheet('x.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(read.ok && read.grid.rows.length).toBe(2);
  });
});

describe('importFile: a plan that is broken before the import', () => {
  it('reports the plan’s own error and imports nothing (no crash on an alias bomb in the target file)', async () => {
    const { mkdtempSync, cpSync, writeFileSync, readFileSync: read, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { importFile } = await import('../../src/xlsx/import-file.ts');
    const dir = mkdtempSync(join(tmpdir(), 'shopplan-import-'));
    try {
      cpSync(join(ROOT, 'seeds', 'blank'), dir, { recursive: true });
      const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(20)}*a]\nskus: [${'*b, '.repeat(20)}*b]\n`;
      writeFileSync(join(dir, 'products.yaml'), bomb);
      const sheet = join(dir, 'skus.xlsx');
      writeFileSync(sheet, await workbookBytes({ rows: [['id', 'cost'], ['a', 1]] }));
      const report = await importFile({ file: sheet, target: target('products'), planDir: dir });
      expect(report.planInvalid).toBe(true);
      expect(report.written).toBe(false);
      expect(report.diagnostics.map((d) => d.code)).toContain('yaml-alias-limit');
      expect(read(join(dir, 'products.yaml'), 'utf8')).toBe(bomb);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

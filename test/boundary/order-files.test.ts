// Order files are read from inside the plan folder only (issue #10 item 4): a data.yaml path that is
// absolute, contains `..`, or resolves outside the folder through a link is an error at its line in
// data.yaml; so is one that names a hidden file, no order export, a folder, FIFO or device. None of them is
// read, so nothing of them reaches any message. The baseline names files by their path in the plan folder.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { renderDiagnostics } from '../../src/cli/report.ts';
import { orderPathProblem } from '../../src/model/order-path.ts';
import { COLUMNS, SMALL_ORDERS } from '../data/helpers.ts';

const BASE = fileURLToPath(new URL('../fixtures/base/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'shopplan-order-boundary-'));
const cacheDir = join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

/** The base plan with data.yaml reading `path`, a good order file in data/, and a folder outside with a secret export. */
function plan(path: string, arrange: (dir: string, outside: string) => void = () => {}): { dir: string; outside: string } {
  const root = join(work, `case-${++count}`);
  const dir = join(root, 'plan');
  const outside = join(root, 'outside');
  cpSync(BASE, dir, { recursive: true });
  mkdirSync(join(dir, 'data'));
  cpSync(SMALL_ORDERS, join(dir, 'data/orders.csv'));
  mkdirSync(outside);
  writeFileSync(join(outside, 'orders.csv'), 'SECRET_COLUMN,13800138000,zhang.san@example.com\n1,2,3\n');
  writeFileSync(join(dir, 'data.yaml'), stringify({ sources: [{ id: 'shop', path, columns: COLUMNS }] }));
  arrange(dir, outside);
  return { dir, outside };
}

const LINE = 3; // `path:` in the data.yaml written above (sources → - id → path)

type Case = { path: string; code: string; arrange?: (dir: string, outside: string) => void; note: string };

const CASES: Case[] = [
  { note: 'absolute', path: '/etc/passwd', code: 'data-path-outside' },
  { note: 'absolute, to the secret', path: '', code: 'data-path-outside' },
  { note: 'climbs out', path: '../outside/orders.csv', code: 'data-path-outside' },
  { note: 'climbs out after a folder', path: 'data/../../outside/orders.csv', code: 'data-path-outside' },
  { note: 'a file linked absolutely outside', path: 'data/link.csv', code: 'data-path-outside', arrange: (d, o) => symlinkSync(join(o, 'orders.csv'), join(d, 'data/link.csv')) },
  { note: 'a file linked relatively outside', path: 'data/link.csv', code: 'data-path-outside', arrange: (d) => symlinkSync('../../outside/orders.csv', join(d, 'data/link.csv')) },
  {
    note: 'a chain of links that ends outside',
    path: 'data/link.csv',
    code: 'data-path-outside',
    arrange: (d, o) => {
      symlinkSync(join(o, 'orders.csv'), join(o, 'hop.csv'));
      symlinkSync('../hop1.csv', join(d, 'data/link.csv'));
      symlinkSync('../outside/hop.csv', join(d, 'hop1.csv'));
    },
  },
  { note: 'a folder linked outside', path: 'linked/orders.csv', code: 'data-path-outside', arrange: (d, o) => symlinkSync(o, join(d, 'linked')) },
  { note: 'a pattern matching a link outside', path: 'data/*.csv', code: 'data-path-outside', arrange: (d, o) => symlinkSync(join(o, 'orders.csv'), join(d, 'data/z.csv')) },
  { note: 'a pattern through a linked folder', path: '*/orders.csv', code: 'data-path-outside', arrange: (d, o) => symlinkSync(o, join(d, 'zz')) },
  { note: '/dev/zero behind a link', path: 'data/zero.csv', code: 'data-path-outside', arrange: (d) => symlinkSync('/dev/zero', join(d, 'data/zero.csv')) },
  { note: 'a FIFO', path: 'data/fifo.csv', code: 'data-file-kind', arrange: (d) => execFileSync('mkfifo', [join(d, 'data/fifo.csv')]) },
  { note: 'a folder', path: 'data/folder.csv', code: 'data-file-kind', arrange: (d) => mkdirSync(join(d, 'data/folder.csv')) },
  { note: 'a hidden file', path: '.env', code: 'data-file-kind', arrange: (d) => writeFileSync(join(d, '.env'), 'API_KEY=SECRET\n') },
  { note: 'a pattern matching a hidden file', path: 'data/*.csv', code: 'data-file-kind', arrange: (d) => writeFileSync(join(d, 'data/.secret.csv'), 'SECRET\n') },
  { note: 'a plan file', path: 'plan.yaml', code: 'data-file-kind' },
];

describe('an order path that leads outside the plan folder or to no order export', () => {
  it.each(CASES)('is an error at its line in data.yaml and nothing of the file is printed: $note', async ({ path, code, arrange }) => {
    const { dir, outside } = plan(path, arrange);
    if (path === '') writeFileSync(join(dir, 'data.yaml'), stringify({ sources: [{ id: 'shop', path: join(outside, 'orders.csv'), columns: COLUMNS }] }));
    const started = performance.now();
    const check = await checkPlanFolder(dir, { data: { cacheDir } });
    expect(performance.now() - started).toBeLessThan(10_000);
    const errors = check.diagnostics.filter((d) => d.fatal);
    expect(errors.map((d) => [d.code, d.file.endsWith('/data.yaml'), d.startLine])).toEqual([[code, true, LINE]]);
    const out = (['text', 'json', 'github'] as const).map((f) => renderDiagnostics(check, f, false, 'The plan')).join('\n');
    expect(out).not.toMatch(/SECRET|13800138000|zhang\.san/);
    expect(check.result).toBeUndefined();
  });

  it('a link inside the plan folder to an order file inside it is read, and published by its path in the folder', async () => {
    const { dir } = plan('exports/current.csv', (d) => {
      mkdirSync(join(d, 'exports'));
      symlinkSync('../data/orders.csv', join(d, 'exports/current.csv'));
    });
    const check = await checkPlanFolder(dir, { data: { cacheDir } });
    expect(check.diagnostics.filter((d) => d.fatal)).toEqual([]);
    expect(check.result?.baseline?.sources[0]?.files.map((f) => f.path)).toEqual(['exports/current.csv']);
  });
});

describe('order paths as written (property)', () => {
  const segment = fc.oneof(fc.constantFrom('..', '.', 'data', 'exports', '2026', '.git', '.env'), fc.stringMatching(/^[a-z0-9_-]{1,8}$/));
  const file = fc.constantFrom('orders.csv', 'orders.csv.gz', 'x.parquet', 'x.pq', 'x.tsv', 'x.txt.gz', 'plan.yaml', 'passwd', 'x.csv.bak', '.hidden.csv', '*.csv');
  it('a path is refused as outside exactly when it is absolute or has a `..` segment, and as no order file when hidden or of another kind', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '/', 'C:/', '~/'), fc.array(segment, { maxLength: 4 }), file, (prefix, dirs, name) => {
        const path = `${prefix}${[...dirs, name].join('/')}`;
        const problem = orderPathProblem(path);
        if (prefix) expect(problem).toBe('absolute');
        else if (dirs.includes('..')) expect(problem).toBe('parent');
        else if ([...dirs, name].some((s) => s.startsWith('.') && s !== '.')) expect(problem).toBe('hidden');
        else if (!/\.(csv|tsv|txt)(\.gz)?$|\.(parquet|pq)$/.test(name)) expect(problem).toBe('extension');
        else expect(problem).toBeNull();
      }),
    );
  });
});

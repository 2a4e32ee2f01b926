// What a build publishes and leaves behind (issue #10 items 4 and 6). A plan with order data, named by an
// absolute path and built from another folder: plan.json and every page name files by their path inside
// the plan folder — never where the plan, the output, the working folder or ShopPlan lie on the building
// machine — and personal data in a misplaced order column appears in no page, plan.json or cache file.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { ROOT, userEnv } from '../helpers/cli.ts';
import { COLUMNS, SMALL_ORDERS } from '../data/helpers.ts';

const BASE = fileURLToPath(new URL('../fixtures/base/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'shopplan-paths-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function textFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...textFiles(path));
    else if (/\.(html|json|js|css|txt|xml|svg|webmanifest)$/.test(name)) out.push(path);
  }
  return out;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((n) => join(dir, n)).filter((p) => statSync(p).isFile());
}

describe('published outputs', () => {
  it('hold no absolute path of the machine that built them and no personal data', () => {
    const plan = join(work, 'plan');
    cpSync(BASE, plan, { recursive: true });
    mkdirSync(join(plan, 'data'));
    // Two rows with a customer's email as the SKU and a phone number as the channel.
    const rows = readFileSync(SMALL_ORDERS, 'utf8').trimEnd();
    writeFileSync(join(plan, 'data/orders.csv'), `${rows}\nP01,cust-x,2026-03-01 10:00:00,88.00,0,tmall,zhang.san@example.com\nP02,cust-y,2026-03-02 10:00:00,66.00,0,13800138000,tea\n`);
    writeFileSync(join(plan, 'data.yaml'), stringify({ sources: [{ id: 'shop', path: 'data/orders.csv', channelMap: { jd: 'douyin' }, columns: COLUMNS }] }));
    const cwd = join(work, 'elsewhere');
    mkdirSync(cwd);
    const out = join(work, 'site');
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/shopplan.js'), 'build', plan, '--out', out, '--no-pdf', '--versions', 'none'], { cwd, env: userEnv(), encoding: 'utf8', timeout: 240_000 });
    expect(run.status, run.stderr).toBe(0);
    const planJson = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')) as { baseline: { sources: Array<{ files: Array<{ path: string }> }> } };
    expect(planJson.baseline.sources[0]!.files[0]!.path).toBe('data/orders.csv');
    const forbidden = [work, ROOT.replace(/\/$/, ''), homedir(), 'file://'];
    const files = textFiles(out);
    expect(files.some((f) => f.endsWith(join('baseline', 'index.html')))).toBe(true);
    const hits = files.flatMap((f) => forbidden.filter((p) => readFileSync(f, 'utf8').includes(p)).map((p) => `${f.slice(out.length)}: ${p}`));
    expect(hits).toEqual([]);
    const personal = ['zhang.san@example.com', '13800138000'];
    expect(run.stderr).toMatch(/2 rows of \S+ have a SKU or channel that looks like personal data/);
    const leftovers = [...files, ...allFiles(cwd)];
    expect(leftovers.flatMap((f) => personal.filter((p) => readFileSync(f, 'utf8').includes(p)).map((p) => `${f}: ${p}`))).toEqual([]);
    expect(personal.some((p) => run.stderr.includes(p))).toBe(false);
  }, 300_000);
});

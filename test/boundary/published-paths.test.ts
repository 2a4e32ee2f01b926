// plan.json and every page hold no absolute path (issue #10 item 4): a plan with order data, named by an
// absolute path and built from another folder, publishes file names as paths inside the plan folder —
// never where the plan, the output, the working folder or ShopPlan itself lie on the building machine.
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

describe('published outputs', () => {
  it('hold no absolute path of the machine that built them', () => {
    const plan = join(work, 'plan');
    cpSync(BASE, plan, { recursive: true });
    mkdirSync(join(plan, 'data'));
    cpSync(SMALL_ORDERS, join(plan, 'data/orders.csv'));
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
  }, 300_000);
});

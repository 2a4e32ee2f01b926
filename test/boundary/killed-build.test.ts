// A build killed at any moment (issue #10 item 6): SIGKILL during the order analysis (decoded customer rows
// on disk), the site phase (Astro's build folder, the staging site) and the PDF phase (Chromium's profile)
// leaves the existing output untouched, and the next build sweeps everything the killed run left: no
// temporary folder, no decoded order rows, nothing next to the output.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, userEnv } from '../helpers/cli.ts';
import { findChromium } from '../../src/browser/chromium.ts';
import { replaceFolder, sweepLeftovers } from '../../src/pipeline/run-temp.ts';

const work = mkdtempSync(join(tmpdir(), 'shopplan-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cache = join(work, 'cache');
const out = join(work, 'dist');
const env = { ...userEnv(), SHOPPLAN_CACHE_DIR: cache };

/** The fixtures' base plan with last year's JD export (GBK, so the analysis writes decoded rows). */
function makePlan(): string {
  const plan = join(work, 'plan');
  cpSync(join(ROOT, 'test/fixtures/base'), plan, { recursive: true });
  mkdirSync(join(plan, 'data'));
  cpSync(join(ROOT, 'content/data/jd-2026.csv.gz'), join(plan, 'data/jd-2026.csv.gz'));
  writeFileSync(
    join(plan, 'data.yaml'),
    ['sources:', '  - id: jd', '    path: data/jd-2026.csv.gz', '    encoding: gbk', '    channel: tmall', '    columns: { orderId: 订单号, customerId: 用户账号, orderTime: 付款确认时间, paid: 实付金额, refund: 退款金额, sku: 商品编号 }', ''].join('\n'),
  );
  return plan;
}

/** Every entry under a folder, as paths relative to it; links are listed, not followed (files may vanish meanwhile). */
function listing(dir: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? [rel, ...listing(dir, rel)] : [rel];
  }).sort();
}

const runFolders = () => listing(join(cache, 'tmp')).filter((p) => /^\d+-[0-9a-f]+$/.test(p));

/** Starts a build and SIGKILLs it as soon as `moment` holds; returns what the run folder held then. */
async function killWhen(plan: string, moment: (files: string[]) => boolean, pdf: boolean): Promise<string[]> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/shopplan.js'), 'build', plan, '--out', out, '--versions', 'none', pdf ? '--pdf' : '--no-pdf'], { cwd: work, env, stdio: 'ignore' });
  const exited = new Promise((done) => child.once('exit', done));
  let seen: string[] = [];
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && child.exitCode === null) {
    seen = listing(join(cache, 'tmp'));
    if (moment(seen)) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGKILL');
  await exited;
  return seen;
}

describe('a build killed with SIGKILL', () => {
  it('leaves the existing output untouched at every moment, and the next build leaves nothing of it', async () => {
    const plan = makePlan();
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'the site as it was');
    writeFileSync(join(out, 'MARKER'), 'untouched');
    const before = listing(out);
    const moments: Array<{ name: string; pdf: boolean; when: (files: string[]) => boolean }> = [
      { name: 'order analysis', pdf: false, when: (f) => f.some((p) => /orders-[^/]+\/.*utf8\.csv/.test(p)) },
      { name: 'site phase', pdf: false, when: (f) => f.some((p) => /astro-[^/]+\/\.astro/.test(p)) },
      ...(findChromium() ? [{ name: 'PDF phase', pdf: true, when: (f: string[]) => f.some((p) => /chromium-[^/]+\/playwright/.test(p)) }] : []),
    ];
    expect(moments.length, 'Chromium is needed for the PDF moment').toBe(3);
    for (const m of moments) {
      const seen = await killWhen(plan, m.when, m.pdf);
      expect(m.when(seen), `the build was killed during the ${m.name}`).toBe(true);
      expect(listing(out), m.name).toEqual(before);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the site as it was');
      expect(runFolders().length, `the killed run left its folder (${m.name})`).toBeGreaterThan(0);
    }
    // The next build sweeps the dead runs first and leaves nothing of its own either.
    const next = spawnSync(process.execPath, [join(ROOT, 'bin/shopplan.js'), 'build', plan, '--out', out, '--versions', 'none', '--no-pdf'], { cwd: work, env, encoding: 'utf8', timeout: 240_000 });
    expect(next.status, next.stderr).toBe(0);
    expect(runFolders()).toEqual([]);
    expect(listing(out)).not.toContain('MARKER');
    expect(statSync(join(out, 'plan.json')).isFile()).toBe(true);
    const everything = [...listing(work).map((p) => join(work, p))];
    expect(everything.filter((p) => /utf8\.csv|\.tmp-|playwright|\.prerender/.test(p))).toEqual([]);
    expect(readdirSync(work).sort()).toEqual(['cache', 'dist', 'plan']);
    expect(listing(join(ROOT, '.astro')).filter((p) => /^build-/.test(p))).toEqual([]);
  }, 600_000);
});

describe('replacing an output folder', () => {
  it('puts the old output back when a run died between moving it aside and moving the new one in', async () => {
    const root = join(work, 'sweep');
    const target = join(root, 'dist');
    // A process that has ended: its pid names a dead run.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const runDir = join(root, 'tmp', `${dead}-deadbeef`);
    mkdirSync(join(runDir, 'previous-1'), { recursive: true });
    writeFileSync(join(runDir, 'previous-1/index.html'), 'old');
    writeFileSync(join(runDir, 'moves.json'), JSON.stringify([{ target, previous: join(runDir, 'previous-1') }]));
    mkdirSync(join(root, 'orders'), { recursive: true });
    writeFileSync(join(root, 'orders', `hashes.json.tmp-${dead}-5`), '{}');
    writeFileSync(join(root, 'orders', `hashes.json.tmp-${process.pid}-5`), '{}');
    const removed = await sweepLeftovers(root);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('old');
    expect(removed.sort()).toEqual([join(root, 'orders', `hashes.json.tmp-${dead}-5`), runDir].sort());
    // A live run's file is left alone.
    expect(existsSync(join(root, 'orders', `hashes.json.tmp-${process.pid}-5`))).toBe(true);
  });

  it('swaps a complete folder in and removes the old one', async () => {
    const target = join(work, 'swap/dist');
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'old.html'), 'old');
    const staging = join(work, 'swap-staging');
    mkdirSync(staging);
    writeFileSync(join(staging, 'new.html'), 'new');
    await replaceFolder(staging, target);
    expect(listing(target)).toEqual(['new.html']);
    expect(existsSync(staging)).toBe(false);
  });
});

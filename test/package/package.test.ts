// The installable package, end to end and offline (issue #14 §1–3): `npm pack` this checkout, make a plan
// repository with `shopplan new`, install the tarball there from npm's cache (CI's `npm ci` filled it), and
// run what a plan author and the plan's own workflow run — with the plan repository's Node, from the
// installed package, never from this source tree. Slow by nature (pack ≈ tsc, install ≈ npm ci): one pass,
// steps in order sharing one repository. The workflow's build runs with --no-pdf: printing PDFs is
// covered by the PDF tests and would double this test's time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { ROOT, userEnv } from '../helpers/cli.ts';
import { planLock } from './plan-lock.ts';

const STEP = 600_000;
const tmp = mkdtempSync(join(tmpdir(), 'shopplan-package-'));
const repo = join(tmp, 'my-plan');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A shell outside this checkout: no npm_* variables of the `npm test` running us, no node_modules/.bin of ours on PATH. */
function planEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = userEnv();
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  env.PATH = (env.PATH ?? '').split(delimiter).filter((p) => !p.startsWith(ROOT)).join(delimiter);
  return { ...env, npm_config_update_notifier: 'false', ...extra };
}

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: STEP, ...options, env: options.env ?? planEnv() });
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
const npx = (args: string[], env?: NodeJS.ProcessEnv) => run('npx', ['--no-install', 'shopplan', ...args], { cwd: repo, env: planEnv(env) });
const git = (...args: string[]) => run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@localhost', ...args], { cwd: repo });

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

let tarball: { path: string; integrity: string; size: number; files: string[] };

beforeAll(() => {
  const r = run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT, env: { ...process.env, npm_config_update_notifier: 'false' } });
  expect(r.code, r.stderr).toBe(0);
  const [info] = JSON.parse(r.stdout) as Array<{ filename: string; integrity: string; size: number; files: Array<{ path: string }> }>;
  tarball = { path: join(tmp, info!.filename), integrity: info!.integrity, size: info!.size, files: info!.files.map((f) => f.path) };
}, STEP);

describe('the packed package', () => {
  it('holds the compiled CLI for every source module, its bundle, the run-time files, and nothing else', () => {
    const files = new Set(tarball.files);
    // every module of src/ is compiled, with its declarations, and every page template is there: no list to go stale
    for (const source of walk(join(ROOT, 'src')).map((p) => relative(join(ROOT, 'src'), p).split(sep).join('/'))) {
      if (source.endsWith('.d.ts') || !source.endsWith('.ts')) expect(files, source).toContain(`lib/${source}`);
      else for (const out of ['.js', '.d.ts']) expect(files, source).toContain(`lib/${source.replace(/\.ts$/, out)}`);
    }
    for (const needed of ['bin/shopplan.js', 'lib/bundle/main.mjs', 'schemas/plan.schema.json', 'seeds/blank/plan.yaml', 'content/plan.yaml', 'templates/plan-repository/README.md', '.github/workflows/plan.yml', 'scripts/install-system-deps.sh']) expect(files).toContain(needed);
    expect([...files].filter((f) => /^(src|test|docs)\/|^content\/data\/|\.tgz$/.test(f))).toEqual([]);
    // pages import the compiled modules, never a source file
    const page = readFileSync(join(ROOT, 'src/site/pages/[...locale]/index.astro'), 'utf8');
    expect(page).toMatch(/from '\.\.\/\.\.\/routes\.ts'/);
    expect(tarball.size).toBeLessThan(2_000_000);
    // postpack leaves no compiled copy in the checkout
    expect(existsSync(join(ROOT, 'lib'))).toBe(false);
  });
});

describe('a plan repository made by `shopplan new`', () => {
  it('is created, validated and built at once, with a first commit', () => {
    // this checkout's CLI makes the repository, as `npx shopplan@latest new` would
    const r = run(process.execPath, [join(ROOT, 'bin/shopplan.js'), 'new', repo, '--shopplan', tarball.path], { cwd: tmp, env: userEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(repo, 'dist/index.html'))).toBe(true);
    expect(git('status', '--porcelain').stdout).toBe('');
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).dependencies.shopplan).toBe(`file:${tarball.path}`);
  }, STEP);

  it('installs the tarball offline, with its own Node, and the editor finds every schema in it', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    writeFileSync(join(repo, 'package-lock.json'), planLock(ROOT, pkg, tarball));
    const r = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(run('npx', ['--no-install', 'node', '--version'], { cwd: repo }).stdout.trim()).toBe(`v${readFileSync(join(repo, 'node_modules/node/package.json'), 'utf8').match(/"version": "([^"]+)"/)![1]}`);
    const modeline = /\$schema=(\S+)/.exec(readFileSync(join(repo, 'content/plan.yaml'), 'utf8'))![1]!;
    expect(existsSync(join(repo, 'content', modeline))).toBe(true);
    for (const schema of Object.keys(JSON.parse(readFileSync(join(repo, '.vscode/settings.json'), 'utf8'))['yaml.schemas'])) expect(existsSync(join(repo, schema)), schema).toBe(true);
  }, STEP);

  it('validates (through its bundle) and builds the site and plan.json from the installed package, naming nothing of this checkout', () => {
    const v = npx(['validate']);
    expect(v.code, v.stderr).toBe(0);
    // The same command with the plan's own Node, recording the modules it loads.
    const record = join(tmp, 'loads.txt');
    const hook = join(ROOT, 'test/architecture/record-loads.mjs');
    const traced = run(join(repo, 'node_modules/.bin/node'), ['--import', hook, join(repo, 'node_modules/shopplan/bin/shopplan.js'), 'validate'], { cwd: repo, env: planEnv({ SHOPPLAN_RECORD_LOADS: record }) });
    expect(traced.code, traced.stderr).toBe(0);
    const loaded = readFileSync(record, 'utf8').split('\n');
    expect(loaded).toContain(pathToFileURL(join(repo, 'node_modules/shopplan/lib/bundle/main.mjs')).href);
    expect(loaded.filter((url) => url.includes('/node_modules/shopplan/lib/cli/'))).toEqual([]);
    const b = npx(['build', '--no-pdf']);
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, 'dist/plan.json'), 'utf8')).targets.gmv.value).toBe(10_000_000);
    const leaks = walk(join(repo, 'dist')).filter((f) => /\.(html|json|js|css)$/.test(f) && readFileSync(f, 'utf8').includes(ROOT.replace(/[\\/]$/, '')));
    expect(leaks).toEqual([]);
  }, STEP);

  it('diffs a tagged version against an edited working copy', () => {
    expect(git('tag', '-a', 'v1', '-m', 'Agreed').code).toBe(0);
    const targets = join(repo, 'content/targets.yaml');
    writeFileSync(targets, readFileSync(targets, 'utf8').replace('value: 10000000', 'value: 12000000'));
    const d = npx(['diff', 'v1', 'content', '--format', 'json']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toContain('12000000');
  }, STEP);

  it("passes its own workflow's commands on a pull request and on main", () => {
    git('switch', '-q', '-c', 'raise-gmv');
    git('commit', '-q', '-am', 'Raise the GMV target');
    // the pull request's base branch as the checkout fetches it
    git('update-ref', 'refs/remotes/origin/main', 'main');
    const workflow = parse(readFileSync(join(repo, '.github/workflows/plan.yml'), 'utf8')) as { env: Record<string, string>; jobs: Record<string, { steps: Array<{ name?: string; run?: string }> }> };
    const summary = join(tmp, 'summary.md');
    const env = { ...workflow.env, BASE_REF: 'main', BASE_PATH: '', RUNNER_TEMP: tmp, GITHUB_STEP_SUMMARY: summary };
    const ran: string[] = [];
    for (const job of ['check', 'publish']) {
      for (const step of workflow.jobs[job]!.steps) {
        // npm ci ran above; the system packages need apt and root
        if (!step.run || /^npm ci\b|install-system-deps/.test(step.run)) continue;
        const script = step.run.replace(/ --pdf\b/, ' --no-pdf');
        const r = run('bash', ['-eo', 'pipefail', '-c', script], { cwd: repo, env: planEnv(env) });
        expect(r.code, `${step.name}: ${r.stderr}`).toBe(0);
        ran.push(step.name ?? step.run);
      }
    }
    expect(ran.length).toBeGreaterThanOrEqual(4);
    expect(readFileSync(summary, 'utf8')).toContain('GMV');
    expect(readFileSync(summary, 'utf8')).not.toContain('could not be computed');
    expect(existsSync(join(repo, 'dist/index.html'))).toBe(true);
  }, STEP);
});

// `shopplan dev` as a user runs it: serve, edit a YAML file, see the page change.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, userEnv } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'shopplan-dev-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function title(url: string): Promise<string | undefined> {
  const html = await fetch(url).then((r) => r.text(), () => '');
  return /<title>([^<]*)<\/title>/.exec(html)?.[1];
}

describe('shopplan dev', () => {
  it('serves the plan and reloads it after a YAML edit', async () => {
    const plan = join(dir, 'plan');
    cpSync(join(ROOT, 'seeds/blank'), plan, { recursive: true });
    const port = await freePort();
    child = spawn(process.execPath, [join(ROOT, 'bin/shopplan.js'), 'dev', plan, '--port', String(port)], { cwd: ROOT, env: userEnv(), stdio: 'ignore' });
    const url = `http://localhost:${port}/`;
    await expect.poll(() => title(url), { timeout: 60_000, interval: 500 }).toBe('年度电商运营计划');
    const file = join(plan, 'plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('年度电商运营计划', '年度电商运营计划（修订）'));
    await expect.poll(() => title(url), { timeout: 30_000, interval: 500 }).toBe('年度电商运营计划（修订）');
  }, 120_000);
});

// The CLI's start-up cache (bin/start-up-cache.js): in a checkout, a module's stripped JavaScript is kept and
// used while its source is unchanged, made again when it changes, and never announced by a warning; off with
// NODE_DISABLE_COMPILE_CACHE. Each case runs in its own Node process, since load hooks are process-wide.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const START_UP = pathToFileURL(join(import.meta.dirname, '../../bin/start-up-cache.js')).href;
const work = mkdtempSync(join(tmpdir(), 'shopplan-start-up-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const src = join(work, 'src');
const cache = join(work, 'cache');
mkdirSync(src);

/** Imports src/main.ts through the cache in a fresh process; its stdout and stderr. */
function run(env: Record<string, string> = {}) {
  const script = `import { cacheStartUp } from ${JSON.stringify(START_UP)};
cacheStartUp(new URL(${JSON.stringify(pathToFileURL(cache).href + '/')}), new URL(${JSON.stringify(pathToFileURL(src).href + '/')}));
const { answer } = await import(${JSON.stringify(pathToFileURL(join(src, 'main.ts')).href)});
console.log(answer());`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { PATH: process.env.PATH!, ...env } });
  return { stdout: r.stdout.trim(), stderr: r.stderr, status: r.status };
}
const entries = () => (existsSync(join(cache, 'strip')) ? readdirSync(join(cache, 'strip')).filter((n) => n.endsWith('.js')) : []);

describe('the start-up cache', () => {
  it('keeps the stripped module, uses it while the source is the same and strips it again when it changes, without a warning', () => {
    writeFileSync(join(src, 'main.ts'), 'export const answer = (): number => 41;\n');
    expect(run()).toEqual({ stdout: '41', stderr: '', status: 0 });
    expect(entries()).toHaveLength(1);
    const entry = join(cache, 'strip', entries()[0]!);
    // The entry, not the source, is what runs while the source is unchanged.
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('41', '40'));
    expect(run().stdout).toBe('40');
    writeFileSync(join(src, 'main.ts'), 'export const answer = (): number => 42;\n');
    expect(run()).toEqual({ stdout: '42', stderr: '', status: 0 });
    // Replaced, not added: one entry per module.
    expect(entries()).toHaveLength(1);
    expect(readdirSync(join(cache, 'v8')).length).toBeGreaterThan(0);
  });

  it('leaves what it cannot strip to Node, which names the file', () => {
    writeFileSync(join(src, 'main.ts'), 'enum E { A }\nexport const answer = () => E.A;\n');
    const r = run();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('main.ts');
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE', () => {
    rmSync(cache, { recursive: true, force: true });
    writeFileSync(join(src, 'main.ts'), 'export const answer = (): number => 43;\n');
    expect(run({ NODE_DISABLE_COMPILE_CACHE: '1' }).stdout).toBe('43');
    expect(existsSync(cache)).toBe(false);
  });
});

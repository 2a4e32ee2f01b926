// The bundled CLI of a checkout (scripts/bundle-cli.ts, run by bin/shopplan.js while current): it runs only while
// every file it was made from is unchanged, a module in it still finds the files next to its source, and it says
// what the modules say unbundled — on the example, a plan with errors and the blank seed.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleCli } from '../../scripts/bundle-cli.ts';
import { currentBundle } from '../../bin/start-up-cache.js';
import { ROOT, shopplan, userEnv } from '../helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'shopplan-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `main(args)` of a bundle in a fresh Node process, from the checkout. */
function runBundle(entry: URL, args: string[]) {
  const script = `const { main } = await import(${JSON.stringify(entry.href)}); process.exitCode = await main(${JSON.stringify(args)});`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: userEnv(), timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('a bundle of a small checkout', () => {
  const root = join(work, 'checkout');
  const cache = pathToFileURL(join(work, 'cache') + '/');
  const rootUrl = pathToFileURL(root + '/');
  mkdirSync(join(root, 'src/cli'), { recursive: true });
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  writeFileSync(join(root, 'node_modules/.package-lock.json'), '{}\n');
  writeFileSync(join(root, 'src/cli/answer.ts'), 'export const answer: number = 41;\n');
  writeFileSync(join(root, 'src/cli/note.txt'), 'beside main.ts');
  writeFileSync(
    join(root, 'src/cli/main.ts'),
    "import { readFileSync } from 'node:fs';\nimport { answer } from './answer.ts';\n" +
      "export async function main(): Promise<number> { console.log(answer, readFileSync(new URL('./note.txt', import.meta.url), 'utf8')); return 0; }\n",
  );

  it('is current once made, and its modules find the files beside their sources', async () => {
    expect(currentBundle(cache, rootUrl)).toBeNull();
    await bundleCli(root, cache);
    const entry = currentBundle(cache, rootUrl);
    expect(entry).not.toBeNull();
    expect(runBundle(entry!, []).stdout.trim()).toBe('41 beside main.ts');
  });

  it('is stale when a source changes, and current again once made again, with the change', async () => {
    writeFileSync(join(root, 'src/cli/answer.ts'), 'export const answer: number = 42;\n');
    expect(currentBundle(cache, rootUrl)).toBeNull();
    await bundleCli(root, cache);
    expect(runBundle(currentBundle(cache, rootUrl)!, []).stdout.trim()).toBe('42 beside main.ts');
  });

  it('is stale when a source keeps its size but not its time, and after any install of packages', async () => {
    utimesSync(join(root, 'src/cli/answer.ts'), new Date(), new Date(Date.now() + 5000));
    expect(currentBundle(cache, rootUrl)).toBeNull();
    await bundleCli(root, cache);
    expect(currentBundle(cache, rootUrl)).not.toBeNull();
    writeFileSync(join(root, 'node_modules/.package-lock.json'), '{"packages":{}}\n');
    expect(currentBundle(cache, rootUrl)).toBeNull();
  });

  it('is not used with SHOPPLAN_NO_BUNDLE=1, nor for another checkout', async () => {
    await bundleCli(root, cache);
    expect(currentBundle(cache, rootUrl)).not.toBeNull();
    expect(currentBundle(cache, pathToFileURL(join(work, 'elsewhere') + '/'))).toBeNull();
    process.env.SHOPPLAN_NO_BUNDLE = '1';
    try {
      expect(currentBundle(cache, rootUrl)).toBeNull();
    } finally {
      delete process.env.SHOPPLAN_NO_BUNDLE;
    }
  });
});

describe("the checkout's own bundle", () => {
  const cache = pathToFileURL(join(work, 'own-cache') + '/');
  let entry: URL;

  it.each([
    ['the example, as JSON diagnostics', ['validate', 'content', '--format', 'json']],
    ['the example computed', ['compute', 'content', '--json']],
    ['a plan with errors, as text', ['validate', 'test/fixtures/invalid/aov-gap']],
    ['the blank seed computed', ['compute', 'seeds/blank', '--json']],
  ])('says what the modules say unbundled: %s', async (_, args) => {
    entry ??= (await bundleCli(ROOT, cache), currentBundle(cache, pathToFileURL(ROOT))!);
    const bundled = runBundle(entry, args);
    const modules = shopplan(args, { env: { SHOPPLAN_NO_BUNDLE: '1' } });
    expect(bundled.stdout.length).toBeGreaterThan(0);
    expect(bundled).toEqual(modules);
  });
});

// ESLint enforces the layer order and the engine's purity: each fixture file is linted as if it lived at the
// path in its first line, and the test asserts what ESLint reports there.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const eslint = new ESLint({ cwd: ROOT });

async function lintFixture(name: string): Promise<Array<{ rule: string | null; line: number; message: string }>> {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const as = /^\/\/ linted as: (\S+)/.exec(text)?.[1];
  if (!as) throw new Error(`${name} does not say where it is linted as`);
  const [result] = await eslint.lintText(text, { filePath: join(ROOT, as) });
  return result!.messages.map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
}

describe('lint: layer order', () => {
  it('reports the engine importing from load/, naming both folders and what the engine may import', async () => {
    const messages = await lintFixture('engine-imports-load.ts');
    expect(messages).toEqual([
      {
        rule: 'boundaries/dependencies',
        line: 3,
        message: 'src/engine must not import src/load (../load/locate.ts): imports go one way, and src/engine may import only src/model (docs/architecture.md).',
      },
    ]);
  });

  it('reports the site importing from cli/', async () => {
    const messages = await lintFixture('site-imports-cli.ts');
    expect(messages.map((m) => [m.rule, m.line])).toEqual([['boundaries/dependencies', 3]]);
    expect(messages[0]!.message).toMatch(/^src\/site must not import src\/cli \(\.\.\/cli\/report\.ts\)/);
  });

  it('reports backward re-exports and dynamic imports too', async () => {
    const messages = await lintFixture('model-imports-engine-dynamically.ts');
    expect(messages.map((m) => [m.rule, m.line])).toEqual([
      ['boundaries/dependencies', 3],
      ['boundaries/dependencies', 5],
    ]);
    expect(messages[0]!.message).toContain('src/model may import only itself');
  });

  it('allows imports that go down the layers', async () => {
    expect(await lintFixture('cli-imports-down.ts')).toEqual([]);
  });
});

describe('lint: one error type', () => {
  it('reports a bare Error or RangeError thrown in src/, pointing at ShopPlanError and invariant()', async () => {
    const messages = await lintFixture('bare-throw.ts');
    expect(messages.map((m) => [m.rule, m.line])).toEqual([
      ['no-restricted-syntax', 4],
      ['no-restricted-syntax', 5],
    ]);
    expect(messages[0]!.message).toContain('Throw a ShopPlanError (src/diagnostics/errors.ts) for a failure users should see, or call invariant()');
  });
});

describe('lint: engine purity', () => {
  it('reports file system, clock, randomness, process and timers in the engine', async () => {
    const messages = await lintFixture('engine-impure.ts');
    expect(messages.map((m) => m.rule)).toEqual([
      'no-restricted-imports', // node:fs
      'no-restricted-imports', // path
      'no-restricted-globals', // Date.now()
      'no-restricted-globals', // new Date()
      'no-restricted-properties', // Math.random()
      'no-restricted-globals', // process
      'no-restricted-globals', // performance
    ]);
    for (const m of messages) expect(m.message).toContain('The engine is pure (docs/architecture.md): no file system, clock, randomness or process');
  });

  it('allows the same code outside the engine', async () => {
    const text = readFileSync(join(FIXTURES, 'engine-impure.ts'), 'utf8');
    const [result] = await eslint.lintText(text, { filePath: join(ROOT, 'src/build/impure.ts') });
    expect(result!.messages).toEqual([]);
  });
});

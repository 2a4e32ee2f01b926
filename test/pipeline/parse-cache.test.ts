// Parses kept across runs (src/pipeline/parse-cache.ts, src/load/parse-memo.ts): a load that starts from the
// parses an earlier run kept gives exactly the sources and diagnostics a fresh parse gives — on the blank
// seed, the example and a generated large plan — and parses only what changed; a cache that is missing,
// corrupt or turned off costs a parse, never a wrong answer.
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { loadPlan } from '../../src/load/load-plan.ts';
import { migratePlan } from '../../src/load/migrate.ts';
import { validatePlan } from '../../src/validate/validate-plan.ts';
import { forgetParses, rememberParses, usedParses } from '../../src/load/parse-memo.ts';
import { checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { generateLargePlan } from '../../scripts/gen-large-plan.ts';
import { files, folderFiles } from '../helpers/plan.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'shopplan-parse-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
generateLargePlan(join(work, 'large'), { skus: 60, channels: 6, months: 12 });
const PLANS = { blank: join(ROOT, 'seeds/blank'), example: join(ROOT, 'content'), large: join(work, 'large') };

/** A load in a new process: the memo holds only what `kept` gives it. */
function loadFrom(kept: ReturnType<typeof usedParses>['parses'], dir: string, planFiles = folderFiles(dir)) {
  forgetParses();
  rememberParses(kept);
  const loaded = loadPlan(dir, planFiles);
  return { loaded, used: usedParses() };
}

describe('parses kept across runs', () => {
  it.each(Object.entries(PLANS))('gives the %s plan the sources and diagnostics of a fresh parse, parsing nothing', (_name, dir) => {
    const fresh = loadFrom([], dir);
    expect(fresh.used.parsed).toBeGreaterThan(0);
    // Kept as the cache keeps them: serialised by V8 and read back.
    const kept = deserialize(serialize(fresh.used.parses)) as typeof fresh.used.parses;
    const again = loadFrom(kept, dir);
    expect(again.used.parsed).toBe(0);
    expect(again.loaded.sources).toEqual(fresh.loaded.sources);
    expect(again.loaded.diagnostics).toEqual(fresh.loaded.diagnostics);
    // Diagnostics are placed through the kept index as through the fresh one.
    expect(validatePlan(again.loaded.sources).diagnostics).toEqual(validatePlan(fresh.loaded.sources).diagnostics);
  });

  it('keeps a key named __proto__ and text in any script as written, and never keeps a parse with diagnostics', () => {
    const plan = files({ 'plan.yaml': 'title:\n  zh-CN: 计划\n__proto__:\n  x: 1\n', 'targets.yaml': 'targets: [\n', 'chapters/01-a.mdx': '---\ntitle: 一\norder: 1\n---\n\n正文。\n' });
    const fresh = loadFrom([], 'proto-plan', plan);
    expect(fresh.used.parses.map((p) => p.file).sort()).toEqual(['proto-plan/chapters/01-a.mdx\u0000chapters/01-a.mdx', 'proto-plan/plan.yaml']);
    const again = loadFrom(deserialize(serialize(fresh.used.parses)), 'proto-plan', plan);
    expect(again.used.parsed).toBe(1);
    expect(Object.hasOwn(again.loaded.sources.files.plan!.data as object, '__proto__')).toBe(true);
    expect(again.loaded.sources).toEqual(fresh.loaded.sources);
  });

  it('parses plan.yaml once for the schemaVersion read and the load', () => {
    const dir = PLANS.example;
    const planFiles = folderFiles(dir);
    forgetParses();
    rememberParses([]);
    loadPlan(dir, migratePlan(dir, planFiles).files);
    const parsedFiles = planFiles.filter((f) => /^[^/]+\.ya?ml$|^chapters\/[^/]+\.mdx$/.test(f.name)).length;
    expect(usedParses().parsed).toBe(parsedFiles);
  });

  it('parses a file whose text differs from the kept parse (an edit, or a cache that does not match its text)', () => {
    const dir = PLANS.blank;
    const fresh = loadFrom([], dir);
    const tampered = fresh.used.parses.map((p) => (p.file.endsWith('plan.yaml') ? { ...p, text: `${p.text}\n# other` } : p));
    const again = loadFrom(tampered, dir);
    expect(again.used.parsed).toBe(1);
    expect(again.loaded.sources).toEqual(fresh.loaded.sources);
  });
});

describe('the parse cache of a command', () => {
  const dir = join(work, 'example');
  cpSync(PLANS.example, dir, { recursive: true });
  const cacheFile = join(ROOT, 'node_modules/.cache/shopplan/parses', `${createHash('sha1').update(resolve(dir)).digest('hex').slice(0, 20)}.bin`);
  /** A command in a new process: nothing in memory. */
  const run = async () => {
    forgetParses();
    const check = await checkPlanFolder(dir, { compute: false });
    return { diagnostics: check.diagnostics, parsed: usedParses().parsed };
  };

  it('parses once, then only the edited file, and answers the same', async () => {
    rmSync(cacheFile, { force: true });
    const first = await run();
    expect(first.parsed).toBeGreaterThan(10);
    expect(existsSync(cacheFile)).toBe(true);
    const second = await run();
    expect(second).toEqual({ diagnostics: first.diagnostics, parsed: 0 });
    appendFileSync(join(dir, 'risks.yaml'), '\n# edited\n');
    expect((await run()).parsed).toBe(1);
    expect((await run()).parsed).toBe(0);
  });

  it('keeps the caches of the 16 folders validated last', async () => {
    const folder = join(ROOT, 'node_modules/.cache/shopplan/parses');
    const old = Array.from({ length: 20 }, (_, i) => join(folder, `old-${i}.bin`));
    for (const [i, path] of old.entries()) {
      writeFileSync(path, 'x');
      utimesSync(path, new Date(2000, 0, 1 + i), new Date(2000, 0, 1 + i));
    }
    appendFileSync(join(dir, 'risks.yaml'), '\n# edited again\n');
    await run();
    const left = readdirSync(folder).filter((n) => n.endsWith('.bin'));
    // At least 21 caches, 16 kept: the five oldest went (other test files' runs only add newer ones).
    expect(left).toContain(basename(cacheFile));
    for (let i = 0; i < 5; i++) expect(left).not.toContain(`old-${i}.bin`);
    for (const path of old) rmSync(path, { force: true });
  });

  it('parses everything again when the cache is corrupt or written by other loading code, and is off with SHOPPLAN_NO_CACHE=1', async () => {
    const first = await run();
    writeFileSync(cacheFile, 'not a cache');
    const corrupt = await run();
    expect(corrupt.diagnostics).toEqual(first.diagnostics);
    expect(corrupt.parsed).toBeGreaterThan(10);
    const stored = deserialize(readFileSync(cacheFile)) as { salt: string; parses: unknown[] };
    writeFileSync(cacheFile, serialize({ ...stored, salt: 'other loading code' }));
    expect((await run()).parsed).toBeGreaterThan(10);
    rmSync(cacheFile);
    process.env.SHOPPLAN_NO_CACHE = '1';
    try {
      expect((await run()).parsed).toBeGreaterThan(10);
      expect((await run()).parsed).toBeGreaterThan(10);
      expect(existsSync(cacheFile)).toBe(false);
    } finally {
      delete process.env.SHOPPLAN_NO_CACHE;
    }
  });
});

// A cache is never read from where a pull request can write: neither the current folder nor the plan folder.
// The cache of built sites, PDFs and order analyses lives in node_modules/.cache/shopplan of the ShopPlan
// install (pipeline/run-temp.ts cacheRoot()), which `npm ci` starts afresh. Were it in the working folder, as it
// once was, a commit could bring its own `.shopplan-cache/` — order aggregates keyed by content hashes anyone can
// compute, built pages with scripts, PDFs — and a build would publish them as its own.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, shopplan } from '../helpers/cli.ts';
import { cacheRoot } from '../../src/pipeline/run-temp.ts';

const work = mkdtempSync(join(tmpdir(), 'shopplan-planted-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The same entry with every number doubled: well-formed, and wrong. */
function doubled(node: unknown): unknown {
  if (typeof node === 'number') return node * 2;
  if (Array.isArray(node)) return node.map(doubled);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, doubled(v)]));
  return node;
}

describe('a cache planted in the working or plan folder', () => {
  it('is outside the working folder and the plan folder by default', () => {
    const saved = process.env.SHOPPLAN_CACHE_DIR;
    delete process.env.SHOPPLAN_CACHE_DIR;
    try {
      expect(cacheRoot()).toBe(join(ROOT, 'node_modules/.cache/shopplan'));
    } finally {
      if (saved !== undefined) process.env.SHOPPLAN_CACHE_DIR = saved;
    }
  });

  it('is never read: the example computes the same from a folder holding a tampered copy of every cache entry', () => {
    const plan = join(work, 'plan');
    cpSync(join(ROOT, 'content'), plan, { recursive: true });
    const honest = shopplan(['compute', plan, '--json'], { cwd: work });
    expect(honest.code, honest.stderr).toBe(0);
    // Every entry the real cache holds, under the same names, with every figure doubled — in the
    // old place (the current folder) and in the plan folder.
    for (const at of [join(work, '.shopplan-cache'), join(plan, '.shopplan-cache')]) {
      for (const sub of ['orders', 'json'].filter((s) => existsSync(join(cacheRoot(), s)))) {
        mkdirSync(join(at, sub), { recursive: true });
        for (const name of readdirSync(join(cacheRoot(), sub)).filter((n) => n.endsWith('.json'))) writeFileSync(join(at, sub, name), JSON.stringify(doubled(JSON.parse(readFileSync(join(cacheRoot(), sub, name), 'utf8')))));
      }
    }
    // Not vacuous: the example's order analysis is among what was planted.
    expect(readdirSync(join(work, '.shopplan-cache/orders')).length).toBeGreaterThan(1);
    const again = shopplan(['compute', plan, '--json'], { cwd: work });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(honest.stdout);
  });
});

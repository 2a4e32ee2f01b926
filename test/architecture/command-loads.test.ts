// `shopplan validate` and `shopplan compute` answer while a plan author waits (issue #14: ≤ 1 s). Each module a
// process loads costs start-up time (from a checkout, Node also strips its types), so these commands load only
// what they use: no site, PDF, versions, browser or Excel code, and — when the order analysis is cached, as it
// is after the first run — neither DuckDB nor the order reader. A new static import that pulls one of these in
// fails here; import it where it is used (`await import(…)`), as main.ts does for commands. The chapters' Markdown
// parser loads only when a chapter is not in the parse cache, and the detailed schema validators only when a file
// fails the schema check (src/validate/validators.ts). A checkout runs its CLI bundled (scripts/bundle-cli.ts), split
// where the sources import lazily: the same holds of the modules in the bundle's files a command loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, shopplan, userEnv } from '../helpers/cli.ts';
import { ensureBundle } from '../../scripts/bundle-cli.ts';

const BIN = join(ROOT, 'bin/shopplan.js');
const HOOK = join(import.meta.dirname, 'record-loads.mjs');
const dir = mkdtempSync(join(tmpdir(), 'shopplan-loads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The URLs of the files `shopplan <args>` loads, bundled or not. */
function urlsLoadedBy(args: string[], bundled: boolean): string[] {
  const record = join(dir, `${args.join('-')}-${bundled}.txt`);
  // Without the start-up cache, whose load hook answers for src/ modules before the recording hook sees them.
  const env = { ...userEnv(), SHOPPLAN_RECORD_LOADS: record, NODE_DISABLE_COMPILE_CACHE: '1', ...(bundled ? {} : { SHOPPLAN_NO_BUNDLE: '1' }) };
  const run = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(record, 'utf8').split('\n');
}

/** Project-relative paths (src/…, node_modules/<package>/…) of the modules `shopplan <args>` loads: those of src/ and the packages, or those in the files of the bundle it loads. */
function loadedBy(args: string[], bundled: boolean, entry: URL): string[] {
  const root = new URL(`file://${ROOT}`).href;
  const urls = urlsLoadedBy(args, bundled);
  if (!bundled) return urls.filter((url) => url.startsWith(root)).map((url) => url.slice(root.length).replace(/^\/+/, ''));
  const folder = new URL('./', entry).href;
  const sources = JSON.parse(readFileSync(new URL('sources.json', folder), 'utf8')) as Record<string, string[]>;
  const files = urls.filter((url) => url.startsWith(folder)).map((url) => url.slice(folder.length));
  expect(files).toContain('main.mjs');
  return files.flatMap((file) => sources[file] ?? []);
}

/** What these commands never need: later layers of the pipeline, and the heavy packages they use. */
const NEVER = [/^src\/(site|build|pdf|versions|browser|xlsx)\//, /node_modules\/(astro|@duckdb|exceljs|playwright-core|pdf-lib|pagefind|chart\.js|rehype-[^/]+|typescript)\//];
/** The order reader and the analysis queries: only when data.yaml's files have no cached analysis. */
const ON_CACHE_MISS = [/^src\/data\/(load-orders|analyze|csv-lines)\.ts$/];
/** The Markdown parser: only when a chapter's parse is not in the parse cache (src/load/mdx-parser.ts). */
const ON_PARSE_MISS = [/node_modules\/(unified|remark-[^/]+|micromark[^/]*|mdast-util-from-markdown|mdast-util-to-markdown)\//];
/** The schema validators with every error in detail: only for a file that fails the check. */
const ON_INVALID = [/^src\/validate\/validators\.generated\.js$/];

describe('modules loaded by the commands a plan author waits for', () => {
  // Analyses the example's order files when the cache does not have them yet, and keeps the plan's parses.
  // The bundle is made first when a source changed since (as `npm test` does).
  let entry: URL;
  beforeAll(async () => {
    entry = await ensureBundle();
    expect(shopplan(['validate', 'content']).code).toBe(0);
  }, 120_000);

  it.each([
    ['validate', 'modules', false],
    ['compute', 'modules', false],
    ['validate', 'bundle', true],
    ['compute', 'bundle', true],
  ])('shopplan %s content (its %s) loads none of the site, PDF, versions, browser or Excel code, nor the Markdown parser of chapters it has parses of, nor the detailed validators of a valid plan', (command, _, bundled) => {
    const loaded = loadedBy([command, 'content'], bundled, entry);
    expect(loaded.filter((m) => m.startsWith('src/engine/'))).not.toEqual([]);
    expect(loaded).toContain('src/validate/validators-check.generated.js');
    expect(loaded.filter((m) => [...NEVER, ...ON_CACHE_MISS, ...ON_PARSE_MISS, ...ON_INVALID].some((re) => re.test(m)))).toEqual([]);
  });
});

// Parses kept from one command to the next: `shopplan validate` after an edit parses the edited file and
// gets every other file's parse from the last run (parsing the example's YAML and MDX took about 0.35 s of a
// 1.5 s validate). One file per plan folder, holding the parses its last load used (load/parse-memo.ts), so
// it never holds more than the plan; written only when a parse was made. The folders validated last (16) keep
// theirs: test runs and temporary plan folders do not pile up. It lives beside the start-up cache
// in the tool's node_modules/.cache/shopplan — never in the plan folder, and out of reach of a pull request
// (`npm ci` starts node_modules afresh), since a parse that does not match its text would bypass the checks.
// A parse is taken only for the same file name and text, and only from a cache written by the same loading
// code, parser packages, Node and V8 (the salt). SHOPPLAN_NO_CACHE=1 turns it off.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { rememberParses, usedParses, type KeptParse } from '../load/parse-memo.ts';
import { writeAtomic } from '../data/files.ts';
import { TOOL_CACHE } from './run-temp.ts';

const ROOT = new URL('../../', import.meta.url);
const FOLDER = new URL('parses/', TOOL_CACHE);

export interface ParseCache {
  /** Keeps the parses the load used, when it had to make any. */
  save(): Promise<void>;
}

interface Stored {
  salt: string;
  parses: KeptParse[];
}

let salt: Promise<string> | undefined;

/** Starts a load of `dir` with the parses its last load kept. */
export async function openParseCache(dir: string): Promise<ParseCache> {
  const off = process.env.SHOPPLAN_NO_CACHE === '1';
  const file = fileURLToPath(new URL(`${createHash('sha1').update(resolve(dir)).digest('hex').slice(0, 20)}.bin`, FOLDER));
  const current = off ? '' : await (salt ??= loadingCodeSalt());
  let kept: KeptParse[] = [];
  if (!off) {
    try {
      const stored = deserialize(await readFile(file)) as Stored;
      if (stored.salt === current && Array.isArray(stored.parses)) kept = stored.parses.map(unpacked);
    } catch {
      // None yet, or unreadable: parse.
    }
  }
  rememberParses(kept);
  return {
    async save() {
      if (off) return;
      const used = usedParses();
      if (used.parsed === 0 && used.parses.length === kept.length) return;
      try {
        await writeAtomic(file, serialize({ salt: current, parses: used.parses.map(packed) } satisfies Stored));
        await prune(fileURLToPath(FOLDER));
      } catch {
        // A cache that cannot be written only costs the parse next time.
      }
    },
  };
}

interface IndexedSource {
  index?: unknown;
  /** The index as kept: V8-serialised bytes. */
  indexBytes?: Uint8Array;
}

/**
 * A YAML file's index of places (load/yaml-index.ts) is most of its kept parse — about 20,000 objects for the
 * example, against 2,500 of data — and is read only to place a diagnostic in that file: it is kept as bytes and
 * read back when first asked for.
 */
function packed(p: KeptParse): KeptParse {
  const source = (p.parsed as { source?: IndexedSource }).source;
  if (!source || (source.index === undefined && !source.indexBytes)) return p;
  const { index: _index, ...rest } = source;
  return { ...p, parsed: { ...(p.parsed as object), source: { ...rest, indexBytes: source.indexBytes ?? serialize(source.index) } } };
}

function unpacked(p: KeptParse): KeptParse {
  const source = (p.parsed as { source?: IndexedSource }).source;
  if (!source?.indexBytes) return p;
  const { indexBytes, ...rest } = source;
  let index: unknown;
  Object.defineProperty(rest, 'index', { get: () => (index ??= deserialize(indexBytes)), enumerable: true, configurable: true });
  // Kept as it came, so that keeping this parse again does not read it.
  Object.defineProperty(rest, 'indexBytes', { value: indexBytes, enumerable: false });
  return { ...p, parsed: { ...(p.parsed as object), source: rest } };
}

const KEPT_FOLDERS = 16;

/** Removes the caches of all but the folders validated last. */
async function prune(folder: string): Promise<void> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.bin'));
  if (names.length <= KEPT_FOLDERS) return;
  const dated = await Promise.all(names.map(async (n) => ({ path: join(folder, n), at: (await stat(join(folder, n)).catch(() => undefined))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.at - a.at);
  await Promise.all(dated.slice(KEPT_FOLDERS).map((d) => rm(d.path, { force: true })));
}

/** What a kept parse depends on besides its text: the loading code (this install's load/), its parser packages, Node and V8. */
async function loadingCodeSalt(): Promise<string> {
  const hash = createHash('sha1').update(`${process.version}\0${process.versions.v8}\0`);
  const load = new URL('../load/', import.meta.url);
  for (const name of (await readdir(load)).sort()) hash.update(name).update(await readFile(new URL(name, load)));
  // The plan's figure directives are read by the chapter parse.
  hash.update(await readFile(new URL('../model/chapter-figures' + (import.meta.url.endsWith('.ts') ? '.ts' : '.js'), import.meta.url)));
  // Any install or upgrade of packages rewrites npm's record of node_modules.
  for (const lock of ['node_modules/.package-lock.json', '../.package-lock.json']) {
    const at = await stat(new URL(lock, ROOT)).catch(() => undefined);
    if (at) hash.update(`${lock}\0${at.size}\0${at.mtimeMs}`);
  }
  return hash.digest('hex');
}

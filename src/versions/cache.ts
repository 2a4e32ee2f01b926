// The build cache: built sites (and diffs) keyed by a hash of everything they are made from — the plan
// files' bytes, the code that renders them (ShopPlan's sources (src/ in a checkout, lib/ when installed), schemas, public assets, lock file) and
// the base URL. A hit is copied into the output instead of rebuilt. Entries are written to a temporary
// folder and renamed into place, so an interrupted build never leaves a half-written entry.
import { parsedWithoutPrototypes } from '../model/dict.ts';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuildCache {
  /** The cache's folder (for messages). */
  dir: string;
  /** The folder of a complete cached site, or null. */
  site(key: string): Promise<string | null>;
  /** A fresh empty folder to build a site for `key` into; pass it to `commitSite` when complete. */
  siteSlot(key: string): Promise<string>;
  /** Moves a completed slot into place; returns the cached site folder. */
  commitSite(key: string, slot: string): Promise<string>;
  readJson<T>(name: string): Promise<T | null>;
  writeJson(name: string, value: unknown): Promise<void>;
  /** Removes entries not used by this build that are older than `days` (default 14) or beyond the `keep` newest (default 12). */
  prune(used: ReadonlySet<string>, days?: number, keep?: number): Promise<void>;
}

export function hashOf(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const p of parts) {
    const bytes = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let codeKeyPromise: Promise<string> | undefined;

/** Sources that do not shape a site: the command line, and PDF printing (run after the cache, never cached). */
const NOT_SITE = /^(src|lib)\/(cli|pdf|browser)\//;

/**
 * A hash of the code that turns a plan into a site: ShopPlan's sources (src/ in a checkout, lib/ when installed), schemas and public assets, its
 * package.json and lock file, and the Node version. Any change to them rebuilds every cached version.
 */
export function codeKey(): Promise<string> {
  codeKeyPromise ??= (async () => {
    const hash = createHash('sha256');
    hash.update(`node ${process.version}\n`);
    for (const top of ['src', 'lib', 'schemas', 'public', 'package.json', 'package-lock.json']) {
      for (const file of await listFiles(join(PROJECT_ROOT, top))) {
        const name = relative(PROJECT_ROOT, file).split('\\').join('/');
        if (NOT_SITE.test(name)) continue;
        hash.update(`${name}\0`);
        hash.update(await readFile(file));
      }
    }
    return hash.digest('hex');
  })();
  return codeKeyPromise;
}

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [path];
  const out: string[] = [];
  for (const name of (await readdir(path)).sort()) {
    if (name.startsWith('.')) continue;
    out.push(...(await listFiles(join(path, name))));
  }
  return out;
}

/** The cache in a folder (by default the cache folder, pipeline/run-temp.ts cacheRoot()). */
export function folderCache(dir: string): BuildCache {
  const sites = join(dir, 'sites');
  const json = join(dir, 'json');
  return {
    dir,
    async site(key) {
      const path = join(sites, key);
      const ok = await stat(join(path, '.complete')).then(() => true, () => false);
      if (!ok) return null;
      const now = new Date();
      await utimes(path, now, now).catch(() => {});
      return path;
    },
    async siteSlot(key) {
      const slot = join(sites, `.${key}.tmp-${process.pid}`);
      await rm(slot, { recursive: true, force: true });
      await mkdir(slot, { recursive: true });
      return slot;
    },
    async commitSite(key, slot) {
      const path = join(sites, key);
      await writeFile(join(slot, '.complete'), '');
      await rm(path, { recursive: true, force: true });
      await rename(slot, path);
      return path;
    },
    async readJson<T>(name: string) {
      try {
        // Cached results are keyed by plan ids like fresh ones: without prototypes.
        return JSON.parse(await readFile(join(json, name), 'utf8'), parsedWithoutPrototypes) as T;
      } catch {
        return null;
      }
    },
    async writeJson(name, value) {
      const path = join(json, name);
      await mkdir(json, { recursive: true });
      const tmp = `${path}.tmp-${process.pid}`;
      await writeFile(tmp, JSON.stringify(value));
      await rename(tmp, path);
    },
    async prune(used, days = 14, keep = 12) {
      const cutoff = Date.now() - days * 86_400_000;
      for (const folder of [sites, json]) {
        const entries: Array<{ path: string; mtime: number }> = [];
        for (const name of await readdir(folder).catch(() => [] as string[])) {
          const path = join(folder, name);
          const info = await stat(path).catch(() => undefined);
          if (!info) continue;
          if (name.includes('.tmp-')) {
            if (info.mtimeMs < Date.now() - 3_600_000) await rm(path, { recursive: true, force: true });
            continue;
          }
          if (!used.has(name.replace(/\.json$/, ''))) entries.push({ path, mtime: info.mtimeMs });
        }
        // Unused entries go when old, or when there are more than `keep` of them (oldest first).
        entries.sort((a, b) => b.mtime - a.mtime);
        for (const [i, e] of entries.entries()) if (e.mtime < cutoff || i >= keep) await rm(e.path, { recursive: true, force: true });
      }
    },
  };
}

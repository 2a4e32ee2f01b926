// Hashing folders of files by name and content, in a stable order: the keys of the build's caches.
import type { Hash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** The files under `dir` (recursively, sorted by name), without dot-entries and without the top-level names in `skip`. */
export async function listFiles(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const out: string[] = [];
  const walk = async (path: string, top: boolean) => {
    const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || (top && skip.has(entry.name))) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) await walk(child, false);
      else if (entry.isFile()) out.push(child);
    }
  };
  await walk(dir, true);
  return out;
}

/** Adds each path (a file, or every file of a folder) to `hash`: its name relative to `root`, its size and bytes. */
export async function hashFiles(hash: Hash, root: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    const list = info?.isDirectory() ? await listFiles(path) : info ? [path] : [];
    for (const file of list) {
      const bytes = await readFile(file);
      hash.update(`${relative(root, file).split('\\').join('/')}\0${bytes.length}\0`);
      hash.update(bytes);
    }
  }
}

/** Adds a program's identity to `hash` without running it: its real path, size and modification time. */
export async function hashBinary(hash: Hash, path: string | undefined): Promise<void> {
  if (!path) {
    hash.update('\0no binary\0');
    return;
  }
  const { realpath } = await import('node:fs/promises');
  const real = await realpath(path).catch(() => path);
  const info = await stat(real).catch(() => undefined);
  hash.update(`\0${real}\0${info?.size ?? ''}\0${info?.mtimeMs ?? ''}\0`);
}

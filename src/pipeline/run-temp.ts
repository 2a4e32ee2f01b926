// Where a run keeps what it writes only for itself: one folder per process, `<cache>/tmp/<pid>-<random>/`,
// holding the site being built, Astro's build folder, decoded order rows, DuckDB's spill files, the PDFs
// being printed and Chromium's profile. Each job takes a subfolder and deletes it when done; the folder
// goes when the process exits. A run that is killed cannot clean up, so every run first sweeps the
// folders of runs whose process is gone — and the `*.tmp-<pid>` files that atomic writes leave in the
// cache — putting back an output that a killed run had moved aside (replaceFolder) before deleting it.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** node_modules/.cache/shopplan/ of the ShopPlan install (as bin/start-up-cache.js keeps it): the parse cache's place whatever `$SHOPPLAN_CACHE_DIR` says. */
export const TOOL_CACHE = new URL('../../node_modules/.cache/shopplan/', import.meta.url);

/**
 * The cache folder: `$SHOPPLAN_CACHE_DIR`, else `node_modules/.cache/shopplan` of the ShopPlan install, beside
 * the start-up and parse caches. Never the current or plan folder: a pull request could commit a cache there —
 * built pages (with scripts), PDFs or order analyses that a build would then publish as its own — and a run's
 * leftovers there name folders that the sweep below moves and deletes. `npm ci` starts node_modules afresh.
 */
export function cacheRoot(): string {
  return resolve(process.env.SHOPPLAN_CACHE_DIR ?? fileURLToPath(TOOL_CACHE));
}

/** Cache subfolders whose atomic writes leave `<name>.tmp-<pid>…` behind when killed. */
const CACHE_FOLDERS = ['orders', 'json', 'sites'];

interface Move {
  target: string;
  /** Where the old target was put aside. */
  previous: string;
  /** The new folder, when it had to be copied next to the target (another file system). */
  incoming?: string;
}

export interface RunFolder {
  dir: string;
  /** A fresh empty folder inside the run's folder, e.g. `site-x1y2z3`; the caller removes it when done. */
  folder(name: string): Promise<string>;
}

let current: Promise<RunFolder> | undefined;

/** This process's run folder, made (after a sweep of dead runs) on first use and removed at exit. */
export function runFolder(): Promise<RunFolder> {
  current ??= (async () => {
    const root = cacheRoot();
    await sweepLeftovers(root);
    const dir = join(root, 'tmp', `${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(dir, { recursive: true });
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return { dir, folder: (name: string) => mkdtemp(join(dir, `${name}-`)) };
  })();
  return current;
}

/** A fresh folder for one job in this run's folder. */
export async function tempFolder(name: string): Promise<string> {
  return (await runFolder()).folder(name);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** Removes what runs that are no longer alive left under `root`; returns the paths removed. */
export async function sweepLeftovers(root: string): Promise<string[]> {
  const removed: string[] = [];
  const tmp = join(root, 'tmp');
  for (const name of await readdir(tmp).catch(() => [] as string[])) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (!pid || alive(pid)) continue;
    const dir = join(tmp, name);
    await restoreMoves(dir);
    await rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  for (const folder of CACHE_FOLDERS) {
    for (const name of await readdir(join(root, folder)).catch(() => [] as string[])) {
      const pid = Number(/(?:^|\.)tmp-(\d+)/.exec(name)?.[1]);
      if (!pid || alive(pid)) continue;
      await rm(join(root, folder, name), { recursive: true, force: true });
      removed.push(join(root, folder, name));
    }
  }
  return removed;
}

/** A killed run may have moved an output aside and died before the new one was in: put it back. */
async function restoreMoves(dir: string): Promise<void> {
  const moves = await readFile(join(dir, 'moves.json'), 'utf8').then((t) => JSON.parse(t) as Move[], () => [] as Move[]);
  for (const m of moves) {
    if (!(await exists(m.target)) && (await exists(m.previous))) await rename(m.previous, m.target).catch(() => {});
    for (const leftover of [m.previous, m.incoming]) if (leftover) await rm(leftover, { recursive: true, force: true });
  }
}

let moveCount = 0;

/**
 * Puts the complete folder `staging` (in the run folder) where `target` is, replacing it: the old one is
 * moved aside, the new one renamed in, the old one deleted. Were the run killed between the two renames,
 * the next run's sweep puts the old one back (the move is recorded first). Across file systems the new
 * folder is first copied next to the target, so the swap itself is still two renames.
 */
export async function replaceFolder(staging: string, target: string): Promise<void> {
  const run = await runFolder();
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const same = (await stat(parent)).dev === (await stat(staging)).dev;
  const id = `${basename(target)}.tmp-${process.pid}-${++moveCount}`;
  const move: Move = same ? { target, previous: join(run.dir, `previous-${moveCount}`) } : { target, previous: join(parent, `.${id}.old`), incoming: join(parent, `.${id}.new`) };
  const log = join(run.dir, 'moves.json');
  const moves = await readFile(log, 'utf8').then((t) => JSON.parse(t) as Move[], () => [] as Move[]);
  await writeFile(log, JSON.stringify([...moves, move]));
  if (move.incoming) await cp(staging, move.incoming, { recursive: true });
  const had = await exists(target);
  if (had) await rename(target, move.previous);
  try {
    await rename(move.incoming ?? staging, target);
  } catch (error) {
    if (had) await rename(move.previous, target);
    throw error;
  }
  await rm(move.previous, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
  if (move.incoming) await rm(move.incoming, { recursive: true, force: true });
}

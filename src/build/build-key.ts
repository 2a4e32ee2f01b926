// The key of a build's inputs (up-to-date.ts): everything that shapes `dist/`, read without checking the
// plan — the plan folder (its plan files' bytes; order files and anything else by size and time), ShopPlan's
// code and Node, the options, the version tags and the plan's date from git, and the Chromium binary.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlanFolder } from '../load/read-folder.ts';
import { normalizeBase } from '../model/base-path.ts';
import { codeKey } from '../versions/cache.ts';
import type { GitReader } from '../versions/git.ts';
import { planDate } from '../pdf/plan-date.ts';
import { hashBinary, hashFiles, listFiles } from './hash-files.ts';
import { PRINT_CODE } from './print-cache.ts';
import type { BuildInputs } from './effects.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The code `codeKey()` leaves out (it keys sites only): the command line and printing. */
const OTHER_CODE = ['src/cli', 'src/build', 'lib/cli', 'lib/build', ...PRINT_CODE];
/** A plan folder with more files than this is not summed up (e.g. a repository root): the build just runs. */
const MAX_FILES = 5000;

export interface KeyOptions {
  base?: string;
  pdf: 'auto' | 'always' | 'never';
  /** The language of the diagnostics the stamp replays. */
  locale?: string;
  /** Version tags (null: none). */
  versions: string | null;
  git: GitReader;
  /** The Chromium the build would print with. */
  chromium: string | undefined;
}

export async function buildInputs(planDir: string, outDir: string, options: KeyOptions): Promise<BuildInputs | null> {
  const read = await readPlanFolder(planDir);
  if (!read.ok) return null;
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ out: resolve(outDir), base: normalizeBase(options.base), pdf: options.pdf, locale: options.locale ?? null, versions: options.versions, date: planDate(planDir)?.date.toISOString() ?? null }));
  hash.update(await codeKey());
  await hashFiles(hash, PROJECT_ROOT, OTHER_CODE.map((p) => join(PROJECT_ROOT, p)));
  await hashBinary(hash, options.pdf === 'never' ? undefined : options.chromium);
  // The plan files by content; every other file of the folder (order data) by size and time.
  const planFiles = new Set(read.files.map((f) => f.name));
  for (const f of [...read.files].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    hash.update(`${f.name}\0${f.bytes.length}\0`);
    hash.update(f.bytes);
  }
  const others = await listFiles(planDir, new Set(['node_modules']));
  if (others.length > MAX_FILES) return null;
  for (const file of others) {
    const name = relative(planDir, file).split('\\').join('/');
    if (planFiles.has(name)) continue;
    const info = await stat(file).catch(() => undefined);
    hash.update(`${name}\0${info?.size ?? ''}\0${info?.mtimeMs ?? ''}\0`);
  }
  // The versions built beside the plan: their tags and commits.
  if (options.versions !== null) {
    const repo = await options.git.locate(planDir).catch(() => null);
    const tags = repo ? await options.git.tags(repo, options.versions).catch(() => null) : [];
    if (tags === null) return null;
    hash.update(JSON.stringify(tags.map((t) => [t.tag, t.commit, t.date, t.message])));
  }
  return { key: hash.digest('hex'), files: read.files };
}

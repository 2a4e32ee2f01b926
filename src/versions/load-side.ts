// One side of `shopplan diff`: a plan folder on disk, or a git ref of the repository the plan path is in.
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { readPlanFolder } from '../load/read-folder.ts';
import type { DiffSide } from './diff.ts';
import type { GitReader } from './git.ts';
import { NotAGitRepositoryError } from './errors.ts';
import { PlanInvalidError } from '../diagnostics/errors.ts';
import { assertValid, snapshotOf, type PlanSnapshot } from './snapshot.ts';

export interface LoadedSide {
  side: DiffSide;
  snapshot: PlanSnapshot;
}

export interface SideOptions {
  cwd: string;
  /** The plan folder within the repository, relative to `cwd` (default `content`). */
  plan: string;
  git: GitReader;
}

/** An argument that names an existing folder is a plan folder; anything else is a git ref. */
export async function loadSide(arg: string, options: SideOptions): Promise<LoadedSide> {
  const folder = resolve(options.cwd, arg);
  if ((await stat(folder).catch(() => undefined))?.isDirectory()) {
    const label = relative(options.cwd, folder).split('\\').join('/') || '.';
    const read = await readPlanFolder(folder);
    if (!read.ok) throw new PlanInvalidError(label, [read.diagnostic]);
    const snapshot = assertValid(snapshotOf(label, label, read.files));
    return { side: { label, kind: 'folder', plan: label, ...migrated(snapshot) }, snapshot };
  }
  const repo = await options.git.locate(resolve(options.cwd, options.plan));
  if (!repo) throw new NotAGitRepositoryError(resolve(options.cwd), arg);
  const commit = await options.git.resolve(repo, arg);
  const files = await options.git.planFiles(repo, commit, arg);
  const plan = repo.planPath || '.';
  const snapshot = assertValid(snapshotOf(arg, `${arg}:${plan}`, files));
  return { side: { label: arg, kind: 'ref', commit, plan, ...migrated(snapshot) }, snapshot };
}

const migrated = (s: PlanSnapshot) => (s.migratedFrom === null ? {} : { migratedFrom: s.migratedFrom });

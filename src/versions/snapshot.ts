// One plan as a value: its files (from a folder or from git), migrated to the current schema, checked,
// and a content hash of the files so builds and diffs can be cached.
import { createHash } from 'node:crypto';
import { checkPlanFiles, sourceLookup, type PlanCheck } from '../pipeline/check-plan.ts';
import { hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.ts';
import type { RawFile } from '../load/load-plan.ts';
import { migratePlan } from '../load/migrate.ts';
import { PlanInvalidError } from '../diagnostics/errors.ts';

export interface PlanSnapshot {
  /** How people name it: a tag or ref (`v2027.1`), or a folder (`content`). */
  label: string;
  /** The plan folder label diagnostics use: `v2027.1:content` for git, the folder for a folder. */
  dir: string;
  /** sha-256 over the files' names and bytes (as read, before migration). */
  key: string;
  files: RawFile[];
  check: PlanCheck;
  /** The schemaVersion the plan was written for when it was migrated, else null. */
  migratedFrom: number | null;
}

export function contentKey(files: readonly RawFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    hash.update(`${f.name}\0${f.bytes.length}\0`);
    hash.update(f.bytes);
  }
  return hash.digest('hex');
}

/** Migrates and checks a plan's files. `compute: false` only validates. */
export function snapshotOf(label: string, dir: string, files: readonly RawFile[], options: { compute?: boolean } = {}): PlanSnapshot {
  const migration = migratePlan(dir, files);
  const key = contentKey(files);
  if (migration.diagnostics.length) return { label, dir, key, files: [...files], check: { diagnostics: sortDiagnostics(migration.diagnostics) }, migratedFrom: null };
  const check = checkPlanFiles(dir, migration.files, { compute: options.compute });
  return { label, dir, key, files: migration.files, check, migratedFrom: migration.applied.length ? migration.from : null };
}

/** Throws PlanInvalidError (exit 1) naming the version when its plan has errors. */
export function assertValid(snapshot: PlanSnapshot, outDir?: string): PlanSnapshot {
  if (hasErrors(snapshot.check.diagnostics) || (snapshot.check.result === undefined && snapshot.check.input === undefined)) {
    throw new PlanInvalidError(snapshot.label, snapshot.check.diagnostics, { outDir, sourceOf: sourceLookup(snapshot.check) });
  }
  return snapshot;
}

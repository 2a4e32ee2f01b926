// The versions step of `shopplan build`, before anything is built. Every git tag matching the pattern
// (default `v*`) is a plan version: its plan folder is read from git (no checkout), migrated and checked
// with the current code; the latest site (the working tree) lists the versions and the changes between
// consecutive ones. Version summaries and diffs are cached by content hash (src/build/version-sites.ts
// builds the sites, `v/<tag>/`, and reuses cached ones).
//
// Order matters for atomicity: `planVersions` reads and checks every version before anything is
// written, so a tag whose plan is invalid fails the build (exit 1, naming the tag) with dist untouched.
import type { PlanCheck } from '../pipeline/check-plan.ts';
import type { RawFile } from '../load/load-plan.ts';
import { readPlanFolder } from '../load/read-folder.ts';
import { normalizeBase } from '../model/base-path.ts';
import type { GitReader, PlanRepo, TagInfo } from './git.ts';
import { GitFailedError, PlanPathMissingError } from './errors.ts';
import { assertValid, contentKey, snapshotOf, type PlanSnapshot } from './snapshot.ts';
import { codeKey, hashOf, type BuildCache } from './cache.ts';
import { diffPlans, type DiffSide, type PlanDiff } from './diff.ts';
import { usableTag, type SiteVersions, type VersionChange, type VersionSummary } from './site-versions.ts';

/** What planning versions needs from the build: progress output, and a way to copy cached sites (without it nothing is reused). */
export interface VersionsEffects {
  log(message: string): void;
  copyDir?(from: string, to: string): Promise<void>;
}

export interface VersionsOptions {
  git: GitReader;
  cache: BuildCache | null;
  /** Tags that are plan versions (fnmatch), default `v*`; null: no versions. */
  pattern: string | null;
}

interface TagBuild {
  tag: TagInfo;
  files: RawFile[];
  contentKey: string;
  siteKey: string;
  summary: VersionSummary | null;
  snapshot: PlanSnapshot | null;
  cachedSite: string | null;
}

export interface VersionsPlan {
  repo: PlanRepo;
  base: string;
  tags: TagBuild[];
  /** What the latest site shows. */
  site: SiteVersions;
  /** Cache keys this build uses (kept when pruning). */
  used: Set<string>;
}

function summaryOf(tag: TagInfo, s: PlanSnapshot): VersionSummary {
  const r = s.check.result!;
  return {
    tag: tag.tag,
    commit: tag.commit,
    date: tag.date,
    message: tag.message,
    planVersion: s.check.input?.plan.version ?? null,
    headline: {
      currency: r.meta.currency,
      gmvTarget: Object.values(r.targets).find((t) => t.metric === 'gmv')?.value ?? null,
      gmv: r.pnl.total.gmv,
      netRevenue: r.pnl.total.netRevenue,
      operatingProfit: r.pnl.total.operatingProfit,
    },
    locales: r.meta.locales,
    migratedFrom: s.migratedFrom,
  };
}

/**
 * Reads and checks every version (or finds it in the cache) and the diffs between consecutive ones.
 * Returns null when the plan is not in a git repository. Throws PlanInvalidError for a tag whose
 * plan has errors — before anything is written.
 */
export async function planVersions(planDir: string, working: PlanCheck, effects: VersionsEffects, options: VersionsOptions & { base?: string; outDir?: string }): Promise<VersionsPlan | null> {
  const { git } = options;
  // Without a way to copy cached sites into the output there is nothing to reuse.
  const cache = effects.copyDir ? options.cache : null;
  const base = normalizeBase(options.base);
  if (options.pattern === null) return null;
  let repo: PlanRepo | null;
  try {
    repo = await git.locate(planDir);
  } catch (error) {
    if (error instanceof GitFailedError && /not installed/.test(error.message)) {
      effects.log('git is not installed: building the working tree only (no versions).');
      return null;
    }
    throw error;
  }
  if (!repo) {
    effects.log(`${planDir} is not in a git repository: building the working tree only (no versions).`);
    return null;
  }
  const code = await codeKey();
  const used = new Set<string>();
  const tags: TagBuild[] = [];
  for (const tag of await git.tags(repo, options.pattern)) {
    if (!usableTag(tag.tag)) {
      effects.log(`${tag.tag}: skipped (a version tag may hold letters, digits, dots, hyphens, underscores and plus signs only).`);
      continue;
    }
    let files: RawFile[];
    try {
      files = await git.planFiles(repo, tag.commit, tag.tag);
    } catch (error) {
      if (error instanceof PlanPathMissingError) {
        effects.log(`${tag.tag}: skipped (${repo.planPath || '.'}/ does not exist at this tag).`);
        continue;
      }
      throw error;
    }
    const key = contentKey(files);
    const siteKey = hashOf(code, 'version', base, tag.tag, tag.commit, tag.date, tag.message, key);
    const summary = cache ? await cache.readJson<VersionSummary>(`${siteKey}.json`) : null;
    const cachedSite = summary && cache ? await cache.site(siteKey) : null;
    used.add(siteKey);
    tags.push({ tag, files, contentKey: key, siteKey, summary: cachedSite ? summary : null, snapshot: null, cachedSite });
  }
  if (tags.length === 0) {
    effects.log(`No version tags (${options.pattern}) in ${repo.root}: building the working tree only.`);
  } else {
    effects.log(`Versions: ${tags.map((t) => t.tag.tag).join(', ')}.`);
  }

  const plan = repo.planPath || '.';
  const ensure = (t: TagBuild): PlanSnapshot => {
    t.snapshot ??= assertValid(snapshotOf(t.tag.tag, `${t.tag.tag}:${plan}`, t.files), options.outDir);
    t.summary ??= summaryOf(t.tag, t.snapshot);
    return t.snapshot;
  };
  // Every version not in the cache is checked now, so an invalid one fails before anything is written.
  for (const t of tags) if (!t.cachedSite) ensure(t);

  const side = (t: TagBuild): DiffSide => ({ label: t.tag.tag, kind: 'ref', commit: t.tag.commit, plan, ...(t.snapshot?.migratedFrom ? { migratedFrom: t.snapshot.migratedFrom } : {}) });
  const changes: VersionChange[] = [];
  const diffCached = async (key: string, make: () => PlanDiff): Promise<PlanDiff> => {
    used.add(key);
    const hit = cache ? await cache.readJson<PlanDiff>(`${key}.json`) : null;
    if (hit) return hit;
    const diff = make();
    await cache?.writeJson(`${key}.json`, diff);
    return diff;
  };
  for (let i = 1; i < tags.length; i++) {
    const a = tags[i - 1]!;
    const b = tags[i]!;
    const key = hashOf(code, 'diff', a.siteKey, b.siteKey);
    const diff = await diffCached(key, () => diffPlans({ side: side(a), check: ensure(a).check }, { side: side(b), check: ensure(b).check }));
    changes.push({ id: `${a.tag.tag}-${b.tag.tag}`, from: a.tag.tag, to: b.tag.tag, diff });
  }
  const last = tags.at(-1);
  if (last && working.result) {
    const read = await readPlanFolder(planDir);
    const workingKey = read.ok ? contentKey(read.files) : '';
    if (workingKey !== last.contentKey) {
      const key = hashOf(code, 'diff', last.siteKey, 'latest', workingKey);
      const diff = await diffCached(key, () => diffPlans({ side: side(last), check: ensure(last).check }, { side: { label: 'latest', kind: 'folder', plan: planDir }, check: working }));
      if (diff.summary.inputChanges > 0) changes.push({ id: `${last.tag.tag}-latest`, from: last.tag.tag, to: null, diff });
    }
  }
  // Cached summaries were written with the same code; store the new ones for next time.
  for (const t of tags) if (!t.cachedSite && cache) await cache.writeJson(`${t.siteKey}.json`, t.summary);

  return {
    repo,
    base,
    tags,
    used,
    site: { current: null, rootBase: base, list: tags.map((t) => t.summary!).reverse(), changes: changes.reverse() },
  };
}

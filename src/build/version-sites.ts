// Builds the sites of `shopplan build`: the latest one (the working tree) and one per plan version in
// `v/<tag>/` with the base URL `<base>v/<tag>/`. Sites are cached by content hash, so a rebuild where
// nothing changed copies instead of building.
import { join } from 'node:path';
import type { PlanCheck } from '../pipeline/check-plan.ts';
import { readPlanFolder } from '../load/read-folder.ts';
import { normalizeBase } from '../model/base-path.ts';
import { stableJson } from '../model/stable-json.ts';
import { contentKey } from '../versions/snapshot.ts';
import { codeKey, hashOf, type BuildCache } from '../versions/cache.ts';
import { versionFolder, type SiteVersions } from '../versions/site-versions.ts';
import type { VersionsPlan } from '../versions/plan-versions.ts';
import type { BuildEffects } from './effects.ts';

/** Builds (or copies from the cache) the latest site into `staging`: Astro, then the search index. Returns its cache key. */
export async function buildLatestSite(check: PlanCheck, planDir: string, staging: string, effects: BuildEffects, options: { base?: string; versions: VersionsPlan | null; cache: BuildCache | null }): Promise<string | null> {
  const { cache } = options;
  const base = normalizeBase(options.base);
  const site = { base, versions: options.versions?.site ?? null };
  let key: string | null = null;
  if (cache && effects.copyDir) {
    const read = await readPlanFolder(planDir);
    if (read.ok) key = hashOf(await codeKey(), 'latest', base, contentKey(read.files), JSON.stringify(site.versions));
  }
  const hit = key && cache ? await cache.site(key) : null;
  if (hit && effects.copyDir) {
    effects.log('latest: reused from the cache.');
    await effects.copyDir(hit, staging);
    return key;
  }
  effects.log('Building the site …');
  await effects.buildSite(check, planDir, staging, site);
  effects.log('Indexing for search …');
  const { pages } = await effects.indexSite(staging);
  effects.log(`Indexed ${pages} pages.`);
  if (key && cache && effects.copyDir) {
    const slot = await cache.siteSlot(key);
    await effects.copyDir(staging, slot);
    await cache.commitSite(key, slot);
  }
  return key;
}

/** Builds each version's site (or copies it from the cache) into `<staging>/v/<tag>/`. */
export async function buildVersionSites(staging: string, plan: VersionsPlan, effects: BuildEffects, cache: BuildCache | null): Promise<void> {
  for (const t of plan.tags) {
    const target = join(staging, versionFolder(t.tag.tag));
    if (t.cachedSite && effects.copyDir) {
      effects.log(`${t.tag.tag}: reused from the cache.`);
      await effects.copyDir(t.cachedSite, target);
      continue;
    }
    effects.log(`${t.tag.tag}: building …`);
    const snapshot = t.snapshot!;
    const site: SiteVersions = { current: t.tag.tag, rootBase: plan.base, list: [t.summary!], changes: [] };
    const out = cache && effects.copyDir ? await cache.siteSlot(t.siteKey) : target;
    await effects.buildSite(snapshot.check, snapshot.dir, out, { base: `${plan.base}${versionFolder(t.tag.tag)}/`, versions: site });
    await effects.indexSite(out);
    await effects.writeFile(join(out, 'plan.json'), stableJson(snapshot.check.result));
    if (cache && effects.copyDir) {
      const stored = await cache.commitSite(t.siteKey, out);
      await effects.copyDir(stored, target);
    }
  }
}

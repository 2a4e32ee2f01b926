// The versions step of the build with every effect faked (git, cache, Astro, file system): what is built
// with which base and data, what comes from the cache, and that an invalid version stops the build before
// anything is written.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildPlanSite } from '../../src/build/build-site.ts';
import type { BuildEffects, SiteBuildOptions } from '../../src/build/effects.ts';
import type { GitReader, TagInfo } from '../../src/versions/git.ts';
import type { BuildCache } from '../../src/versions/cache.ts';
import { PlanInvalidError } from '../../src/diagnostics/errors.ts';
import type { RawFile } from '../../src/load/load-plan.ts';
import { folderFiles } from '../helpers/plan.ts';
import { ROOT } from '../helpers/cli.ts';

const CONTENT = join(ROOT, 'content');
const edit = (files: RawFile[], name: string, from: string, to: string): RawFile[] =>
  files.map((f) => (f.name === name ? { name, bytes: new TextEncoder().encode(new TextDecoder().decode(f.bytes).replace(from, to)) } : f));

function fakeGit(plans: Record<string, RawFile[]>): GitReader {
  const tags: TagInfo[] = Object.keys(plans).map((tag, i) => ({ tag, commit: `${i + 1}`.repeat(40), date: `2027-0${i + 1}-01T00:00:00+08:00`, message: `Version ${tag}` }));
  return {
    locate: async () => ({ root: '/repo', planPath: 'content' }),
    tags: async () => tags,
    resolve: async (_repo, ref) => tags.find((t) => t.tag === ref)!.commit,
    planFiles: async (_repo, commit) => plans[tags.find((t) => t.commit === commit)!.tag]!,
  };
}

function memoryCache(): BuildCache & { sites: Map<string, string> } {
  const sites = new Map<string, string>();
  const json = new Map<string, string>();
  return {
    dir: '/cache',
    sites,
    site: async (key) => sites.get(key) ?? null,
    siteSlot: async (key) => `/cache/.${key}.tmp`,
    commitSite: async (key) => (sites.set(key, `/cache/${key}`), `/cache/${key}`),
    readJson: async <T,>(name: string) => (json.has(name) ? (JSON.parse(json.get(name)!) as T) : null),
    writeJson: async (name, value) => void json.set(name, JSON.stringify(value)),
    prune: async () => {},
  };
}

function fakeEffects(git: GitReader, cache: BuildCache) {
  const calls = { built: [] as Array<{ planDir: string; outDir: string; site: SiteBuildOptions | undefined }>, copied: [] as string[][], renamed: [] as string[][], written: [] as string[], log: [] as string[] };
  const effects: BuildEffects = {
    log: (m) => calls.log.push(m),
    buildSite: async (_check, planDir, outDir, site) => void calls.built.push({ planDir, outDir, site }),
    indexSite: async () => ({ pages: 1 }),
    writeFile: async (path) => void calls.written.push(path),
    staging: async () => '/run/site',
    replace: async (from, to) => void calls.renamed.push([from, to]),
    discard: async () => {},
    copyDir: async (from, to) => void calls.copied.push([from, to]),
    versions: { git, cache, pattern: 'v*' },
  };
  return { effects, calls };
}

describe('the versions step of shopplan build', () => {
  const v1 = folderFiles(CONTENT);
  const v2 = edit(v1, 'targets.yaml', 'value: 150000000', 'value: 160000000');

  it('builds each version with its base and itself as data, the latest with every version and the changes', async () => {
    const cache = memoryCache();
    const { effects, calls } = fakeEffects(fakeGit({ 'v2027.1': v1, 'v2027.2': v2 }), cache);
    const out = await buildPlanSite(CONTENT, '/out/dist', effects, { pdf: 'never', base: '/plan' });
    expect(out.built).toBe(true);
    expect(calls.built.map((b) => [b.planDir, b.site?.base, b.site?.versions?.current])).toEqual([
      [CONTENT, '/plan/', null],
      ['v2027.1:content', '/plan/v/v2027.1/', 'v2027.1'],
      ['v2027.2:content', '/plan/v/v2027.2/', 'v2027.2'],
    ]);
    const latest = calls.built[0]!.site!.versions!;
    expect(latest.list.map((v) => [v.tag, v.message, v.headline.gmvTarget])).toEqual([['v2027.2', 'Version v2027.2', 160_000_000], ['v2027.1', 'Version v2027.1', 150_000_000]]);
    // the working tree is v2027.1's plan: the changes are v2027.2 → latest, then v2027.1 → v2027.2
    expect(latest.changes.map((c) => [c.id, c.diff.inputs.map((i) => [i.path, i.delta])])).toEqual([
      ['v2027.2-latest', [['targets[gmv].value', -10_000_000]]],
      ['v2027.1-v2027.2', [['targets[gmv].value', 10_000_000]]],
    ]);
    expect(calls.built[1]!.site!.versions!.list.map((v) => v.tag)).toEqual(['v2027.1']);
    // the latest site goes from staging into the cache; versions are built in the cache and copied into <staging>/v/<tag>
    const staging = calls.built[0]!.outDir;
    expect(calls.copied.map(([from = '', to = '']) => [from.replace(staging, '<staging>').replace(/\/cache\/\w+$/, '<cache>'), to.replace(staging, '<staging>').replace(/\/cache\/\.\w+\.tmp$/, '<slot>')])).toEqual([
      ['<staging>', '<slot>'],
      ['<cache>', '<staging>/v/v2027.1'],
      ['<cache>', '<staging>/v/v2027.2'],
    ]);

    // nothing changed: everything comes from the cache, nothing is built
    const again = fakeEffects(fakeGit({ 'v2027.1': v1, 'v2027.2': v2 }), cache);
    expect((await buildPlanSite(CONTENT, '/out/dist', again.effects, { pdf: 'never', base: '/plan' })).built).toBe(true);
    expect(again.calls.built).toEqual([]);
    expect(again.calls.log).toEqual(expect.arrayContaining(['latest: reused from the cache.', 'v2027.1: reused from the cache.', 'v2027.2: reused from the cache.']));
  });

  it('stops before writing anything when a version’s plan is invalid, naming it', async () => {
    const broken = edit(v2, 'targets.yaml', 'owner: finance', 'owner: nobody');
    const { effects, calls } = fakeEffects(fakeGit({ 'v2027.1': v1, 'v2027.2': broken }), memoryCache());
    const error = await buildPlanSite(CONTENT, '/out/dist', effects, { pdf: 'never' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanInvalidError);
    expect((error as PlanInvalidError).message).toBe('The plan at v2027.2 has 1 error. Nothing was written to /out/dist.');
    expect((error as PlanInvalidError).diagnostics.filter((d) => d.fatal).map((d) => [d.code, d.file])).toEqual([['ref-unresolved', 'v2027.2:content/targets.yaml']]);
    expect([calls.built, calls.copied, calls.renamed, calls.written]).toEqual([[], [], [], []]);
  });

  it('builds the working tree only when the plan is not in a git repository', async () => {
    const git: GitReader = { ...fakeGit({}), locate: async () => null };
    const { effects, calls } = fakeEffects(git, memoryCache());
    expect((await buildPlanSite(CONTENT, '/out/dist', effects, { pdf: 'never' })).built).toBe(true);
    expect(calls.built.map((b) => b.site?.versions ?? null)).toEqual([null]);
    expect(calls.log.some((l) => l.includes('is not in a git repository'))).toBe(true);
  });
});

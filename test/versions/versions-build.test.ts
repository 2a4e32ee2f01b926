// `shopplan build` in a git repository with two tagged versions (see repo.ts): the versioned site, the
// versions and changes pages, the cache on a rebuild, an invalid tag, and a build outside any repository.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { shopplan, ROOT, type CliRun } from '../helpers/cli.ts';
import { editAfter, git, makeVersionRepo } from './repo.ts';

let tmp: string;
let repo: string;
let dist: string;
let cold: CliRun;
/** A cache of its own, so that what the rebuilds reuse is what this test built (the shared one is pruned by other tests' builds). */
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  ({ tmp, repo } = makeVersionRepo());
  dist = join(tmp, 'dist');
  env = { SHOPPLAN_CACHE_DIR: join(tmp, 'cache') };
  cold = shopplan(['build', 'content', '--out', dist, '--no-pdf'], { cwd: repo, env });
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(dist, path), 'utf8');
/** The text of a page's <main>, tags removed. */
const mainText = (path: string) => (/<main[\s\S]*<\/main>/.exec(read(path))?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('shopplan build with plan versions', () => {
  it('builds the working tree at the root and each tag into v/<tag>/ with its own base URL', () => {
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stderr).toContain('Versions: v2027.1, v2027.2.');
    for (const tag of ['v2027.1', 'v2027.2']) {
      expect(existsSync(join(dist, 'v', tag, 'index.html')), tag).toBe(true);
      expect(existsSync(join(dist, 'v', tag, 'en', 'index.html')), tag).toBe(true);
      expect(read(`v/${tag}/index.html`)).toContain(`href="/v/${tag}/en/"`);
      expect(existsSync(join(dist, 'v', tag, 'pagefind')), `${tag} has its own search index`).toBe(true);
    }
    // each version is its own plan, computed with the current code
    expect(JSON.parse(read('v/v2027.1/plan.json')).targets.gmv.value).toBe(150_000_000);
    expect(JSON.parse(read('v/v2027.2/plan.json')).targets.gmv.value).toBe(160_000_000);
    expect(JSON.parse(read('plan.json')).targets.gmv.value).toBe(160_000_000);
    // the root search index covers the latest site only
    expect(readdirSync(join(dist, 'pagefind')).length).toBeGreaterThan(0);
  });

  it('has a version switcher in the header of every site', () => {
    const root = read('en/index.html');
    expect(root).toMatch(/<details class="version-switcher"[^>]*>[\s\S]*href="\/v\/v2027\.2\/en\/"[\s\S]*href="\/v\/v2027\.1\/en\/"[\s\S]*href="\/en\/versions\/"/);
    const old = read('v/v2027.1/en/index.html');
    expect(old).toMatch(/<details class="version-switcher"[^>]*>[\s\S]*href="\/en\/"[^>]*>latest<[\s\S]*href="\/en\/versions\/"/);
  });

  it('lists the versions, newest first, with date, tag message and headline figures', () => {
    const text = mainText('en/versions/index.html');
    expect(text).toMatch(/v2027\.2 Mar 1, 2027 Raise the GMV target to 160M; cut the Qianchuan budget by 1M ¥160,000,000 ¥[\d,]+ ¥[\d,]+ since the version before/);
    expect(text).toMatch(/v2027\.1 Jan 5, 2027 First board version Approved by the board\. ¥150,000,000/);
    expect(text.indexOf('v2027.2')).toBeLessThan(text.indexOf('v2027.1'));
    expect(mainText('versions/index.html')).toContain('计划版本');
  });

  it('shows the changes between consecutive versions from the diff', () => {
    const text = mainText('en/changes/index.html');
    expect(text).toContain('v2027.1 → v2027.2');
    expect(text).toContain('2 input changes in 2 files');
    // inputs by their names in the page's language; file, line and path only in the title, for editors
    expect(text).toMatch(/GMV of ¥150 million · Target value ¥150,000,000 ¥160,000,000 \+¥10,000,000 \+6\.7%/);
    expect(text).toMatch(/Qianchuan \(Ocean Engine\) · Total budget ¥8,800,000 ¥7,800,000 -¥1,000,000 -11\.4%/);
    expect(mainText('changes/index.html')).toMatch(/巨量千川 · 总预算 ¥8,800,000 ¥7,800,000 -¥1,000,000 -11\.4%/);
    expect(text).not.toMatch(/\.yaml|\[qianchuan\]/);
    expect(read('en/changes/index.html')).toMatch(/title="marketing\.yaml:\d+ · marketing\.channels\[qianchuan\]\.budget\.total"/);
    // the ¥1 m marketing cut, and ¥400,000 less incentives (see versions-diff.test.ts)
    expect(text).toMatch(/Operating profit ¥[\d,]+ ¥[\d,]+ \+¥1,400,000/);
  });

  it('does nothing when nothing changed: the output in place is up to date', () => {
    const before = statSync(join(dist, 'index.html')).mtimeMs;
    const again = shopplan(['build', 'content', '--out', dist, '--no-pdf'], { cwd: repo, env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`${dist} is up to date`);
    expect(again.stderr).not.toContain('Checking the plan');
    expect(again.stderr).not.toContain('Building the site');
    expect(statSync(join(dist, 'index.html')).mtimeMs).toBe(before);
  }, 120_000);

  it('reuses every version from the cache when the output is gone', () => {
    rmSync(dist, { recursive: true, force: true });
    const again = shopplan(['build', 'content', '--out', dist, '--no-pdf'], { cwd: repo, env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('latest: reused from the cache.');
    expect(again.stderr).toContain('v2027.1: reused from the cache.');
    expect(again.stderr).toContain('v2027.2: reused from the cache.');
    expect(again.stderr).not.toContain('Building the site');
    expect(read('v/v2027.1/index.html')).toContain('href="/v/v2027.1/en/"');
    expect(existsSync(join(dist, 'v', 'v2027.1', '.complete'))).toBe(false);
  }, 120_000);

  it('fails on a tag whose plan is invalid, naming the tag, and leaves the output untouched', () => {
    const bad = join(tmp, 'repo-bad');
    cpSync(repo, bad, { recursive: true });
    editAfter(join(bad, 'content/targets.yaml'), /^ {2}- id: gmv$/, /^ {4}owner: /, (l) => l.replace(/owner: .*/, 'owner: nobody'));
    git(bad, ['commit', '-q', '-am', 'Broken owner'], '2027-04-01T10:00:00+08:00');
    git(bad, ['tag', 'v2027.3'], '2027-04-01T10:00:00+08:00');
    git(bad, ['revert', '--no-edit', 'HEAD'], '2027-04-02T10:00:00+08:00'); // the working tree is valid again
    const before = statSync(join(dist, 'index.html')).mtimeMs;
    const r = shopplan(['build', 'content', '--out', dist, '--no-pdf'], { cwd: bad });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('v2027.3:content/targets.yaml:');
    expect(r.stderr).toContain('ref-unresolved');
    expect(r.stderr).toContain(`The plan at v2027.3 has 1 error. Nothing was written to ${dist}.`);
    expect(statSync(join(dist, 'index.html')).mtimeMs).toBe(before);
    expect(existsSync(join(dist, 'v', 'v2027.3'))).toBe(false);
    expect(readdirSync(tmp).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('outside a git repository builds the working tree only', { timeout: 120_000 }, () => {
    const out = join(tmp, 'plain');
    cpSync(join(ROOT, 'seeds/blank'), join(tmp, 'blank'), { recursive: true });
    const r = shopplan(['build', 'blank', '--out', out, '--no-pdf'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('is not in a git repository: building the working tree only (no versions).');
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'v'))).toBe(false);
    expect(existsSync(join(out, 'versions'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('class="version-switcher"');
  });
});

// Bench of plan versions: a git repository with 5 tagged versions of the example plan, built cold (empty
// cache) and then rebuilt with nothing changed. Goal (issue): rebuild ≤ 0.2 × cold.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlanSite } from '../../src/build/build-site.ts';
import { nodeBuildEffects } from '../../src/build/node-effects.ts';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));
export const VERSION_COUNT = 5;
export const REBUILD_GOAL = 0.2;

export interface VersionsBench {
  versions: number;
  coldMs: number;
  rebuildMs: number;
  ratio: number;
  goalMet: boolean;
}

function git(cwd: string, args: string[], day: number): void {
  const date = `2027-01-${String(day).padStart(2, '0')}T10:00:00+08:00`;
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
}

export async function benchVersions(progress: (line: string) => void): Promise<VersionsBench> {
  const root = mkdtempSync(join(tmpdir(), 'shopplan-bench-versions-'));
  const cwd = process.cwd();
  try {
    const repo = join(root, 'repo');
    mkdirSync(repo);
    git(repo, ['init', '-q', '-b', 'main'], 1);
    cpSync(CONTENT, join(repo, 'content'), { recursive: true });
    const targets = join(repo, 'content', 'targets.yaml');
    for (let v = 1; v <= VERSION_COUNT; v++) {
      // each version raises the GMV target by ¥1,000,000
      if (v > 1) writeFileSync(targets, readFileSync(targets, 'utf8').replace(/^( {4}value: )(\d+)$/m, (_, k: string, n: string) => `${k}${Number(n) + 1_000_000}`));
      git(repo, ['add', '-A'], v);
      git(repo, ['commit', '-q', '-m', `version ${v}`], v);
      git(repo, ['tag', '-a', `v2027.${v}`, '-m', `Version ${v}`], v);
    }
    process.chdir(repo);
    const out = join(root, 'dist');
    const build = async (label: string) => {
      progress(`  versions: ${label} build (${VERSION_COUNT} tags + the working tree) …`);
      const started = performance.now();
      const outcome = await buildPlanSite('content', out, nodeBuildEffects(() => {}, { cacheDir: join(root, 'cache') }), { pdf: 'never' });
      if (!outcome.built) throw new Error('the bench plan did not build');
      return performance.now() - started;
    };
    const coldMs = await build('cold');
    const rebuildMs = await build('unchanged');
    const ratio = rebuildMs / coldMs;
    return { versions: VERSION_COUNT, coldMs, rebuildMs, ratio, goalMet: ratio <= REBUILD_GOAL };
  } finally {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatVersionsBench(b: VersionsBench): string {
  return [
    `plan versions: ${b.versions} tags of the example plan + the working tree (site only, no PDFs)`,
    `  cold build (empty cache)       ${(b.coldMs / 1000).toFixed(1)} s`,
    `  rebuild, nothing changed       ${(b.rebuildMs / 1000).toFixed(1)} s`,
    `  ${b.goalMet ? '✓' : '✗'} rebuild ≤ ${REBUILD_GOAL} × cold: ${b.ratio.toFixed(3)} ${b.goalMet ? '≤' : '>'} ${REBUILD_GOAL}`,
  ].join('\n');
}

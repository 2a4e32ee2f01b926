// A temporary git repository holding two tagged versions of the example plan:
//   v2027.1  the example plan as it is
//   v2027.2  the GMV target raised from ¥150,000,000 to ¥160,000,000 and the Qianchuan budget cut
//            from ¥8,800,000 to ¥7,800,000
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.ts';

export const GMV_BEFORE = 150_000_000;
export const GMV_AFTER = 160_000_000;
export const BUDGET_BEFORE = 8_800_000;
export const BUDGET_AFTER = 7_800_000;

export function git(cwd: string, args: string[], date = '2027-01-05T10:00:00+08:00'): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Plan Bot', GIT_AUTHOR_EMAIL: 'plan@example.com', GIT_COMMITTER_NAME: 'Plan Bot', GIT_COMMITTER_EMAIL: 'plan@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}

/** Replaces the first line matching `field` after the line matching `item` in a plan file. */
export function editAfter(file: string, item: RegExp, field: RegExp, replace: (line: string) => string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => item.test(l));
  const at = start < 0 ? -1 : lines.findIndex((l, i) => i > start && field.test(l));
  if (at < 0) throw new Error(`${field} after ${item} not found in ${file}`);
  lines[at] = replace(lines[at]!);
  writeFileSync(file, lines.join('\n'));
}

export function makeVersionRepo(): { tmp: string; repo: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'shopplan-versions-'));
  const repo = join(tmp, 'repo');
  mkdirSync(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'Plan 2027']);
  git(repo, ['tag', '-a', 'v2027.1', '-m', 'First board version\n\nApproved by the board.']);
  editAfter(join(repo, 'content/targets.yaml'), /^ {2}- id: gmv$/, /^ {4}value: /, (l) => l.replace(String(GMV_BEFORE), String(GMV_AFTER)));
  editAfter(join(repo, 'content/marketing.yaml'), /^ {2}- id: qianchuan$/, /^ {6}total: /, (l) => l.replace(String(BUDGET_BEFORE), String(BUDGET_AFTER)));
  const date = '2027-03-01T10:00:00+08:00';
  git(repo, ['commit', '-q', '-am', 'Raise the GMV target, cut Qianchuan'], date);
  git(repo, ['tag', '-a', 'v2027.2', '-m', 'Raise the GMV target to 160M; cut the Qianchuan budget by 1M'], date);
  return { tmp, repo };
}

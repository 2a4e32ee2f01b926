// The pull-request workflow ShopPlan ships and `shopplan new` writes (issue #10 item 8): the pull request's
// code runs only where it can do no harm, every action is pinned to a commit, and no expression is pasted
// into a shell script.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { installWorkflow, WORKFLOW_TEMPLATE } from '../../src/versions/workflow.ts';
import { ROOT } from '../helpers/cli.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  steps: Step[];
}

/** Every rule the workflow must keep; returns what breaks them (empty when none). */
function problems(text: string): string[] {
  const out: string[] = [];
  const workflow = parse(text) as { permissions?: Record<string, string>; jobs: Record<string, Job> };
  for (const line of text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l))) {
    if (!/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line.trim().replace(/^- /, ''))) out.push(`not pinned to a commit with its version: ${line.trim()}`);
  }
  if (Object.values(workflow.permissions ?? {}).some((p) => p !== 'read')) out.push('the default permissions allow writing');
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const checkout = job.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
    const install = job.steps.findIndex((s) => /\bnpm (ci|install)\b/.test(s.run ?? ''));
    if (checkout >= 0 && job.steps[checkout]!.with?.['persist-credentials'] !== false) out.push(`${name}: the checkout keeps its token`);
    if (install >= 0 && (checkout < 0 || checkout > install)) out.push(`${name}: npm runs before the checkout`);
    const writes = Object.entries(job.permissions ?? {}).filter(([, p]) => p === 'write').map(([k]) => k);
    if (writes.includes('pull-requests') && (checkout >= 0 || job.steps.some((s) => s.run))) out.push(`${name}: may write to pull requests and runs commands or checks out code`);
    for (const s of job.steps) if (s.run && /\$\{\{/.test(s.run)) out.push(`${name}: an expression is pasted into a shell script: ${s.run.split('\n')[0]}`);
  }
  return out;
}

describe('the pull-request workflow', () => {
  const template = readFileSync(WORKFLOW_TEMPLATE, 'utf8');

  it('pins every action to a commit, runs pull-request code read-only without a kept token, and comments from a job that runs nothing', () => {
    expect(problems(template)).toEqual([]);
    const jobs = (parse(template) as { jobs: Record<string, Job> }).jobs;
    expect(jobs.check!.permissions).toEqual({ contents: 'read' });
    expect(jobs.comment!.permissions).toEqual({ 'pull-requests': 'write' });
  });

  it('the rules catch what they are about', () => {
    const unpinned = template.replace(/actions\/checkout@[0-9a-f]{40} # v[\d.]+/, 'actions/checkout@v7');
    const token = template.replace('persist-credentials: false # the pull request', 'persist-credentials: true # the pull request');
    const writer = template.replace(/(check:[\s\S]*?permissions:\n\s+contents: read)/, '$1\n      pull-requests: write');
    const pasted = template.replace('npx shopplan validate "$PLAN_DIR"', 'npx shopplan validate "${{ github.head_ref }}"');
    expect(problems(unpinned)).toEqual(['not pinned to a commit with its version: - uses: actions/checkout@v7']);
    expect(problems(token)).toEqual(['check: the checkout keeps its token']);
    expect(problems(writer)).toEqual(['check: may write to pull requests and runs commands or checks out code']);
    expect(problems(pasted)).toEqual(['check: an expression is pasted into a shell script: npx shopplan validate "${{ github.head_ref }}" --format github']);
  });

  it('is what `shopplan new` writes into a new plan repository, with its plan folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopplan-workflow-'));
    try {
      cpSync(join(ROOT, 'seeds/blank'), dir, { recursive: true });
      const installed = await installWorkflow(dir, { locate: async () => null } as never);
      expect(installed.planDir).toBe('.');
      const written = readFileSync(join(dir, '.github/workflows/plan.yml'), 'utf8');
      expect(written).toBe(template.replace(/^ {2}PLAN_DIR: .*$/m, '  PLAN_DIR: .'));
      expect(problems(written)).toEqual([]);
      // named by `shopplan new`: the repository it makes, the plan in content/
      const repo = join(dir, 'repo');
      expect((await installWorkflow(dir, { locate: async () => null } as never, { root: repo, planPath: 'content' })).planDir).toBe('content');
      expect(readFileSync(join(repo, '.github/workflows/plan.yml'), 'utf8')).toBe(template.replace(/^ {2}PLAN_DIR: .*$/m, '  PLAN_DIR: content'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// What can go wrong when plans are read from git: ShopPlanErrors with their codes (docs/diagnostics.md).
import { ShopPlanError } from '../diagnostics/errors.ts';

/** The folder is not inside a git repository, but a git ref was asked for. Exit 2. */
export class NotAGitRepositoryError extends ShopPlanError {
  readonly dir: string;
  constructor(dir: string, ref?: string) {
    super(
      'not-a-git-repository',
      ref
        ? `"${ref}" is neither a plan folder nor a git ref: ${dir} is not a git repository.`
        : `${dir} is not a git repository.`,
    );
    this.dir = dir;
  }
}

/** A ref that names no commit. Exit 2. */
export class UnknownRefError extends ShopPlanError {
  readonly ref: string;
  constructor(ref: string, repo: string, suggestion: string | undefined, tags: readonly string[]) {
    const known = tags.length ? ` Tags: ${tags.length > 12 ? `${tags.slice(-12).join(', ')} … (${tags.length} in all)` : tags.join(', ')}.` : ' The repository has no tags.';
    super('unknown-ref', `Unknown git ref "${ref}" in ${repo}: no tag, branch or commit has that name.${suggestion ? ` Did you mean "${suggestion}"?` : ''}${known}`);
    this.ref = ref;
  }
}

/** The plan folder does not exist at a ref (a tag older than the plan, or a wrong `--plan`). Exit 2. */
export class PlanPathMissingError extends ShopPlanError {
  readonly ref: string;
  constructor(ref: string, planPath: string) {
    super('plan-path-missing', `${planPath || '.'}/ does not exist at ${ref}.`);
    this.ref = ref;
  }
}

/** git itself failed (not installed, a corrupt repository, a permission problem). Exit 3. */
export class GitFailedError extends ShopPlanError {
  constructor(args: readonly string[], detail: string) {
    super('git-failed', `git ${args.join(' ')} failed: ${detail.trim() || 'no message'}`);
  }
}

// What can go wrong when plans are read from git: typed errors that carry the exit code the CLI returns
// (main.ts prints `message` and returns `exitCode`), never a stack trace.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatText } from '../diagnostics/format/text.ts';
import { EXIT } from '../diagnostics/exit-codes.ts';

export abstract class VersionsError extends Error {
  abstract readonly exitCode: number;
  /** What the CLI prints on stderr. */
  report(_color = false): string {
    return `shopplan: ${this.message}`;
  }
}

/** The folder is not inside a git repository, but a git ref was asked for. Exit 2. */
export class NotAGitRepositoryError extends VersionsError {
  readonly exitCode = EXIT.usage;
  readonly dir: string;
  constructor(dir: string, ref?: string) {
    super(
      ref
        ? `"${ref}" is neither a plan folder nor a git ref: ${dir} is not a git repository. Pass two plan folders, or run the command inside the plan's repository.`
        : `${dir} is not a git repository.`,
    );
    this.dir = dir;
  }
}

/** A ref that names no commit. Exit 2. */
export class UnknownRefError extends VersionsError {
  readonly exitCode = EXIT.usage;
  readonly ref: string;
  constructor(ref: string, repo: string, suggestion: string | undefined, tags: readonly string[]) {
    const known = tags.length ? ` Tags: ${tags.length > 12 ? `${tags.slice(-12).join(', ')} … (${tags.length} in all)` : tags.join(', ')}.` : ' The repository has no tags.';
    super(`Unknown git ref "${ref}" in ${repo}: no tag, branch or commit has that name.${suggestion ? ` Did you mean "${suggestion}"?` : ''}${known}`);
    this.ref = ref;
  }
}

/** The plan folder does not exist at a ref (a tag older than the plan, or a wrong `--plan`). Exit 2. */
export class PlanPathMissingError extends VersionsError {
  readonly exitCode = EXIT.usage;
  readonly ref: string;
  constructor(ref: string, planPath: string) {
    super(`${planPath || '.'}/ does not exist at ${ref}. Pass the plan folder with --plan (relative to the current folder).`);
    this.ref = ref;
  }
}

/** git itself failed (not installed, a corrupt repository, a permission problem). Exit 3. */
export class GitFailedError extends VersionsError {
  readonly exitCode = EXIT.failure;
  constructor(args: readonly string[], detail: string) {
    super(`git ${args.join(' ')} failed: ${detail.trim() || 'no message'}`);
  }
}

/** The plan at a version does not validate (or is written for a newer schema). Exit 1. */
export class VersionPlanInvalidError extends VersionsError {
  readonly exitCode = EXIT.invalid;
  readonly label: string;
  readonly diagnostics: Diagnostic[];
  /** The text of each file (by diagnostic file label), for code frames. */
  readonly sourceOf: ((file: string) => string | undefined) | undefined;
  constructor(label: string, diagnostics: Diagnostic[], options: { outDir?: string; sourceOf?: (file: string) => string | undefined } = {}) {
    const { outDir } = options;
    const errors = diagnostics.filter((d) => d.fatal).length;
    super(`The plan at ${label} has ${errors} error${errors === 1 ? '' : 's'}.${outDir ? ` Nothing was written to ${outDir}.` : ''}`);
    this.label = label;
    this.diagnostics = diagnostics;
    this.sourceOf = options.sourceOf;
  }

  override report(color = false): string {
    return `${formatText(this.diagnostics.filter((d) => d.fatal), { sourceOf: this.sourceOf, color })}\n\nshopplan: ${this.message}`;
  }
}

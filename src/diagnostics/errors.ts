// The one error type of ShopPlan: a failure that stops a command (not a problem at a plan line — that is a
// Diagnostic). Each has a stable code with its exit code and a default hint, documented in
// docs/diagnostics.md; src/cli/main.ts catches them once and prints `report()`.
import type { Diagnostic } from './diagnostic.ts';
import { EXIT } from './exit-codes.ts';
import { formatText } from './format/text.ts';

export interface ErrorInfo {
  exitCode: (typeof EXIT)[keyof typeof EXIT];
  /** One line: what the code means. */
  title: string;
  /** Default hint: what to do about it. */
  fix: string;
}

export const ERRORS = {
  usage: { exitCode: EXIT.usage, title: 'The command line is wrong: an unknown command or option, a bad value, a missing argument.', fix: 'Run the command with `--help` to see its usage.' },
  'plan-invalid': { exitCode: EXIT.invalid, title: 'The plan (or a version of it) has errors, so nothing was built.', fix: 'Fix the diagnostics printed above it; `shopplan validate` lists them.' },
  'not-a-git-repository': { exitCode: EXIT.usage, title: 'A git ref was named, but the folder is not in a git repository.', fix: 'Pass two plan folders, or run the command inside the plan’s repository.' },
  'unknown-ref': { exitCode: EXIT.usage, title: 'A git ref names no tag, branch or commit.', fix: 'Use one of the tags the message lists (`git tag` shows them all).' },
  'plan-path-missing': { exitCode: EXIT.usage, title: 'The plan folder does not exist at a git ref.', fix: 'Pass the plan folder with --plan (relative to the current folder), or a ref at which it exists.' },
  'git-failed': { exitCode: EXIT.failure, title: 'git itself failed: not installed, a damaged repository, no permission.', fix: 'Run the git command in the message yourself to see why; install git if it is missing.' },
  'chromium-missing': { exitCode: EXIT.failure, title: 'The PDFs were required, but there is no Chromium to print them.', fix: 'Install it with `bash scripts/install-system-deps.sh` (Debian: apt-get install chromium fonts-noto-cjk), or point SHOPPLAN_CHROMIUM at a Chromium binary.' },
  'pdf-failed': { exitCode: EXIT.failure, title: 'Printing the PDFs of a built site failed.', fix: 'Build the site again with this version of ShopPlan (`shopplan build`), then print; SHOPPLAN_DEBUG=1 shows what Chromium did.' },
  'search-index-failed': { exitCode: EXIT.failure, title: 'The search index of the site could not be written.', fix: 'Check that the output folder is writable and the disk has space, then build again.' },
  'file-system': { exitCode: EXIT.failure, title: 'A file or folder could not be read or written.', fix: 'Check that the path exists, that you may write to it and that the disk has space.' },
  internal: { exitCode: EXIT.failure, title: 'Something failed that ShopPlan did not expect: a tool it runs (Astro, DuckDB) or a bug.', fix: 'Run again with SHOPPLAN_DEBUG=1 to see the internal trace; if it persists, report it with the trace.' },
} as const satisfies Record<string, ErrorInfo>;

export type ErrorCode = keyof typeof ERRORS;

export class ShopPlanError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly hint: string;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShopPlanError';
    this.code = code;
    this.exitCode = ERRORS[code].exitCode;
    this.hint = options.hint ?? ERRORS[code].fix;
  }

  /** What the CLI prints on stderr. */
  report(_color = false): string {
    return `shopplan: ${this.message}\n${this.hint}`;
  }
}

/** The command line is wrong (exit 2). */
export class UsageError extends ShopPlanError {
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super('usage', message, { hint: `Run \`shopplan ${command ? `${command} ` : ''}--help\` for usage.` });
    this.command = command;
  }
}

/** A plan that does not validate where a valid one is needed — a version read from git, the site of `astro build` (exit 1). */
export class PlanInvalidError extends ShopPlanError {
  readonly label: string;
  readonly diagnostics: Diagnostic[];
  /** The text of each file (by diagnostic file label), for code frames. */
  readonly sourceOf: ((file: string) => string | undefined) | undefined;
  constructor(label: string, diagnostics: Diagnostic[], options: { outDir?: string; sourceOf?: (file: string) => string | undefined } = {}) {
    const errors = diagnostics.filter((d) => d.fatal).length;
    super('plan-invalid', `The plan at ${label} has ${errors} error${errors === 1 ? '' : 's'}.${options.outDir ? ` Nothing was written to ${options.outDir}.` : ''}`);
    this.label = label;
    this.diagnostics = diagnostics;
    this.sourceOf = options.sourceOf;
  }

  override report(color = false): string {
    return `${formatText(this.diagnostics.filter((d) => d.fatal), { sourceOf: this.sourceOf, color })}\n\nshopplan: ${this.message}`;
  }
}

/** Anything thrown that is not a ShopPlanError: a file-system failure (Node's `E…` codes), a tool, or a bug. */
export class InternalError extends ShopPlanError {
  constructor(error: unknown) {
    const e = error instanceof Error ? error : new Error(String(error));
    const system = typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!) && 'syscall' in e;
    // Tools print long messages (Astro prints whole frames): the first lines say what went wrong.
    super(system ? 'file-system' : 'internal', e.message.split('\n').slice(0, 20).join('\n') || String(error), { cause: e });
  }

  override report(_color = false): string {
    const trace = process.env.SHOPPLAN_DEBUG ? `\n${(this.cause as Error).stack ?? ''}` : '';
    return `shopplan: ${this.message}\n${this.hint}${trace}`;
  }

  static from(error: unknown): ShopPlanError {
    return error instanceof ShopPlanError ? error : new InternalError(error);
  }
}

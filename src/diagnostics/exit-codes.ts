// Exit codes of every command (documented in docs/cli.md).
export const EXIT = {
  ok: 0,
  /** The plan has errors (or a check failed). */
  invalid: 1,
  /** The command line was wrong: unknown command or option, missing argument. */
  usage: 2,
  /** Something outside the plan failed: the site build, the file system, a bug. */
  failure: 3,
} as const;

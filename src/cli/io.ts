// Where the CLI writes; tests pass their own to capture output.
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (colours, code frames with highlighting). */
  color: boolean;
  /** The environment (SHOPPLAN_LANG, LC_ALL, LANG … choose the language of messages). */
  env: Readonly<Record<string, string | undefined>>;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR && process.env.CI !== 'true',
  env: process.env,
};

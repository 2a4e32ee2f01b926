// One shape for every command: its help text, its options, and what it runs.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIO } from './io.ts';
import { UsageError } from '../diagnostics/exit-codes.ts';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command<O extends Options = Options> {
  name: string;
  summary: string;
  usage: string;
  /** Lines of `--option  meaning` for help. */
  optionHelp: string[];
  options: O;
  /** How many positional arguments it takes at most. */
  maxPositionals: number;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: CliIO): Promise<number>;
}

export function parseCommandArgs(command: Command, argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...command.options, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'), command.name);
  }
  if (parsed.positionals.length > command.maxPositionals && !parsed.values.help) {
    throw new UsageError(`Too many arguments: ${parsed.positionals.slice(command.maxPositionals).join(' ')}.`, command.name);
  }
  return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
}

export function commandHelp(command: Command): string {
  return [`shopplan ${command.name} — ${command.summary}`, '', `Usage: ${command.usage}`, '', 'Options:', ...command.optionHelp.map((l) => `  ${l}`), '  -h, --help             Show this help', '  -v, --version          Show the version', ''].join('\n');
}

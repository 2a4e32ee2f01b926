// One shape for every command: its help text, its options, and what it runs.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIO } from './io.ts';
import { UsageError } from '../diagnostics/errors.ts';
import { cliLocale, LOCALES, type Locale } from '../i18n/locale.ts';

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
  /** It prints progress lines on stderr (stages of a long build), which `--quiet` turns off. */
  progress?: boolean;
  run(args: CommandArgs, io: CliIO): Promise<number>;
}

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** The language of messages: `--lang`, `SHOPPLAN_LANG`, else the POSIX locale (see i18n/locale.ts). */
  locale: Locale;
  /** `--quiet`: no progress lines; diagnostics and errors still print. */
  quiet: boolean;
}

/** Where a command's progress lines go: stderr (plain lines, one per stage), or nowhere with `--quiet`. */
export function progressLog(args: CommandArgs, io: CliIO): (message: string) => void {
  return args.quiet ? () => {} : (message) => io.stderr(message);
}

export function parseCommandArgs(command: Command, argv: string[], env: Readonly<Record<string, string | undefined>> = {}): CommandArgs {
  let parsed;
  try {
    const quiet: Options = command.progress ? { quiet: { type: 'boolean', short: 'q' } } : {};
    parsed = parseArgs({ args: argv, options: { ...command.options, ...quiet, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'), command.name);
  }
  if (parsed.positionals.length > command.maxPositionals && !parsed.values.help) {
    throw new UsageError(`Too many arguments: ${parsed.positionals.slice(command.maxPositionals).join(' ')}.`, command.name);
  }
  // `--lang` stays in `values` too: a command whose output has a language of its own (export) sees that it was given.
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const lang = cliLocale(values.lang as string | undefined, env);
  const quiet = values.quiet === true;
  if ('locale' in lang) return { values, positionals: parsed.positionals, locale: lang.locale, quiet };
  if (values.help || values.version) return { values, positionals: parsed.positionals, locale: 'en', quiet };
  throw new UsageError(`${parsed.values.lang === undefined ? 'SHOPPLAN_LANG' : '--lang'} must name one of ${LOCALES.join(', ')}, got "${lang.invalid}".`, command.name);
}

const QUIET_HELP = '  -q, --quiet            No progress lines (diagnostics and errors still print)';
const LANG_HELP = '  --lang <zh-CN|en>      Language of messages (default: SHOPPLAN_LANG, else zh-CN when LC_ALL/LANG is Chinese, else en)';

export function commandHelp(command: Command): string {
  return [`shopplan ${command.name} — ${command.summary}`, '', `Usage: ${command.usage}`, '', 'Options:', ...command.optionHelp.map((l) => `  ${l}`), ...(command.progress ? [QUIET_HELP] : []), ...(command.optionHelp.some((l) => l.startsWith('--lang')) ? [] : [LANG_HELP]), '  -h, --help             Show this help', '  -v, --version          Show the version', ''].join('\n');
}

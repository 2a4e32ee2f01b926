// `shopplan <command>`: dispatch, help and version, and the one place errors become exit codes.
import { readFileSync } from 'node:fs';
import { commandHelp, parseCommandArgs, type Command } from './command.ts';
import { processIO, type CliIO } from './io.ts';
import { EXIT } from '../diagnostics/exit-codes.ts';
import { InternalError, UsageError } from '../diagnostics/errors.ts';
import { SUMMARIES } from './commands/summaries.ts';

type CommandName = keyof typeof SUMMARIES;

/**
 * Each command's module, loaded only when it runs: a command does not pay for loading the others'
 * dependencies (Excel, Astro, the validator…), which an up-to-date `shopplan build` would notice.
 */
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.ts')).validateCommand,
  compute: async () => (await import('./commands/compute.ts')).computeCommand,
  build: async () => (await import('./commands/build.ts')).buildCommand,
  pdf: async () => (await import('./commands/pdf.ts')).pdfCommand,
  diff: async () => (await import('./commands/diff.ts')).diffCommand,
  dev: async () => (await import('./commands/dev.ts')).devCommand,
  new: async () => (await import('./commands/new.ts')).newCommand,
  codeowners: async () => (await import('./commands/codeowners.ts')).codeownersCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
};

export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function mainHelp(): string {
  return [
    'shopplan — e-commerce operating plans as validated YAML and MDX',
    '',
    'Usage: shopplan <command> [options]',
    '',
    'Commands:',
    ...(Object.keys(COMMANDS) as CommandName[]).map((name) => `  ${name.padEnd(10)} ${SUMMARIES[name]}`),
    '',
    'Run `shopplan <command> --help` for a command’s options.',
    'Exit codes: 0 ok, 1 the plan has errors, 2 usage error, 3 other failure.',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(mainHelp());
      return name ? EXIT.ok : EXIT.usage;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(VERSION);
      return EXIT.ok;
    }
    if (!Object.hasOwn(COMMANDS, name)) throw new UsageError(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
    const command = await COMMANDS[name as CommandName]();
    const args = parseCommandArgs(command, rest, io.env);
    if (args.values.help) {
      io.stdout(commandHelp(command));
      return EXIT.ok;
    }
    if (args.values.version) {
      io.stdout(VERSION);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    // The one place errors end: every failure is a ShopPlanError with its exit code (anything else is wrapped).
    const failure = InternalError.from(error);
    io.stderr(failure.report(io.color));
    return failure.exitCode;
  }
}

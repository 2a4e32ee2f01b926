// `shopplan <command>`: dispatch, help and version, and the one place errors become exit codes.
import { readFileSync } from 'node:fs';
import { commandHelp, parseCommandArgs, type Command } from './command.ts';
import { processIO, type CliIO } from './io.ts';
import { EXIT } from '../diagnostics/exit-codes.ts';
import { InternalError, UsageError } from '../diagnostics/errors.ts';
import { validateCommand } from './commands/validate.ts';
import { computeCommand } from './commands/compute.ts';
import { buildCommand } from './commands/build.ts';
import { newCommand } from './commands/new.ts';
import { devCommand } from './commands/dev.ts';
import { pdfCommand } from './commands/pdf.ts';
import { diffCommand } from './commands/diff.ts';
import { codeownersCommand } from './commands/codeowners.ts';
import { importCommand } from './commands/import.ts';
import { exportCommand } from './commands/export.ts';

const COMMANDS: readonly Command[] = [validateCommand, computeCommand, buildCommand, pdfCommand, diffCommand, devCommand, newCommand, codeownersCommand, importCommand, exportCommand];

export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function mainHelp(): string {
  return [
    'shopplan — e-commerce operating plans as validated YAML and MDX',
    '',
    'Usage: shopplan <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
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
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
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

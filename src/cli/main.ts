// `shopplan <command>`: dispatch, help and version, and the one place errors become exit codes.
import { readFileSync } from 'node:fs';
import { commandHelp, parseCommandArgs, type Command } from './command.ts';
import { processIO, type CliIO } from './io.ts';
import { EXIT, UsageError } from '../diagnostics/exit-codes.ts';
import { DiagnosticsError } from '../diagnostics/diagnostic.ts';
import { formatText } from '../diagnostics/format/text.ts';
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
import { VersionsError } from '../versions/errors.ts';

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
    if (error instanceof UsageError) {
      io.stderr(`shopplan: ${error.message}\nRun \`shopplan ${error.command ? `${error.command} ` : ''}--help\` for usage.`);
      return EXIT.usage;
    }
    if (error instanceof VersionsError) {
      io.stderr(error.report(io.color));
      return error.exitCode;
    }
    if (error instanceof DiagnosticsError) {
      io.stderr(formatText(error.diagnostics));
      return EXIT.invalid;
    }
    const e = error as Error;
    io.stderr(`shopplan: ${e.message?.split('\n').slice(0, 20).join('\n') || String(error)}${process.env.SHOPPLAN_DEBUG ? `\n${e.stack}` : '\n(Set SHOPPLAN_DEBUG=1 to see the internal trace.)'}`);
    return EXIT.failure;
  }
}

import type { Command } from '../command.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { UsageError } from '../../diagnostics/errors.ts';
import { checkPlanFolder } from '../../pipeline/check-plan.ts';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { renderDiagnostics } from '../report.ts';
import { SUMMARIES } from './summaries.ts';

export const devCommand: Command = {
  name: 'dev',
  summary: SUMMARIES.dev,
  usage: 'shopplan dev [dir] [--port <n>] [--host]',
  optionHelp: ['dir                    Plan folder (default: content)', '--port <n>             Port (default 4321)', '--host                 Listen on all addresses, not only localhost'],
  options: { port: { type: 'string', short: 'p' }, host: { type: 'boolean' } },
  maxPositionals: 1,
  async run({ values, positionals, locale }, io) {
    const dir = positionals[0] ?? 'content';
    const port = values.port === undefined ? 4321 : Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a number from 1 to 65535, got "${String(values.port)}".`, 'dev');
    // The plan is checked first: an invalid one has no site to serve yet.
    const check = await checkPlanFolder(dir, { locale });
    if (hasErrors(check.diagnostics)) {
      io.stderr(`${renderDiagnostics(check, 'text', io.color, `The plan in ${dir}`)}\nFix it and run \`shopplan dev\` again; once it runs, an invalid edit shows its diagnostics and keeps the last good plan.`);
      return EXIT.invalid;
    }
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    const { dev } = await import('astro');
    const { siteConfig } = await import('../../site/astro-config.ts');
    const server = await dev({ ...siteConfig({ planDir: dir, check, locale }), configFile: false, server: { port, host: values.host === true } });
    io.stderr(`Serving ${dir} at http://${values.host ? '0.0.0.0' : 'localhost'}:${server.address.port}/ — edit a plan file and the page reloads. Ctrl-C stops.`);
    await new Promise<void>((resolve) => {
      const stop = () => void server.stop().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};

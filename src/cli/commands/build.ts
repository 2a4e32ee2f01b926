import type { Command } from '../command.ts';
import { buildPlanSite } from '../../build/build-site.ts';
import { nodeBuildEffects } from '../../build/node-effects.ts';
import { EXIT } from '../exit-codes.ts';
import { renderDiagnostics } from '../report.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: 'check a plan and build its static site (and plan.json)',
  usage: 'shopplan build [dir] [--out <folder>]',
  optionHelp: ['dir                    Plan folder (default: content)', '--out <folder>         Output folder (default: dist); replaced only when the build succeeds'],
  options: { out: { type: 'string', short: 'o' } },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    const dir = positionals[0] ?? 'content';
    const out = (values.out as string | undefined) ?? 'dist';
    const outcome = await buildPlanSite(dir, out, nodeBuildEffects((m) => io.stderr(m)));
    if (!outcome.built || outcome.check.diagnostics.length) io.stderr(renderDiagnostics(outcome.check, 'text', io.color, `The plan in ${dir}`));
    if (!outcome.built) {
      io.stderr(`Nothing was written to ${out}.`);
      return EXIT.invalid;
    }
    return EXIT.ok;
  },
};

import { progressLog, type Command } from '../command.ts';
import { buildPlanSite } from '../../build/build-site.ts';
import { nodeBuildEffects } from '../../build/node-effects.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { UsageError } from '../../diagnostics/errors.ts';
import { renderDiagnostics } from '../report.ts';
import { SUMMARIES } from './summaries.ts';

export const buildCommand: Command = {
  name: 'build',
  summary: SUMMARIES.build,
  usage: 'shopplan build [dir] [--out <folder>] [--pdf | --no-pdf] [--base <path>] [--versions <pattern>] [--no-cache] [--quiet]',
  optionHelp: [
    'dir                    Plan folder (default: content)',
    '--out <folder>         Output folder (default: dist); replaced only when the build succeeds',
    '--pdf                  Require the PDFs: without Chromium, exit 3 and write nothing',
    '--no-pdf               Skip the PDFs (default: print them into <out>/pdf/ when Chromium is found)',
    '--base <path>          URL path the site is served under, e.g. /operating-plan/ on GitHub Pages (default: /)',
    '--versions <pattern>   Git tags that are plan versions, built into <out>/v/<tag>/ (default: v*; none: no versions)',
    '--no-cache             Build every version afresh instead of reusing the cache (node_modules/.cache/shopplan)',
  ],
  options: { out: { type: 'string', short: 'o' }, pdf: { type: 'boolean' }, 'no-pdf': { type: 'boolean' }, base: { type: 'string' }, versions: { type: 'string' }, 'no-cache': { type: 'boolean' } },
  maxPositionals: 1,
  progress: true,
  async run(args, io) {
    const { values, positionals, locale } = args;
    const dir = positionals[0] ?? 'content';
    const out = (values.out as string | undefined) ?? 'dist';
    if (values.pdf && values['no-pdf']) throw new UsageError('--pdf and --no-pdf cannot be used together.', 'build');
    const pdf = values.pdf ? 'always' : values['no-pdf'] ? 'never' : 'auto';
    const versions = values.versions === 'none' ? null : ((values.versions as string | undefined) ?? 'v*');
    const effects = nodeBuildEffects(progressLog(args, io), { versions, cacheDir: values['no-cache'] ? null : undefined });
    const outcome = await buildPlanSite(dir, out, effects, { pdf, base: values.base as string | undefined, locale });
    if (!outcome.built || outcome.check.diagnostics.length) io.stderr(renderDiagnostics(outcome.check, 'text', io.color, `The plan in ${dir}`, outcome.sourceOf));
    if (!outcome.built) {
      io.stderr(`Nothing was written to ${out}.`);
      return EXIT.invalid;
    }
    return EXIT.ok;
  },
};

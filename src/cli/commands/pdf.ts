import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { progressLog, type Command } from '../command.ts';
import { buildPlanSite } from '../../build/build-site.ts';
import { nodeBuildEffects } from '../../build/node-effects.ts';
import { ChromiumMissingError, findChromium } from '../../browser/chromium.ts';
import { printBuiltSite } from '../../pdf/print-built-site.ts';
import { printSitePdfs } from '../../pdf/print-site.ts';
import { printWithCache } from '../../build/print-cache.ts';
import { folderCache } from '../../versions/cache.ts';
import { cacheRoot } from '../../pipeline/run-temp.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { renderDiagnostics } from '../report.ts';
import { SUMMARIES } from './summaries.ts';

export const pdfCommand: Command = {
  name: 'pdf',
  summary: SUMMARIES.pdf,
  usage: 'shopplan pdf [dir] [--out <folder>] [--no-cache] [--quiet]',
  optionHelp: [
    'dir                    Plan folder (default: content); its last git commit dates the PDFs',
    '--out <folder>         The built site (default: dist); PDFs go to <folder>/pdf/. When <folder>/index.html',
    '                       is missing, the site is built first (as `shopplan build --pdf`)',
    '--no-cache             Print afresh instead of reusing PDFs of the same pages from the cache',
  ],
  options: { out: { type: 'string', short: 'o' }, 'no-cache': { type: 'boolean' } },
  maxPositionals: 1,
  progress: true,
  async run(args, io) {
    const { values, positionals, locale } = args;
    const dir = positionals[0] ?? 'content';
    const out = (values.out as string | undefined) ?? 'dist';
    const chromium = findChromium();
    if (!chromium) throw new ChromiumMissingError(out);
    const log = progressLog(args, io);
    const built = await stat(join(out, 'index.html')).then(() => true, () => false);
    if (!built) {
      log(`No site in ${out} yet: building it first.`);
      const outcome = await buildPlanSite(dir, out, nodeBuildEffects(log, { cacheDir: values['no-cache'] ? null : undefined }), { pdf: 'always', locale });
      if (!outcome.built || outcome.check.diagnostics.length) io.stderr(renderDiagnostics(outcome.check, 'text', io.color, `The plan in ${dir}`, outcome.sourceOf));
      if (!outcome.built) {
        io.stderr(`Nothing was written to ${out}.`);
        return EXIT.invalid;
      }
      return EXIT.ok;
    }
    const started = Date.now();
    const cache = values['no-cache'] ? null : folderCache(cacheRoot());
    const printed = await printBuiltSite(out, dir, chromium, log, async (options) => (await printWithCache(options, cache, printSitePdfs)).printed);
    for (const f of printed) log(`  ${join(out, 'pdf', basename(f.file))}: ${f.pages} ${f.pages === 1 ? 'page' : 'pages'}`);
    log(`Printed ${printed.length} PDFs in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return EXIT.ok;
  },
};

import type { Command } from '../command.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { UsageError } from '../../diagnostics/errors.ts';
import { IMPORT_TARGETS } from '../../xlsx/import-sheet.ts';
import { importFile } from '../../xlsx/import-file.ts';
import { formatText, summaryLine } from '../../diagnostics/format/text.ts';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { sourceLookup } from '../../pipeline/check-plan.ts';
import { SUMMARIES } from './summaries.ts';

export const importCommand: Command = {
  name: 'import',
  summary: SUMMARIES.import,
  usage: `shopplan import <file.xlsx|file.csv> --to ${IMPORT_TARGETS.map((t) => t.name).join('|')} [--plan <dir>] [--sheet <name>] [--dry-run]`,
  optionHelp: [
    'file                   The .xlsx workbook or .csv file to read',
    `--to <list>            ${IMPORT_TARGETS.map((t) => `${t.name} (${t.file}.yaml ${t.list})`).join(', ')}`,
    '--plan <dir>           Plan folder (default: content)',
    '--sheet <name>         Sheet of the workbook (default: the first visible sheet)',
    '--dry-run              Check and report, write nothing',
  ],
  options: { to: { type: 'string' }, plan: { type: 'string' }, sheet: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    const file = positionals[0];
    if (!file) throw new UsageError('Name the spreadsheet to import, e.g. `shopplan import skus.xlsx --to products`.', 'import');
    const target = IMPORT_TARGETS.find((t) => t.name === values.to);
    if (!target) throw new UsageError(`--to must be one of ${IMPORT_TARGETS.map((t) => t.name).join(', ')}${values.to === undefined ? '' : `, got "${String(values.to)}"`}.`, 'import');
    const planDir = (values.plan as string | undefined) ?? 'content';
    const dryRun = Boolean(values['dry-run']);
    const report = await importFile({ file, target, planDir, dryRun, ...(typeof values.sheet === 'string' ? { sheet: values.sheet } : {}) });
    const text = formatText(report.diagnostics, { ...(report.check ? { sourceOf: sourceLookup(report.check) } : {}), color: io.color });
    if (text) io.stderr(`${text}\n`);
    if (report.planInvalid) {
      io.stderr(`${summaryLine(report.diagnostics, `The plan in ${planDir}`)}\nFix the plan first: nothing was imported.`);
      return EXIT.invalid;
    }
    if (hasErrors(report.diagnostics)) {
      io.stderr(`✖ ${file}: ${report.diagnostics.filter((d) => d.fatal).length} error(s); ${report.planFile} was not changed.`);
      return EXIT.invalid;
    }
    const { added, updated, unchanged } = report.counts;
    const counts = `${added} added, ${updated} updated, ${unchanged} unchanged`;
    if (!report.written) io.stdout(`${report.planFile}: nothing to change (${counts}).`);
    else io.stdout(dryRun ? `${report.planFile} would change: ${counts} (dry run: nothing written).` : `✔ ${report.planFile}: ${counts}.`);
    return EXIT.ok;
  },
};

import type { Command } from '../command.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { UsageError } from '../../diagnostics/errors.ts';
import { computedPlan } from '../computed-plan.ts';
import { exportLocale, exportWorkbook } from '../../xlsx/export-file.ts';
import { SUMMARIES } from './summaries.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: SUMMARIES.export,
  usage: 'shopplan export [dir] --xlsx <file.xlsx> [--lang zh-CN|en] [--scenario <id>]',
  optionHelp: [
    'dir                    Plan folder (default: content)',
    '--xlsx <file>          The workbook to write (replaced only when complete)',
    '--lang <locale>        Language of the workbook and messages, zh-CN or en (default: the plan’s first language)',
    '--scenario <id>        Apply a scenario from scenarios.yaml before computing',
  ],
  options: { xlsx: { type: 'string' }, scenario: { type: 'string', short: 's' } },
  maxPositionals: 1,
  async run({ values, positionals, locale: messages }, io) {
    const dir = positionals[0] ?? 'content';
    const out = values.xlsx;
    if (typeof out !== 'string' || !out) throw new UsageError('Name the workbook to write with --xlsx, e.g. `shopplan export content --xlsx plan.xlsx`.', 'export');
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`--xlsx must name an .xlsx file, got "${out}".`, 'export');
    const scenario = values.scenario as string | undefined;
    const plan = await computedPlan(dir, scenario, 'export', io, { locale: messages });
    if (!plan.ok) return plan.exitCode;
    const { check } = plan;
    // The workbook is in the plan's language unless --lang names one (SHOPPLAN_LANG and LANG choose messages only).
    const locale = exportLocale(check.result, values.lang === undefined ? undefined : messages);
    const tables = await exportWorkbook(out, check.input, check.result, locale);
    io.stdout(`✔ Wrote ${out}: ${tables.length} sheets (${tables.map((t) => t.name).join(', ')}), ${locale}${scenario ? `, scenario ${scenario}` : ''}.`);
    return EXIT.ok;
  },
};

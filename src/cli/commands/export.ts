import type { Command } from '../command.ts';
import { checkPlanFolder } from '../../pipeline/check-plan.ts';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { scenarioIds } from '../../engine/scenarios.ts';
import { EXIT, UsageError } from '../../diagnostics/exit-codes.ts';
import { renderDiagnostics } from '../report.ts';
import { EXPORT_LOCALES, exportLocale, exportWorkbook } from '../../xlsx/export-file.ts';
import type { Locale } from '../../i18n/locale.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the computed plan as an Excel workbook (targets, P&L, funnels, SKUs, marketing, payroll, KPIs)',
  usage: 'shopplan export [dir] --xlsx <file.xlsx> [--lang zh-CN|en] [--scenario <id>]',
  optionHelp: [
    'dir                    Plan folder (default: content)',
    '--xlsx <file>          The workbook to write (replaced only when complete)',
    '--lang <locale>        zh-CN or en (default: the plan’s first language)',
    '--scenario <id>        Apply a scenario from scenarios.yaml before computing',
  ],
  options: { xlsx: { type: 'string' }, lang: { type: 'string' }, scenario: { type: 'string', short: 's' } },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    const dir = positionals[0] ?? 'content';
    const out = values.xlsx;
    if (typeof out !== 'string' || !out) throw new UsageError('Name the workbook to write with --xlsx, e.g. `shopplan export content --xlsx plan.xlsx`.', 'export');
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`--xlsx must name an .xlsx file, got "${out}".`, 'export');
    const lang = values.lang as string | undefined;
    if (lang !== undefined && !(EXPORT_LOCALES as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${EXPORT_LOCALES.join(', ')}, got "${lang}".`, 'export');
    const scenario = values.scenario as string | undefined;
    const first = await checkPlanFolder(dir, { compute: !scenario });
    let check = first;
    if (scenario && first.input) {
      const known = scenarioIds(first.input);
      if (!known.includes(scenario)) throw new UsageError(`Unknown scenario "${scenario}". ${known.length ? `The plan has: ${known.join(', ')}.` : 'The plan defines no scenarios (scenarios.yaml).'}`, 'export');
      check = await checkPlanFolder(dir, { scenario });
    }
    if (hasErrors(check.diagnostics) || !check.result || !check.input) {
      io.stderr(renderDiagnostics(check, 'text', io.color, `The plan in ${dir}`));
      return EXIT.invalid;
    }
    if (check.diagnostics.length) io.stderr(renderDiagnostics(check, 'text', io.color, `The plan in ${dir}`));
    const locale = exportLocale(check.result, lang as Locale | undefined);
    const tables = await exportWorkbook(out, check.input, check.result, locale);
    io.stdout(`✔ Wrote ${out}: ${tables.length} sheets (${tables.map((t) => t.name).join(', ')}), ${locale}${scenario ? `, scenario ${scenario}` : ''}.`);
    return EXIT.ok;
  },
};

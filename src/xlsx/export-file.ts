// `shopplan export --xlsx`: a computed plan → the workbook finance reads, in the plan's language.
import type { PlanInput, Text } from '../model/plan-input.generated.ts';
import type { PlanResult } from '../model/result/plan-result.ts';
import { t } from '../i18n/catalog.ts';
import { isLocale, type Locale } from '../i18n/locale.ts';
import { buildTables, type ExportContext, type Table } from './export-sheets.ts';
import { writeWorkbook } from './write-workbook.ts';

/** The language of the workbook: the one asked for, else the plan's first one that ShopPlan speaks. */
export function exportLocale(result: PlanResult, requested?: Locale): Locale {
  return requested ?? result.meta.locales.find(isLocale) ?? 'en';
}

export function exportTables(input: PlanInput, result: PlanResult, locale: Locale): Table[] {
  const first = result.meta.locales[0] ?? 'zh-CN';
  const ctx: ExportContext = {
    input,
    result,
    locale,
    l: (key, vars) => t(locale, `export.${key}`, vars),
    text: (text: Text | undefined | null) => (text === undefined || text === null ? '' : typeof text === 'string' ? text : (text[locale] ?? text[first] ?? Object.values(text).find(Boolean) ?? '')),
  };
  return buildTables(ctx);
}

export async function exportWorkbook(path: string, input: PlanInput, result: PlanResult, locale: Locale): Promise<Table[]> {
  const tables = exportTables(input, result, locale);
  await writeWorkbook(path, tables, result.meta.currency);
  return tables;
}

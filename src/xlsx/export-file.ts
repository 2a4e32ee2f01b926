// `shopplan export --xlsx`: a computed plan → the workbook finance reads, in the plan's language.
import type { PlanInput, Text } from '../model/plan-input.generated.ts';
import type { PlanResult } from '../engine/plan-result.ts';
import { EXPORT_LABELS, label, type LabelLocale } from '../i18n/labels.ts';
import { buildTables, type ExportContext, type Table } from './export-sheets.ts';
import { writeWorkbook } from './write-workbook.ts';

export const EXPORT_LOCALES: readonly LabelLocale[] = ['zh-CN', 'en'];

/** The language of the workbook: the one asked for, else the plan's first one that ShopPlan speaks. */
export function exportLocale(result: PlanResult, requested?: LabelLocale): LabelLocale {
  return requested ?? (result.meta.locales.find((l): l is LabelLocale => (EXPORT_LOCALES as readonly string[]).includes(l)) ?? 'en');
}

export function exportTables(input: PlanInput, result: PlanResult, locale: LabelLocale): Table[] {
  const first = result.meta.locales[0] ?? 'zh-CN';
  const ctx: ExportContext = {
    input,
    result,
    locale,
    l: (key, vars) => label(EXPORT_LABELS, locale, key, vars),
    text: (text: Text | undefined | null) => (text === undefined || text === null ? '' : typeof text === 'string' ? text : (text[locale] ?? text[first] ?? Object.values(text).find(Boolean) ?? '')),
  };
  return buildTables(ctx);
}

export async function exportWorkbook(path: string, input: PlanInput, result: PlanResult, locale: LabelLocale): Promise<Table[]> {
  const tables = exportTables(input, result, locale);
  await writeWorkbook(path, tables, result.meta.currency);
  return tables;
}

// What `shopplan compute` prints without --json, in the command line's language: each target against its
// projection with the gap and status, the P&L summary and break-even month, what it would take to close each
// missed target, then the findings in words (`shopplan validate` shows each at its file and line). Every number
// is the engine's (PlanResult), only formatted here.
import type { PlanResult } from '../model/result/plan-result.ts';
import { ref } from '../model/facts.ts';
import { t } from '../i18n/catalog.ts';
import { findingText, findingTitle } from '../i18n/findings.ts';
import { formatMonth, formatValue } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';
import { nameOf, type PlanNames } from '../i18n/names.ts';
import { localText } from '../i18n/text.ts';
import { textTable } from '../i18n/text-table.ts';
import { driverChangeText, signedValue, statusText } from '../i18n/verdict-text.ts';

/** The P&L lines of the summary, top to bottom. */
const PNL_SUMMARY = ['gmv', 'netRevenue', 'grossProfit', 'marketing', 'operatingExpenses', 'operatingProfit'] as const;

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/** `scenario`: the one applied, if any. */
export function computeSummary(result: PlanResult, locale: Locale, names: PlanNames, scenario?: string): string {
  const currency = result.meta.currency;
  const value = (v: number | null | undefined, unit: string) => formatValue(v, unit, locale, { currency });
  const targetName = (id: string) => nameOf(names, ref('target', id), locale);
  const out = [`${localText(result.meta.title, locale)} · ${formatMonth(result.meta.horizon.start, locale)} – ${formatMonth(result.meta.horizon.end, locale)}`];
  if (scenario) out.push(t(locale, 'verdict.scenario', { name: nameOf(names, ref('scenario', scenario), locale), id: scenario }));

  const verdicts = Object.values(result.verdicts);
  const head = [t(locale, 'ui.target'), t(locale, 'verdict.value'), t(locale, 'ui.projection'), t(locale, 'ui.gap'), t(locale, 'verdict.status')];
  const rows = verdicts.map((v) => [targetName(v.targetId), value(v.overall.target, v.unit), value(v.overall.projection, v.unit), signedValue(v.overall.gap, v.unit, locale, currency), statusText(v.overall, locale)]);
  out.push('', textTable([head, ...rows], 'lrrrl'));

  out.push('', t(locale, 'verdict.pnl'));
  out.push(textTable(PNL_SUMMARY.map((k) => [t(locale, `label.pnl.${k}`), value(result.pnl.total[k], 'money')])));
  out.push(`  ${result.pnl.breakEvenMonth ? t(locale, 'verdict.breakEven', { month: formatMonth(result.pnl.breakEvenMonth, locale) }) : t(locale, 'verdict.noBreakEven')}`);

  const missed = verdicts.filter((v) => v.toClose.length > 0);
  out.push('', t(locale, 'verdict.toClose'));
  if (missed.length === 0) out.push(`  ${t(locale, 'verdict.allMet')}`);
  for (const v of missed) {
    out.push(`  ${t(locale, 'verdict.toCloseOf', { target: targetName(v.targetId), value: value(v.overall.target, v.unit), projection: value(v.overall.projection, v.unit) })}`);
    for (const d of v.toClose) out.push(`    ${driverChangeText(d, names, locale)}`);
  }

  out.push('', t(locale, 'ui.cli.findings', { count: result.findings.length }));
  if (result.findings.length === 0) out.push(`  ${t(locale, 'ui.noWarnings')}`);
  for (const f of result.findings) out.push(`  ${MARK[f.severity]} ${t(locale, 'ui.cli.finding', { title: findingTitle(f.kind, locale), text: findingText(f, locale, names) })}`);
  out.push('', t(locale, 'ui.cli.computeMore'));
  return out.join('\n');
}

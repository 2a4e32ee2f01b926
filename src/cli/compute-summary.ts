// A short human summary of a PlanResult for `shopplan compute` without --json: the targets by quarter, then the
// findings in the reader's language (`shopplan validate` shows each at its file and line).
import type { PlanResult } from '../model/result/plan-result.ts';
import { t } from '../i18n/catalog.ts';
import { findingText, findingTitle } from '../i18n/findings.ts';
import type { Locale } from '../i18n/locale.ts';
import type { PlanNames } from '../i18n/names.ts';

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

export function computeSummary(result: PlanResult, locale: Locale, names: PlanNames): string {
  const number = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });
  const lines = [`${result.meta.planId}  ${result.meta.horizon.start} … ${result.meta.horizon.end}`, ''];
  for (const target of Object.values(result.targets)) {
    const quarters = Object.entries(target.quarterly)
      .map(([q, v]) => `${q.slice(5)} ${number.format(v)}`)
      .join('  ');
    lines.push(`${target.id.padEnd(20)} ${number.format(target.value).padStart(16)}   ${quarters}`);
  }
  if (result.findings.length) {
    lines.push('', t(locale, 'ui.cli.findings', { count: result.findings.length }));
    for (const f of result.findings) lines.push(`  ${MARK[f.severity]} ${t(locale, 'ui.cli.finding', { title: findingTitle(f.kind, locale), text: findingText(f, locale, names) })}`);
  }
  lines.push('', t(locale, 'ui.cli.computeMore'));
  return lines.join('\n');
}

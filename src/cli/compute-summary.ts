// A short human summary of a PlanResult for `shopplan compute` without --json.
import type { PlanResult } from '../model/result/plan-result.ts';
import { t } from '../i18n/catalog.ts';
import type { Locale } from '../i18n/locale.ts';

export function computeSummary(result: PlanResult, locale: Locale): string {
  const number = new Intl.NumberFormat('en', { maximumFractionDigits: 4 });
  const lines = [`${result.meta.planId}  ${result.meta.horizon.start} … ${result.meta.horizon.end}`, ''];
  for (const target of Object.values(result.targets)) {
    const quarters = Object.entries(target.quarterly)
      .map(([q, v]) => `${q.slice(5)} ${number.format(v)}`)
      .join('  ');
    lines.push(`${target.id.padEnd(20)} ${number.format(target.value).padStart(16)}   ${quarters}`);
  }
  lines.push('', t(locale, 'ui.cli.computeMore'));
  return lines.join('\n');
}

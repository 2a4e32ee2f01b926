// Actuals columns name KPIs, months lie in the horizon, and no month is given twice across files.
import { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ActualsSource } from '../../load/parse-actuals.ts';
import type { PlanInput } from '../../model/plan-input.generated.ts';
import type { ActualsTable } from '../../model/actuals.ts';
import { horizonMonths } from '../../model/calendar.ts';
import { closest } from '../../model/closest.ts';

export function checkActuals(sources: readonly ActualsSource[], input: PlanInput): { table: ActualsTable; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const table: ActualsTable = {};
  const kpis = new Set((input.kpis?.kpis ?? []).map((k) => k.id));
  const months = new Set(horizonMonths(input.plan.horizon.start, input.plan.horizon.months));
  const origin = new Map<string, string>();
  for (const source of sources) {
    for (const { name, column } of source.columns) {
      if (!kpis.has(name)) {
        const guess = closest(name, kpis);
        diagnostics.push(new Diagnostic('actuals-unknown-kpi', `The column "${name}" of ${source.file} is not a KPI in kpis.yaml.${guess ? ` Did you mean "${guess}"?` : ''}`, { file: source.file, place: { start: { line: 1, column } } }));
      }
    }
    for (const row of source.rows) {
      const place = { start: { line: row.line, column: 1 } };
      if (!months.has(row.month)) {
        diagnostics.push(new Diagnostic('month-out-of-horizon', `${row.month} in ${source.file} is outside the plan horizon.`, { file: source.file, place }));
        continue;
      }
      const earlier = origin.get(row.month);
      if (earlier) {
        diagnostics.push(new Diagnostic('actuals-month', `${row.month} is already given in ${earlier}.`, { file: source.file, place }));
        continue;
      }
      origin.set(row.month, source.file);
      table[row.month] = Object.fromEntries(Object.entries(row.values).filter(([k]) => kpis.has(k)));
    }
  }
  return { table, diagnostics };
}

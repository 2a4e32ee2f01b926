// KPI formulas parse, use only KPI ids, and never refer back to themselves (the metric tree has no cycles).
import type { Check } from '../check-context.ts';
import { parseFormula } from '../../model/formula.ts';
import { closest } from '../../model/closest.ts';

export const checkKpiFormulas: Check = (ctx) => {
  const kpis = ctx.input.kpis?.kpis ?? [];
  const ids = new Set(kpis.map((k) => k.id));
  const edges = new Map<string, string[]>();
  kpis.forEach((kpi, i) => {
    if (!kpi.formula) return;
    const at = ['kpis', i, 'formula'];
    const parsed = parseFormula(kpi.formula);
    if (!parsed.ok) {
      ctx.report('kpi-formula-syntax', `The formula of "${kpi.id}" cannot be read: ${parsed.message} (at character ${parsed.index + 1} of "${kpi.formula}").`, 'kpis', at);
      return;
    }
    for (const name of parsed.metrics) {
      if (!ids.has(name)) {
        const guess = closest(name, ids);
        ctx.report('kpi-formula-unknown', `The formula of "${kpi.id}" uses "${name}", which is not a KPI.${guess ? ` Did you mean "${guess}"?` : ''}`, 'kpis', at);
      }
    }
    edges.set(kpi.id, parsed.metrics.filter((m) => ids.has(m)));
  });
  for (const cycle of findCycles(edges)) {
    const index = kpis.findIndex((k) => k.id === cycle[0]);
    ctx.report('kpi-cycle', `KPI formulas go round in a circle: ${[...cycle, cycle[0]].join(' → ')}.`, 'kpis', ['kpis', index, 'formula']);
  }
};

/** Each elementary cycle once, starting at its smallest id (depth-first search over formula edges). */
function findCycles(edges: Map<string, string[]>): string[][] {
  const found = new Map<string, string[]>();
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'active');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'active') {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        found.set(canonical.join('>'), canonical);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return [...found.values()];
}

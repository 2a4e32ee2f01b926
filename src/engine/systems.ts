// §5.3 Tools and systems: monthly running cost from go-live, setup cost in the go-live month.
import type { PlanInput } from '../model/plan-input.generated.ts';
import { seriesOf, total } from './series.ts';
import { explainAs } from './explain.ts';
import type { SystemResult, SystemsResult } from '../model/result/systems.ts';


export function computeSystems(input: PlanInput, months: readonly string[]): SystemsResult {
  const items: Record<string, SystemResult> = {};
  (input.systems?.systems ?? []).forEach((s, i) => {
    // Live systems run all year; rollout/planned ones from their go-live month (plus the setup cost then);
    // a system being retired runs until its switch-off month.
    const running = (m: string) =>
      s.status === 'retire' ? !s.goLive || m < s.goLive : s.status === 'live' && !s.goLive ? true : s.goLive !== undefined && m >= s.goLive;
    const cost = seriesOf(months, (m) => (running(m) ? s.monthlyCost : 0) + (m === s.goLive && s.status !== 'retire' ? s.setupCost : 0));
    items[s.id] = {
      id: s.id,
      kind: s.kind,
      status: s.status,
      goLive: s.goLive ?? null,
      cost,
      total: total(cost),
      explain: explainAs('system.cost', [
        { label: 'monthlyCost', value: s.monthlyCost, unit: 'money', source: { file: 'systems.yaml', path: `systems[${i}].monthlyCost` } },
        { label: 'setupCost', value: s.setupCost, unit: 'money', source: { file: 'systems.yaml', path: `systems[${i}].setupCost` } },
      ]),
    };
  });
  return { items, cost: seriesOf(months, (m) => Object.values(items).reduce((sum, s) => sum + (s.cost[m] ?? 0), 0)) };
}

// Targets judged, as findings: every target whose projection through its deadline falls short beyond the plan's
// thresholds (status amber or red: `target-gap`) or exceeds it by more than the overshoot threshold
// (`target-overshoot`), whatever its metric and whether or not a KPI links to it. Located at the target's
// `value` in targets.yaml. A shortfall carries the smallest plausible single-driver change that closes it.
import { amount, ref, type Amount } from '../model/facts.ts';
import { finding, type DriverMove, type Finding, type TargetFacts } from '../model/findings.ts';
import type { DriverChange, TargetVerdict } from '../model/result/target-verdicts.ts';

/** One finding per target missed or overshot; `verdicts` in targets.yaml order (with what it would take filled in). */
export function targetFindings(verdicts: readonly TargetVerdict[]): Finding[] {
  return verdicts.flatMap((v, i): Finding[] => {
    const o = v.overall;
    if (o.projection === null || o.gap === null || o.status === null) return [];
    const subject = { entity: ref('target', v.targetId), file: 'targets' as const, path: ['targets', i, 'value'] };
    const facts: TargetFacts = {
      metric: v.metric,
      through: o.through,
      target: amount(o.target, v.unit),
      projection: amount(o.projection, v.unit),
      gap: amount(o.gap, v.unit),
      attainment: o.attainment === null ? null : amount(o.attainment, 'rate'),
    };
    if (o.status === 'amber' || o.status === 'red') {
      return [finding('target-gap', subject, { ...facts, status: o.status, threshold: amount(v.thresholds.green, 'rate'), close: bestMove(v.toClose) })];
    }
    return o.overshoot ? [finding('target-overshoot', subject, { ...facts, threshold: amount(v.thresholds.overshoot, 'rate') })] : [];
  });
}

/** Relative moves closer than this (0.01 percentage point) are a tie: the solver meets a target only to within its tolerance. */
const TIE = 1e-4;

/**
 * The plausible change that closes the gap with the smallest relative move of its driver, the first in
 * what-it-takes' order on a tie (a channel's CVR before plan-wide drivers, costs last); null when none does.
 */
export function bestMove(changes: readonly DriverChange[]): DriverMove | null {
  let best: (DriverChange & { to: number; change: number }) | undefined;
  for (const d of changes) {
    if (!d.plausible || d.to === null || d.change === null) continue;
    if (!best || Math.abs(d.change) < Math.abs(best.change) - TIE) best = { ...d, to: d.to, change: d.change };
  }
  if (!best) return null;
  const { unit } = best;
  const value = (x: number): Amount => amount(x, unit);
  return {
    driver: best.driver,
    ...(best.channel ? { channel: ref('channel', best.channel) } : {}),
    from: value(best.from),
    to: value(best.to),
    change: amount(best.change, 'rate'),
  };
}

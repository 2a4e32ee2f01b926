// Scenarios are overrides of plan inputs (multiply or replace a number), applied before a full recompute.
import type { PlanInput } from '../model/plan-input.generated.ts';
import { resolvePlanPath } from '../model/plan-path.ts';

export function scenarioIds(input: PlanInput): string[] {
  return (input.scenarios?.scenarios ?? []).map((s) => s.id);
}

/** A copy of the input with the scenario's overrides applied; the input itself is never changed. */
export function applyScenario(input: PlanInput, scenarioId: string): PlanInput {
  const scenario = input.scenarios?.scenarios?.find((s) => s.id === scenarioId);
  if (!scenario) throw new RangeError(`unknown scenario "${scenarioId}"`);
  const out = structuredClone(input);
  for (const override of scenario.overrides ?? []) {
    // Paths were resolved by validation; resolve on the copy so list indexes match.
    const resolved = resolvePlanPath(out as unknown as Record<string, unknown>, override.path);
    if (!resolved || typeof resolved.value !== 'number') continue;
    const parent = resolved.segments.slice(0, -1).reduce<any>((node, s) => node[s], out);
    const key = resolved.segments[resolved.segments.length - 1]!;
    parent[key] = override.set ?? resolved.value * (override.factor ?? 1);
  }
  return out;
}

// Scenarios are overrides of plan inputs (multiply or replace a number), applied before a full recompute.
import type { PlanInput } from './plan-input.generated.ts';
import { resolvePlanPath } from './plan-path.ts';
import { setPath } from './set-path.ts';
import { invariant } from './invariant.ts';

export function scenarioIds(input: PlanInput): string[] {
  return (input.scenarios?.scenarios ?? []).map((s) => s.id);
}

/** A copy of the input with the scenario's overrides applied; the input itself is never changed. */
export function applyScenario(input: PlanInput, scenarioId: string): PlanInput {
  const scenario = input.scenarios?.scenarios?.find((s) => s.id === scenarioId);
  invariant(scenario, `unknown scenario "${scenarioId}" (callers check scenario ids first)`);
  // Copy on write: each override copies only the objects on its path, so the sections a scenario does not
  // touch stay the input's own (same identity), and the input itself is never changed.
  let out = input;
  for (const override of scenario.overrides ?? []) {
    // Paths were resolved by validation; resolve on the copy so list indexes match.
    const resolved = resolvePlanPath(out as unknown as Record<string, unknown>, override.path);
    if (!resolved || typeof resolved.value !== 'number') continue;
    out = setPath(out, resolved.segments, override.set ?? resolved.value * (override.factor ?? 1));
  }
  return out;
}

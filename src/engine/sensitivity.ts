// Scenarios recomputed in full, and the tornado: operating profit when each driver moves by ±range.
import type { PlanInput } from '../model/plan-input.generated.ts';
import { resolvePlanPath } from '../model/plan-path.ts';
import { setPath } from '../model/set-path.ts';
import { applyScenario } from '../model/scenarios-apply.ts';
import type { Headline, ScenarioSummary, SensitivityDriver, SensitivityResult } from '../model/result/scenarios.ts';

export type HeadlineOf = (input: PlanInput) => Headline;

export function computeScenarios(input: PlanInput, headline: HeadlineOf, base: Headline): Record<string, ScenarioSummary> {
  const out: Record<string, ScenarioSummary> = {};
  for (const s of input.scenarios?.scenarios ?? []) {
    const h = (s.overrides ?? []).length ? headline(applyScenario(input, s.id)) : base;
    out[s.id] = { id: s.id, name: s.name, probability: s.probability ?? null, ...h, deltaOperatingProfit: round(h.operatingProfit - base.operatingProfit) };
  }
  return out;
}

export function computeSensitivity(input: PlanInput, headline: HeadlineOf, base: Headline): SensitivityResult | null {
  const config = input.scenarios?.sensitivity;
  if (!config) return null;
  const drivers = config.drivers
    .map((driver): SensitivityDriver | undefined => {
      const resolved = resolvePlanPath(input as unknown as Record<string, unknown>, driver.path);
      if (!resolved || typeof resolved.value !== 'number') return undefined;
      const at = (factor: number) => headline(withValue(input, resolved.segments, resolved.value as number * factor)).operatingProfit;
      const low = at(1 - config.range);
      const high = at(1 + config.range);
      return { id: driver.id, name: driver.name, path: driver.path, baseValue: resolved.value as number, low, high, swing: round(Math.abs(high - low)) };
    })
    .filter((d): d is SensitivityDriver => d !== undefined)
    .sort((a, b) => b.swing - a.swing || a.id.localeCompare(b.id));
  return { range: config.range, baseOperatingProfit: base.operatingProfit, drivers };
}

/** The input with one number changed; only the objects on its path are copied (the input is never changed). */
function withValue(input: PlanInput, segments: ReadonlyArray<string | number>, value: number): PlanInput {
  return setPath(input, segments, value);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

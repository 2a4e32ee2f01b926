// `shopplan dev` checks the whole plan folder after every edit, but an edit to a chapter (or a comment, or a
// change undone) leaves the plan input as it was, and the engine's result with it: the last compute is
// reused when its inputs are the same text (about 0.2–0.8 s of the example saved per such reload). One
// entry: a command that computes once pays only the key (a JSON text of the input, a few ms).
import { compute, type ComputeOptions } from '../engine/compute.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { PlanResult } from '../model/result/plan-result.ts';

let last: { key: string; result: PlanResult } | undefined;

/** What JSON would blur stays apart in the key: −0 and the non-finite numbers (JSON writes 0 and null). */
const exact = (_key: string, value: unknown) => (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? `\0${Object.is(value, -0) ? '-0' : String(value)}` : value);

/** compute(input, options), or the result of the last call when input and options were the same. */
export function computeOnce(input: PlanInput, options: ComputeOptions): PlanResult {
  const key = JSON.stringify([input, options], exact);
  if (last?.key === key) return last.result;
  const result = compute(input, options);
  last = { key, result };
  return result;
}

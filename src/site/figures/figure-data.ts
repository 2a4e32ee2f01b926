// What a figure is drawn from: the plan as written (names) and its computed result (numbers).
import type { PlanInput } from '../../model/plan-input.generated.ts';
import type { PlanResult } from '../../model/result/plan-result.ts';

export interface FigureData {
  input: PlanInput;
  result: PlanResult;
}

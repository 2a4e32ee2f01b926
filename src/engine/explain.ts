// How a figure was computed: formula text and its inputs, each traceable to a plan path.
import type { ExplainInput, Explanation } from '../model/result/explanation.ts';


export function explain(formula: string, ...inputs: ExplainInput[]): Explanation {
  return { formula, inputs };
}

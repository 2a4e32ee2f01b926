// How a figure was computed: formula text and its inputs, each traceable to a plan path.

export interface ExplainInput {
  name: string;
  value: number | string;
  /** Plan path of the input, e.g. `targets.targets[0].value`, when it comes straight from the plan. */
  source?: { file: string; path: string };
}

export interface Explanation {
  formula: string;
  inputs: ExplainInput[];
}

export function explain(formula: string, ...inputs: ExplainInput[]): Explanation {
  return { formula, inputs };
}

// How a computed figure was obtained: the formula and the inputs it used, shown on pages as "how is this calculated".

export interface Explanation {
  formula: string;
  inputs: ExplainInput[];
}

export interface ExplainInput {
  name: string;
  value: number | string;
  /** Plan path of the input, e.g. `targets.targets[0].value`, when it comes straight from the plan. */
  source?: { file: string; path: string };
}

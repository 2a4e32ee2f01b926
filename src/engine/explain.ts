// How a figure was computed: its formula's key and its inputs, each traceable to a plan path.
import type { ExplainInput, FormulaExplanation, FormulaKey, LabelledInput, TextExplanation } from '../model/result/explanation.ts';

export function explainAs(key: FormulaKey, inputs: LabelledInput[] = [], args?: FormulaExplanation['args']): FormulaExplanation {
  return args ? { key, args, inputs } : { key, inputs };
}

/** The older form (English text); models move to `explainAs`. */
export function explain(formula: string, ...inputs: ExplainInput[]): TextExplanation {
  return { formula, inputs };
}

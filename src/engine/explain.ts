// How a figure was computed: its formula's key and its inputs, each traceable to a plan path.
import type { Explanation, FormulaKey, LabelledInput } from '../model/result/explanation.ts';

export function explainAs(key: FormulaKey, inputs: LabelledInput[] = [], args?: Explanation['args']): Explanation {
  return args ? { key, args, inputs } : { key, inputs };
}

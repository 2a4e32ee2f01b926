// A KPI formula as a reader reads it: names in the page's language and ×, ÷, − for the operators
// ("gmv / marketing_spend" → "GMV ÷ 营销费用"). Names come from the caller (the plan's KPIs).

export interface FormulaPart {
  text: string;
  /** The identifier the part names, when it is one (a page links it to its definition). */
  id?: string;
}

const OPERATORS: Record<string, string> = { '*': ' × ', '/': ' ÷ ', '-': ' − ', '+': ' + ' };

/** The formula split into names and operators; an identifier without a name keeps its text. */
export function formulaInNames(formula: string, nameOf: (id: string) => string | undefined): FormulaPart[] {
  return formula
    .split(/([A-Za-z_][A-Za-z0-9_]*|[*/+-])/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => (OPERATORS[p] ? { text: OPERATORS[p] } : /^[A-Za-z_]/.test(p) ? { text: nameOf(p) ?? p, id: p } : { text: p }));
}

/** The formula as one line of text. */
export function formulaText(formula: string, nameOf: (id: string) => string | undefined): string {
  return formulaInNames(formula, nameOf).map((p) => p.text).join('');
}

// KPI formulas: arithmetic over metric ids, parsed by jsep (never eval) into a small checked tree.
import jsep from 'jsep';

export type FormulaNode =
  | { type: 'number'; value: number }
  | { type: 'metric'; name: string }
  | { type: 'negate'; operand: FormulaNode }
  | { type: 'binary'; operator: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

export type ParsedFormula = { ok: true; node: FormulaNode; metrics: string[] } | { ok: false; message: string; index: number };

const OPERATORS = new Set(['+', '-', '*', '/']);

export function parseFormula(text: string): ParsedFormula {
  let tree: jsep.Expression;
  try {
    tree = jsep(text);
  } catch (error) {
    const e = error as { description?: string; message: string; index?: number };
    return { ok: false, message: e.description ?? e.message, index: e.index ?? 0 };
  }
  try {
    const node = convert(tree);
    return { ok: true, node, metrics: [...new Set(metricsOf(node))] };
  } catch (error) {
    return { ok: false, message: (error as Error).message, index: 0 };
  }
}

/** A construct a formula may not use; parseFormula turns it into its result's message. */
class FormulaError extends Error {}

function convert(e: jsep.Expression): FormulaNode {
  switch (e.type) {
    case 'Literal':
      if (typeof e.value === 'number') {
        if (!Number.isFinite(e.value)) throw new FormulaError(`the number ${String(e.raw)} is beyond what a number can hold`);
        return { type: 'number', value: e.value };
      }
      throw new FormulaError(`only numbers may appear as constants, not ${String(e.raw)}`);
    case 'Identifier':
      return { type: 'metric', name: String(e.name) };
    case 'UnaryExpression':
      if (e.operator === '-') return { type: 'negate', operand: convert(e.argument as jsep.Expression) };
      if (e.operator === '+') return convert(e.argument as jsep.Expression);
      throw new FormulaError(`the operator ${String(e.operator)} is not allowed`);
    case 'BinaryExpression':
      if (!OPERATORS.has(String(e.operator))) throw new FormulaError(`the operator ${String(e.operator)} is not allowed; use + - * /`);
      return { type: 'binary', operator: e.operator as '+', left: convert(e.left as jsep.Expression), right: convert(e.right as jsep.Expression) };
    default:
      throw new FormulaError(`${e.type === 'CallExpression' ? 'function calls' : e.type === 'MemberExpression' ? 'property access' : 'this construct'} is not allowed; use metric ids, numbers, + - * / and parentheses`);
  }
}

function metricsOf(node: FormulaNode): string[] {
  switch (node.type) {
    case 'metric':
      return [node.name];
    case 'negate':
      return metricsOf(node.operand);
    case 'binary':
      return [...metricsOf(node.left), ...metricsOf(node.right)];
    default:
      return [];
  }
}

export interface Evaluation {
  /** null when an input is missing, a division by zero occurs or the result is not a finite number. */
  value: number | null;
  divisionByZero: boolean;
  /** True when a step gave a number beyond what a double holds (e.g. 1e300 × 1e300). */
  overflow: boolean;
}

/** Evaluates a parsed formula over metric values; never throws, never returns NaN or Infinity. */
export function evaluateFormula(node: FormulaNode, values: (name: string) => number | null | undefined): Evaluation {
  let divisionByZero = false;
  let overflow = false;
  const run = (n: FormulaNode): number | null => {
    switch (n.type) {
      case 'number':
        return n.value;
      case 'metric': {
        const v = values(n.name);
        return v === undefined || v === null || !Number.isFinite(v) ? null : v;
      }
      case 'negate': {
        const v = run(n.operand);
        return v === null ? null : -v;
      }
      case 'binary': {
        const a = run(n.left);
        const b = run(n.right);
        if (a === null || b === null) return null;
        if (n.operator === '/' && b === 0) {
          divisionByZero = true;
          return null;
        }
        const r = n.operator === '+' ? a + b : n.operator === '-' ? a - b : n.operator === '*' ? a * b : a / b;
        // A step beyond what a double holds poisons the rest (Infinity − Infinity, 1 ÷ Infinity …).
        if (!Number.isFinite(r)) {
          overflow = true;
          return null;
        }
        return r;
      }
    }
  };
  const value = run(node);
  return { value, divisionByZero, overflow };
}

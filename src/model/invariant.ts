// Invariants: conditions the code itself guarantees (callers validated first). A violation is a bug in
// ShopPlan, never the user's plan; the CLI reports it as an internal error with the trace behind SHOPPLAN_DEBUG.
// It lives in model/ so every layer, the pure engine included, can state one.

export class InvariantViolation extends Error {
  constructor(message: string) {
    super(`Invariant violated: ${message}`);
    this.name = 'InvariantViolation';
  }
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantViolation(message);
}

// JSON with a trailing newline and two-space indent; key order follows construction, which the
// engine keeps deterministic, so the same plan always gives the same bytes.
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

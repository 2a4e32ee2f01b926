// Pattern selection over plain plan data: `skus.*.category` visits every SKU's category.
//   `*`  any list item or mapping value      `#`  any mapping key (the key itself is the value)
import type { PathSegment } from './data-path.ts';

export interface Selected {
  value: unknown;
  segments: PathSegment[];
  /** True when the value is a mapping key (selected by `#`), so its place is the key. */
  isKey: boolean;
}

export function select(data: unknown, pattern: string): Selected[] {
  const parts = pattern.split('.');
  const out: Selected[] = [];
  const walk = (value: unknown, i: number, segments: PathSegment[]) => {
    if (i === parts.length) {
      out.push({ value, segments, isKey: false });
      return;
    }
    const part = parts[i]!;
    if (value === null || typeof value !== 'object') return;
    if (part === '*') {
      const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((v, k) => [k, v]) : Object.entries(value);
      for (const [k, v] of entries) walk(v, i + 1, [...segments, k]);
    } else if (part === '#') {
      if (Array.isArray(value)) return;
      for (const k of Object.keys(value)) out.push({ value: k, segments: [...segments, k], isKey: true });
    } else if (!Array.isArray(value) && part in value) {
      walk((value as Record<string, unknown>)[part], i + 1, [...segments, part]);
    }
  };
  walk(data, 0, []);
  return out;
}

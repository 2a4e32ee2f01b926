// Plan paths name one number in the plan with ids for list items: `channels.tmall.funnel.cvr`,
// `marketing.channels.qianchuan.budget.total`. The list named like its file may be left out
// (`channels.tmall…` = `channels.channels.tmall…`). Scenarios and sensitivity drivers use them.
import type { PathSegment } from './data-path.ts';

export interface ResolvedPath {
  /** Concrete segments from the plan input root, list items by index. */
  segments: PathSegment[];
  value: unknown;
}

export function resolvePlanPath(input: Record<string, unknown>, path: string): ResolvedPath | undefined {
  const parts = path.split('.').filter(Boolean);
  const [file, ...rest] = parts;
  if (!file || !Object.hasOwn(input, file)) return undefined;
  const direct = walk(input[file], rest, [file]);
  if (direct) return direct;
  return walk(input[file], [file, ...rest], [file]);
}

function walk(value: unknown, parts: string[], segments: PathSegment[]): ResolvedPath | undefined {
  let current = value;
  const out = [...segments];
  for (const part of parts) {
    if (Array.isArray(current)) {
      const index = current.findIndex((item) => item && typeof item === 'object' && (item as { id?: unknown }).id === part);
      if (index < 0) return undefined;
      out.push(index);
      current = current[index];
    } else if (current && typeof current === 'object' && Object.hasOwn(current, part)) {
      out.push(part);
      current = (current as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
  }
  return { segments: out, value: current };
}

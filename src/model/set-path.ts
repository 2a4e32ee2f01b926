// Copy-on-write update of one value deep inside plain data (a plan input): only the objects and arrays
// along the path are copied (shallowly), everything else is shared with the original. The original is
// never changed, so it may be frozen; untouched sections keep their identity (===), which lets the engine
// reuse what it computed from them (see the per-call cache in engine/compute.ts).
import type { PathSegment } from './data-path.ts';
import { invariant } from './invariant.ts';

/**
 * A copy of `root` with the value at `segments` replaced by `value`. Every container on the path must
 * exist (paths come from resolvePlanPath); a segment into a non-container throws a TypeError.
 */
export function setPath<T>(root: T, segments: readonly PathSegment[], value: unknown): T {
  return setAt(root, segments, 0, value) as T;
}

function setAt(node: unknown, segments: readonly PathSegment[], depth: number, value: unknown): unknown {
  if (depth === segments.length) return value;
  invariant(node && typeof node === 'object', `setPath: no container at segment ${depth} (${String(segments[depth])})`);
  const key = segments[depth]!;
  // A copy keeps the original's prototype (none, for plan data keyed by ids).
  const copy = (Array.isArray(node) ? [...node] : Object.assign(Object.create(Object.getPrototypeOf(node) as object | null) as object, node)) as Record<PathSegment, unknown>;
  copy[key] = setAt((node as Record<PathSegment, unknown>)[key], segments, depth + 1, value);
  return copy;
}

// Data paths ↔ places in a YAML file: where a value (or its key) is written, read from the file's index
// (yaml-index.ts).
import type { Place } from '../diagnostics/diagnostic.ts';
import { placeOf } from './source-file.ts';
import type { YamlSource } from './parse-yaml.ts';
import type { Range, YamlIndexNode } from './yaml-index.ts';
import type { PathSegment } from '../model/data-path.ts';

export interface Located {
  place: Place;
  /** True when the exact node was found; false when the place is the nearest existing parent. */
  exact: boolean;
}

/**
 * The place of the value at `segments`, or of its key when `key` is set. When the path does not
 * exist (a missing required field), the nearest existing parent is returned.
 */
export function locate(source: YamlSource, segments: readonly PathSegment[], options: { key?: boolean } = {}): Located {
  let node: YamlIndexNode = source.index;
  let key: Range | undefined;
  // Where the walk ends: the node at the path, or — when the path goes on below what exists — the last node
  // found (an alias's anchor, since the walk went through it).
  let at: Pick<YamlIndexNode, 'v' | 'c'> | undefined;
  for (const segment of segments) {
    const next = node.m ? (Object.hasOwn(node.m, String(segment)) ? node.m[String(segment)] : undefined) : node.s && typeof segment === 'number' ? node.s[segment] : undefined;
    if (!next) {
      at = node.a ?? node;
      break;
    }
    if (node.m) key = next.k;
    else key = undefined;
    node = next;
  }
  const exact = at === undefined;
  at ??= node;
  // A whole mapping or list is pointed at by its key (`shares:`), not by its first entry.
  const onKey = exact && key !== undefined && (options.key || at.c === true);
  const range = onKey ? key : at.v === undefined ? key : at.v;
  if (!range) return { place: placeOf(source, 0), exact: false };
  // A collection without a key (a list item) spans to its last line; point at its first line.
  const end = !onKey && at.v && at.c ? lineEnd(source.text, range[0]) : range[1];
  return { place: placeOf(source, range[0], end), exact };
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

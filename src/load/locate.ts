// Data paths ↔ YAML nodes: where in the file a value (or its key) is written.
import { isMap, isSeq, isScalar, isAlias, isPair, type Document, type Node } from 'yaml';
import type { Place } from '../diagnostics/diagnostic.ts';
import { placeOf } from './source-file.ts';
import type { YamlSource } from './parse-yaml.ts';
import type { PathSegment } from '../model/data-path.ts';

/** `/targets/0/owner` (JSON Pointer, as ajv reports) → `['targets', 0, 'owner']`. */

/** `['targets', 0, 'owner']` → `targets[0].owner`, the dotted path users see. */

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
  const { doc } = source;
  let node: unknown = doc.contents;
  let keyNode: unknown;
  let exact = true;
  for (const segment of segments) {
    node = resolveAlias(doc, node);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) {
        exact = false;
        break;
      }
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      exact = false;
      break;
    }
  }
  // A whole mapping or list is pointed at by its key (`shares:`), not by its first entry.
  const collection = isMap(node) || isSeq(node);
  const target = (exact && keyNode && (options.key || collection) ? keyNode : undefined) ?? node ?? keyNode;
  const range = (target as Node | undefined)?.range;
  if (!range) return { place: placeOf(source, 0), exact: false };
  // A collection without a key (a list item) spans to its last line; point at its first line.
  const end = isMap(target) || isSeq(target) ? lineEnd(source.text, range[0]) : range[1];
  return { place: placeOf(source, range[0], end), exact };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function resolveAlias(doc: Document.Parsed, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

/** `targets[0].value` → `['targets', 0, 'value']`: the inverse of formatPath for plain keys. */

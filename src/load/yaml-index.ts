// Where each value of a YAML file is written, as plain data: what locate.ts needs of the yaml library's
// document, so that a parse can be kept across runs (parse-cache) without the document itself. Built once per
// parse from the document; an alias's entries are its anchor's, shared (not copied), so an index is no larger
// than its document.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/** A character range [start, end) in the file's text. */
export type Range = readonly [number, number];

export interface YamlIndexNode {
  /** The node's range; null for a node that has none (a flow pair in a list), absent for no node (a key without value). */
  v?: Range | null;
  /** Set when the node is a mapping or a list, which a place points at by its first line. */
  c?: true;
  /** Its key's range, for an entry of a mapping with a scalar key. */
  k?: Range;
  /** For an alias: its anchor's range and kind (none when the anchor is missing), where a path that goes on below the alias stops. */
  a?: Pick<YamlIndexNode, 'v' | 'c'>;
  /** A mapping's entries by key text (the first of equal keys), or a list's items: the anchor's for an alias. */
  m?: Record<string, YamlIndexNode>;
  s?: YamlIndexNode[];
}

/** The index of a parsed document. */
export function yamlIndex(doc: Document.Parsed): YamlIndexNode {
  // Children of each collection, made once however many aliases point at it (and finite for an alias inside its own anchor).
  const children = new Map<Node, Pick<YamlIndexNode, 'm' | 's'>>();
  const own = (node: unknown): Pick<YamlIndexNode, 'v' | 'c'> => {
    if (node === null || node === undefined) return {};
    const range = (node as Node).range;
    return { v: range ? [range[0], range[1]] : null, ...(isMap(node) || isSeq(node) ? { c: true as const } : {}) };
  };
  const entry = (node: unknown, key?: unknown): YamlIndexNode => {
    const keyRange = isScalar(key) && key.range ? { k: [key.range[0], key.range[1]] as Range } : {};
    const target = isAlias(node) ? node.resolve(doc) : node;
    const anchor = isAlias(node) ? { a: own(target) } : {};
    return { ...own(node), ...keyRange, ...anchor, ...childrenOf(target) };
  };
  const childrenOf = (node: unknown): Pick<YamlIndexNode, 'm' | 's'> => {
    if (!isMap(node) && !isSeq(node)) return {};
    let made = children.get(node);
    if (made) return made;
    if (isMap(node)) {
      const m: Record<string, YamlIndexNode> = Object.create(null);
      children.set(node, (made = { m }));
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (!Object.hasOwn(m, key)) m[key] = entry(pair.value, pair.key);
      }
    } else {
      const s: YamlIndexNode[] = [];
      children.set(node, (made = { s }));
      for (const item of node.items) s.push(entry(item));
    }
    return made;
  };
  return entry(doc.contents);
}

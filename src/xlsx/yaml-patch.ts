// Edits a YAML file the way a person would: only the values that change are rewritten, new keys and list
// entries are inserted at the end of their mapping or list, and every other byte — comments, key order,
// alignment, blank lines, untouched entries — stays as it was. The yaml Document gives each node's source
// range; the edits are spliced into the text. The result is checked against the intended data, and when a
// splice would not give it (an unusual layout), the file is written by the Document API instead.
import { Document, isMap, isScalar, isSeq, isPair, parseDocument, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { isDeepStrictEqual } from 'node:util';

type Json = unknown;

interface Splice {
  start: number;
  end: number;
  text: string;
}

const STRINGIFY = { lineWidth: 0, indent: 2, flowCollectionPadding: true } as const;

export class YamlPatch {
  readonly original: string;
  readonly doc: Document.Parsed;
  /** The data as it will be after the edits (what the written text must parse to). */
  readonly data: Record<string, Json>;
  private readonly splices: Splice[] = [];
  /** Values added per list node, appended in order at the end of the list. */
  private readonly appends = new Map<YAMLSeq, Json[]>();
  private readonly newLists = new Map<string, Json[]>();

  constructor(text: string) {
    this.original = text;
    this.doc = parseDocument(text, { keepSourceTokens: false });
    const data = this.doc.toJS({ maxAliasCount: 100 }) as unknown;
    this.data = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, Json>) : {};
  }

  /** The list at the top-level key `key` (e.g. `skus`), or undefined when the file has none. */
  list(key: string): YAMLSeq | undefined {
    const root = this.doc.contents;
    if (!isMap(root)) return undefined;
    const value = root.get(key, true);
    return isSeq(value) ? value : undefined;
  }

  /** Sets `path` inside entry `index` of the top-level list `key`. */
  setInEntry(key: string, index: number, path: readonly string[], value: Json): void {
    const entry = this.list(key)?.items[index];
    if (!isMap(entry)) throw new Error(`${key}[${index}] is not a mapping`);
    const target = (this.data[key] as Array<Record<string, Json>>)[index]!;
    setJs(target, path, value);
    this.setInMap(entry, path, value);
  }

  /** Appends an entry to the top-level list `key`, creating the list when the file has none. */
  append(key: string, value: Json): void {
    const seq = this.list(key);
    if (Array.isArray(this.data[key])) (this.data[key] as Json[]).push(value);
    else this.data[key] = [value];
    if (seq && seq.items.length && !seq.flow) {
      this.appends.set(seq, [...(this.appends.get(seq) ?? []), value]);
    } else {
      this.newLists.set(key, [...(seq?.items.map((i) => (i as Node).toJSON?.() ?? i) ?? []), ...(this.newLists.get(key) ?? []), value]);
    }
  }

  /** The edited text: spliced when the splice gives the intended data, else re-written by the Document API. */
  toString(): string {
    const spliced = this.splicedText();
    if (spliced !== undefined) return spliced;
    const doc = parseDocument(this.original);
    for (const [key, value] of Object.entries(this.data)) doc.set(key, doc.createNode(value));
    return doc.toString(STRINGIFY);
  }

  private splicedText(): string | undefined {
    const splices = [...this.splices];
    for (const [seq, values] of this.appends) {
      const last = seq.items.at(-1) as Node;
      const at = endOfLine(this.original, contentEnd(this.original, last.range![0], last.range![1]));
      const dash = dashColumn(this.original, (seq.items[0] as Node).range![0]);
      const text = values.map((v) => `${' '.repeat(dash)}- ${indentRest(stringifyValue(v), dash + 2)}\n`).join('');
      splices.push({ start: at, end: at, text: at === this.original.length && !this.original.endsWith('\n') ? `\n${text}` : text });
    }
    if (this.newLists.size) {
      const root = this.doc.contents;
      for (const [key, values] of this.newLists) {
        const pair = isMap(root) ? root.items.find((p) => keyOf(p) === key) : undefined;
        const block = `${key}:\n${values.map((v) => `  - ${indentRest(stringifyValue(v), 4)}`).join('\n')}`;
        if (pair && isScalar(pair.key) && pair.key.range) {
          const end = contentEnd(this.original, pair.key.range[0], (pair.value as Node | null)?.range?.[1] ?? pair.key.range[1]);
          splices.push({ start: pair.key.range[0], end, text: block });
        } else {
          const sep = this.original === '' || this.original.endsWith('\n\n') ? '' : this.original.endsWith('\n') ? '\n' : '\n\n';
          splices.push({ start: this.original.length, end: this.original.length, text: `${sep}${block}\n` });
        }
      }
    }
    splices.sort((a, b) => b.start - a.start || b.end - a.end);
    let text = this.original;
    let previousStart = Number.POSITIVE_INFINITY;
    for (const s of splices) {
      if (s.end > previousStart) return undefined;
      text = text.slice(0, s.start) + s.text + text.slice(s.end);
      previousStart = s.start;
    }
    try {
      const check = parseDocument(text);
      return check.errors.length === 0 && isDeepStrictEqual(check.toJS(), this.data) ? text : undefined;
    } catch {
      return undefined;
    }
  }

  private setInMap(map: YAMLMap, path: readonly string[], value: Json): void {
    const [key, ...rest] = path as [string, ...string[]];
    const pair = map.items.find((p) => keyOf(p) === key);
    if (!pair) {
      this.insertPair(map, key, rest.length ? nest(rest, value) : value);
      return;
    }
    if (rest.length && isMap(pair.value) && !pair.value.flow) {
      this.setInMap(pair.value, rest, value);
      return;
    }
    const next = rest.length ? setJs(structuredClone(toJs(pair.value) ?? {}) as Record<string, Json>, rest, value) : value;
    this.replacePair(pair, key, next);
  }

  private replacePair(pair: Pair, key: string, value: Json): void {
    const keyNode = pair.key as Node;
    const old = pair.value as Node | null;
    if (isScalar(old) && old.range && isScalarValue(value) && old.type !== Scalar.BLOCK_FOLDED && old.type !== Scalar.BLOCK_LITERAL) {
      this.splices.push({ start: old.range[0], end: old.range[1], text: scalarText(value, old.type) });
      return;
    }
    const start = keyNode.range![0];
    const end = contentEnd(this.original, start, old?.range?.[1] ?? keyNode.range![1]);
    const column = start - lineStart(this.original, start);
    this.splices.push({ start, end, text: indentRest(pairText(key, value, old), column) });
  }

  private insertPair(map: YAMLMap, key: string, value: Json): void {
    if (map.flow || !map.items.length) throw new Error('insert into a flow mapping');
    const first = map.items[0]!.key as Node;
    const last = map.items.at(-1)!;
    const lastEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1];
    const at = endOfLine(this.original, contentEnd(this.original, (last.key as Node).range![0], lastEnd));
    const column = first.range![0] - lineStart(this.original, first.range![0]);
    const text = `${' '.repeat(column)}${indentRest(pairText(key, value, null), column)}\n`;
    this.splices.push({ start: at, end: at, text: at === this.original.length && !this.original.endsWith('\n') ? `\n${text}` : text });
  }
}

function keyOf(p: unknown): string | undefined {
  return isPair(p) && isScalar(p.key) ? String(p.key.value) : undefined;
}

function toJs(node: unknown): Json {
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON(): Json }).toJSON() : node;
}

function isScalarValue(v: Json): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Sets `path` in a plain object, creating the objects on the way; returns the object. */
export function setJs<T extends Record<string, Json>>(target: T, path: readonly string[], value: Json): T {
  let node: Record<string, Json> = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = node[key] = next && typeof next === 'object' && !Array.isArray(next) ? (next as Record<string, Json>) : {};
  }
  node[path.at(-1)!] = value;
  return target;
}

function nest(path: readonly string[], value: Json): Json {
  return path.reduceRight<Json>((v, k) => ({ [k]: v }), value);
}

function scalarText(value: string | number | boolean, type?: Scalar.Type): string {
  const doc = new Document(value);
  if (typeof value === 'string' && isScalar(doc.contents)) {
    // A line break would need a block scalar indented for its place: quote it instead.
    if (value.includes('\n')) doc.contents.type = Scalar.QUOTE_DOUBLE;
    else if (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE) doc.contents.type = type;
  }
  return doc.toString(STRINGIFY).trimEnd();
}

/** `key: value` as YAML at column 0; short lists of scalars and short texts per locale in flow style, like people write them. */
function pairText(key: string, value: Json, old: Node | null): string {
  const doc = new Document({ [key]: value });
  const pair = (doc.contents as YAMLMap).items[0]!;
  markFlow(pair.value, old);
  if (isScalar(pair.value) && typeof value === 'string' && value.includes('\n')) pair.value.type = Scalar.QUOTE_DOUBLE;
  return doc.toString(STRINGIFY).trimEnd();
}

function stringifyValue(value: Json): string {
  const doc = new Document(value);
  markFlow(doc.contents, null);
  return doc.toString(STRINGIFY).trimEnd();
}

function markFlow(node: unknown, old: Node | null): void {
  if (isSeq(node)) {
    const scalars = node.items.every((i) => isScalar(i) && !String(i.value).includes('\n'));
    node.flow = scalars && (old ? isSeq(old) && Boolean(old.flow) : true) && JSON.stringify(node.toJSON()).length <= 80;
    if (!node.flow) for (const i of node.items) markFlow(i, null);
  } else if (isMap(node)) {
    const scalars = node.items.every((p) => isScalar(p.value) && !String(p.value.value).includes('\n'));
    const locales = node.items.every((p) => /^[a-z]{2}(-[A-Z]{2})?$/.test(String(keyOf(p))));
    node.flow = scalars && (locales || Boolean(old && isMap(old) && old.flow)) && JSON.stringify(node.toJSON()).length <= 80;
    if (!node.flow) for (const p of node.items) markFlow(p.value, null);
  }
}

/** Indents every line but the first by `column` spaces. */
function indentRest(text: string, column: number): string {
  return text.replace(/\n(?=.)/g, `\n${' '.repeat(column)}`);
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function endOfLine(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** `end` moved back over trailing blanks, line breaks and comments that end a node's range, not before `start`. */
function contentEnd(text: string, start: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > start && /\s/.test(text[e - 1]!)) e--;
    // A trailing comment line inside the range: step back over it.
    const ls = lineStart(text, e);
    const line = text.slice(ls, e);
    if (ls > start && /^\s*#/.test(line)) {
      e = ls;
      continue;
    }
    return e;
  }
}

/** Column of the `- ` that starts the list item whose content begins at `at`. */
function dashColumn(text: string, at: number): number {
  const start = lineStart(text, at);
  const dash = text.lastIndexOf('-', at - 1);
  return dash >= start ? dash - start : Math.max(0, at - start - 2);
}

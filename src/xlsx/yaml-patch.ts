// Edits a YAML file the way a person would: only the values that change are rewritten, new keys and list
// entries are inserted at the end of their mapping or list, and every other byte — comments, key order,
// alignment, blank lines, untouched entries — stays as it was. The yaml Document gives each node's source
// range; the edits are spliced into the text. The result is checked against the intended data, and when a
// splice would not give it (an unusual layout), the file is written by the Document API instead.
import { Document, isMap, isScalar, isSeq, isPair, parseDocument, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { QUIET_YAML } from '../load/yaml-options.ts';
import { isDeepStrictEqual } from 'node:util';
import { invariant } from '../model/invariant.ts';

type Json = unknown;

interface Splice {
  start: number;
  end: number;
  text: string;
  /** Among insertions at one place, the higher rank comes later in the text (a new list entry after a new key). */
  rank?: number;
}

interface Edit {
  path: string[];
  value: Json;
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
  /** Values set per entry mapping, in the order they were set. */
  private readonly edits = new Map<YAMLMap, Edit[]>();

  /** The file cannot be edited (a syntax error, aliases past the limit, not a mapping): the plan check reports why. */
  readonly broken: boolean;

  constructor(text: string) {
    this.original = text;
    this.doc = parseDocument(text, { keepSourceTokens: false, ...QUIET_YAML });
    let data: unknown;
    let broken = this.doc.errors.length > 0;
    try {
      data = broken ? undefined : this.doc.toJS({ maxAliasCount: 100 });
    } catch {
      broken = true;
    }
    // An empty file (or only comments) is fine; a list or a scalar at the top is not a plan file.
    this.broken = broken || (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data)));
    this.data = !this.broken && data && typeof data === 'object' ? (data as Record<string, Json>) : {};
  }

  /** The list at the top-level key `key` (e.g. `skus`), or undefined when the file has none. */
  list(key: string): YAMLSeq | undefined {
    const root = this.doc.contents;
    if (!isMap(root)) return undefined;
    const value = root.get(key, true);
    return isSeq(value) ? value : undefined;
  }

  /** Sets `path` inside entry `index` of the top-level list `key` (the text is edited in toString). */
  setInEntry(key: string, index: number, path: readonly string[], given: Json): void {
    const value = plain(given);
    const entry = this.list(key)?.items[index];
    invariant(isMap(entry), `${key}[${index}] is not a mapping`);
    setJs((this.data[key] as Array<Record<string, Json>>)[index]!, path, value);
    this.edits.set(entry, [...(this.edits.get(entry) ?? []), { path: [...path], value }]);
  }

  /** Appends an entry to the top-level list `key`, creating the list when the file has none. */
  append(key: string, given: Json): void {
    const value = plain(given);
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
    const doc = parseDocument(this.original, QUIET_YAML);
    for (const [key, value] of Object.entries(this.data)) doc.set(key, doc.createNode(value));
    return doc.toString(STRINGIFY);
  }

  private splicedText(): string | undefined {
    this.splices.length = 0;
    try {
      for (const [map, edits] of this.edits) this.planMap(map, edits);
    } catch {
      // A layout the splices do not handle (a new key in a flow mapping): the Document API writes the file.
      return undefined;
    }
    const splices = [...this.splices];
    for (const [seq, values] of this.appends) {
      const last = seq.items.at(-1) as Node;
      const at = endOfLine(this.original, contentEnd(this.original, last.range![0], last.range![1]));
      const dash = dashColumn(this.original, (seq.items[0] as Node).range![0]);
      const text = values.map((v) => `${' '.repeat(dash)}- ${indentRest(stringifyValue(v), dash + 2)}\n`).join('');
      splices.push({ start: at, end: at, text: at === this.original.length && !this.original.endsWith('\n') ? `\n${text}` : text, rank: 1 });
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
    splices.sort((a, b) => b.start - a.start || b.end - a.end || (b.rank ?? 0) - (a.rank ?? 0));
    let text = this.original;
    let previousStart = Number.POSITIVE_INFINITY;
    for (const s of splices) {
      if (s.end > previousStart) return undefined;
      text = text.slice(0, s.start) + s.text + text.slice(s.end);
      previousStart = s.start;
    }
    try {
      const check = parseDocument(text, QUIET_YAML);
      return check.errors.length === 0 && isDeepStrictEqual(check.toJS(), this.data) ? text : undefined;
    } catch {
      return undefined;
    }
  }

  /** Splices for the edits of one block mapping: values replaced in place, nested maps edited inside, new keys added together at its end. */
  private planMap(map: YAMLMap, edits: readonly Edit[]): void {
    const groups = new Map<string, Edit[]>();
    for (const e of edits) groups.set(e.path[0]!, [...(groups.get(e.path[0]!) ?? []), e]);
    const inserts: Array<[string, Json]> = [];
    for (const [key, group] of groups) {
      const pair = map.items.find((p) => keyOf(p) === key);
      const inner = group.map((e) => ({ path: e.path.slice(1), value: e.value }));
      if (pair && isMap(pair.value) && !pair.value.flow && inner.every((e) => e.path.length)) this.planMap(pair.value, inner);
      else {
        // Later edits win, as they did in the data.
        const value = inner.reduce<Json>((v, e) => (e.path.length ? setJs(v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : {}, e.path, e.value) : e.value), pair ? structuredClone(toJs(pair.value)) : undefined);
        if (pair) this.replacePair(pair, key, value);
        else inserts.push([key, value]);
      }
    }
    if (inserts.length) this.insertPairs(map, inserts);
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

  private insertPairs(map: YAMLMap, pairs: ReadonlyArray<[string, Json]>): void {
    invariant(!map.flow && map.items.length, 'insert into a flow mapping');
    const first = map.items[0]!.key as Node;
    const last = map.items.at(-1)!;
    const lastEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range![1];
    const at = endOfLine(this.original, contentEnd(this.original, (last.key as Node).range![0], lastEnd));
    const column = first.range![0] - lineStart(this.original, first.range![0]);
    const text = pairs.map(([key, value]) => `${' '.repeat(column)}${indentRest(pairText(key, value, null), column)}\n`).join('');
    this.splices.push({ start: at, end: at, text: at === this.original.length && !this.original.endsWith('\n') ? `\n${text}` : text });
  }
}

/** Plain JSON data (no class instances or null prototypes), as the edited text will parse to. */
function plain(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
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

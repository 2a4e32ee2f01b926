// locate() reads a file's index (yaml-index.ts) instead of the yaml library's document, so that a parse can be
// cached across runs. The oracle below is how locate() walked the document before: on any document (aliases,
// flow pairs, empty values, duplicate-looking keys) and any path — present, missing, or going on below a scalar
// or an alias — both give the same place and exactness.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, stringify, type Document, type Node } from 'yaml';
import { parseYaml } from '../../src/load/parse-yaml.ts';
import { locate, type Located } from '../../src/load/locate.ts';
import { placeOf } from '../../src/load/source-file.ts';
import type { YamlSource } from '../../src/load/parse-yaml.ts';
import type { PathSegment } from '../../src/model/data-path.ts';

function oracle(doc: Document.Parsed, source: YamlSource, segments: readonly PathSegment[], options: { key?: boolean } = {}): Located {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  let exact = true;
  for (const segment of segments) {
    node = isAlias(node) ? node.resolve(doc) : node;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
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
  const collection = isMap(node) || isSeq(node);
  const target = (exact && keyNode && (options.key || collection) ? keyNode : undefined) ?? node ?? keyNode;
  const range = (target as Node | undefined)?.range;
  if (!range) return { place: placeOf(source, 0), exact: false };
  const end = isMap(target) || isSeq(target) ? (source.text.indexOf('\n', range[0]) + 1 || source.text.length + 1) - 1 : range[1];
  return { place: placeOf(source, range[0], end), exact };
}

/** Paths into a value, plus a step past each: a missing key, an index out of range, a key on a list. */
function pathsOf(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = [], seen = new Set<unknown>()): PathSegment[][] {
  out.push(prefix, [...prefix, 'missing'], [...prefix, 99]);
  if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out, seen));
    else for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out, seen);
  }
  return out;
}

function check(text: string) {
  const parsed = parseYaml('f.yaml', text);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, version: '1.2', schema: 'core', stringKeys: true, logLevel: 'silent' });
  const data = doc.toJS({ maxAliasCount: -1 });
  for (const path of pathsOf(data)) {
    for (const key of [false, true]) expect(locate(parsed.source, path, { key }), `${JSON.stringify(path)} key=${key}\n${text}`).toEqual(oracle(doc, parsed.source, path, { key }));
  }
}

describe('the YAML index', () => {
  it('places every path as the document walk did, on generated documents with shared (aliased) values', () => {
    const leaf = fc.oneof(fc.integer(), fc.string({ maxLength: 6 }), fc.constant(null), fc.boolean());
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
      list: fc.array(tie('tree'), { maxLength: 4 }),
      map: fc.dictionary(fc.constantFrom('a', 'b', '0', '1', 'key', '名称'), tie('tree'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(tree, fc.boolean(), fc.boolean(), (value, share, flow) => {
        // The same object twice becomes an anchor and an alias.
        const doc = share && value && typeof value === 'object' ? { first: value, again: value, list: [value] } : value;
        check(stringify(doc, { aliasDuplicateObjects: true, ...(flow ? { collectionStyle: 'flow' } : {}) }));
      }),
      { numRuns: 300 },
    );
  });

  it('places the written edge cases as the document walk did', () => {
    for (const text of [
      '',
      'a:\n',
      'a:\nb: 1\n',
      'list:\n  - 1\n  - [x: 1, 2]\n',
      'base: &b\n  x: 1\n  y: [1, 2]\nuse: *b\nscalar: &s 5\nagain: *s\n',
      '{a: 1, b: {c: 2}}\n',
      '- a: 1\n  b:\n    - c\n- 2\n',
      '? complex\n: value\n',
    ]) check(text);
  });
});

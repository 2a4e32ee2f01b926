// YAML text → document with positions, refusing what YAML allows but a plan must not.
import { QUIET_YAML } from './yaml-options.ts';
import { Composer, Lexer, LineCounter, Parser, YAMLParseError, isAlias, isScalar, visit, type Document, type DocumentOptions, type Node, type ParseOptions, type Scalar, type SchemaOptions, type YAMLError } from 'yaml';
import { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Code } from '../diagnostics/codes.ts';
import { linePos, placeOf, textSource, type TextSource } from './source-file.ts';
import { MAX_YAML_DEPTH, tooDeepAt } from './yaml-depth.ts';
import { explainSyntaxError } from './yaml-slips.ts';
import { closest } from '../model/closest.ts';
import { yamlIndex, type YamlIndexNode } from './yaml-index.ts';

/** Resolved alias nodes allowed per file; a plan has no need for deep alias trees. */
export const MAX_ALIAS_COUNT = 50;

export interface YamlSource extends TextSource {
  /** Where each value is written (locate.ts). */
  index: YamlIndexNode;
  /** Plain data of the document; undefined when the document could not be read. */
  data: unknown;
}

export interface ParsedYaml {
  source: YamlSource;
  diagnostics: Diagnostic[];
}

const YAML_CODES: Partial<Record<YAMLError['code'], Code>> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  RESOURCE_EXHAUSTION: 'yaml-alias-limit',
};

export function parseYaml(file: string, text: string): ParsedYaml {
  // Lexed once: the parser reads the tokens the depth check kept, which stops at the first one too deep.
  const lexemes: string[] = [];
  const deep = tooDeepAt(text, MAX_YAML_DEPTH, kept(new Lexer().lex(text), lexemes));
  if (deep !== undefined) {
    // Refused before parsing: the parser itself is what a deeply nested file exhausts.
    const base = textSource(file, text);
    const diagnostic = new Diagnostic('yaml-too-deep', `${file} nests lists or mappings more than ${MAX_YAML_DEPTH} levels deep.`, { file, place: placeOf(base, deep, deep + 1) });
    return { source: { ...base, index: {}, data: undefined }, diagnostics: [diagnostic] };
  }
  const lines = new LineCounter();
  const base: TextSource = { file, text, lineStarts: lines.lineStarts };
  const doc = parseLexed(text, lexemes, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    version: '1.2',
    schema: 'core',
    stringKeys: true,
    ...QUIET_YAML,
  });
  const diagnostics: Diagnostic[] = [];
  // Unresolved tags are reported once, by explicitTags below. After the first syntax error the parser
  // is lost and every later line tends to fail too: report the first one only, where the mistake is.
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')].sort((a, b) => a.pos[0] - b.pos[0]);
  const firstSyntax = problems.find((e) => !YAML_CODES[e.code]);
  for (const error of problems) {
    const code = YAML_CODES[error.code];
    if (code) diagnostics.push(new Diagnostic(code, yamlMessage(error, text), { file, place: placeOf(base, error.pos[0], error.pos[1]) }));
  }
  if (firstSyntax) diagnostics.push(explainSyntaxError(firstSyntax, problems, base));
  else diagnostics.push(...nodeSlips(doc, base));
  diagnostics.push(...explicitTags(doc, base));
  let data: unknown;
  if (diagnostics.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const alias = firstAlias(doc);
      diagnostics.push(
        new Diagnostic('yaml-alias-limit', `Aliases in ${file} expand to more than ${MAX_ALIAS_COUNT} nodes (${(error as Error).message}).`, {
          file,
          place: placeOf(base, alias?.[0] ?? 0, alias?.[1]),
        }),
      );
    }
  }
  return { source: { ...base, index: yamlIndex(doc), data }, diagnostics };
}

function* kept<T>(items: Iterable<T>, into: T[]): Generator<T> {
  for (const item of items) {
    into.push(item);
    yield item;
  }
}

/**
 * What the yaml library's parse of one document does, for a text already lexed: the same parser and composer
 * fed the same tokens, a second document reported as the library reports it (options without prettyErrors).
 */
function parseLexed(text: string, lexemes: readonly string[], options: ParseOptions & DocumentOptions & SchemaOptions & { lineCounter: LineCounter }): Document.Parsed {
  const parser = new Parser(options.lineCounter.addNewLine);
  function* tokens() {
    options.lineCounter.addNewLine(0);
    for (const lexeme of lexemes) yield* parser.next(lexeme);
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens(), true, text.length)) {
    if (!doc) doc = next;
    else if (doc.options.logLevel !== 'silent') {
      doc.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

/**
 * What parses as YAML but is never what an operator meant: a key without a value inside `{ … }` (a
 * comma in unquoted text), numbers in hexadecimal, octal or beyond what a number holds, and an alias
 * whose anchor does not exist.
 */
function nodeSlips(doc: Document.Parsed, source: TextSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Anchors set in the file, by name, for an alias whose anchor is missing: a slip in either name shows at the
  // alias, so the message names the line of the nearest anchor (where the slip may be).
  const anchors = new Map<string, number>();
  visit(doc, {
    Node(_key, node) {
      if (!('anchor' in node) || typeof node.anchor !== 'string' || anchors.has(node.anchor)) return;
      // The node's range starts after its anchor (a mapping's at its first key): find the `&name` itself.
      const before = source.text.lastIndexOf(`&${node.anchor}`, node.range?.[0] ?? 0);
      anchors.set(node.anchor, linePos(source.lineStarts, Math.max(0, before)).line);
    },
  });
  const at = (node: Node | null, hint?: string) => ({ file: source.file, place: placeOf(source, node?.range?.[0] ?? 0, node?.range?.[1]), ...(hint ? { hint } : {}) });
  visit(doc, {
    Map(_key, map) {
      if (!map.flow) return;
      map.items.forEach((pair, i) => {
        if (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null && pair.value.range?.[0] === pair.value.range?.[1])) return;
        const key = isScalar(pair.key) ? String(pair.key.value) : '…';
        const before = map.items[i - 1];
        const previous = before && isScalar(before.value) && typeof before.value.value === 'string' ? before : undefined;
        const joined = previous ? `${String((previous.key as Scalar).value)}: "${String((previous.value as Scalar).value)}, ${key}"` : undefined;
        out.push(
          new Diagnostic('yaml-syntax', previous ? `A comma inside { … } ended the text before "${key}", which became a key without a value.` : `"${key}" inside { … } has no value.`, at(pair.key as Node, previous ? `Quote text that contains a comma: \`${joined}\`.` : `Write it as \`${key}: value\`, or quote the text it belongs to.`)),
        );
      });
    },
    Scalar(_key, node) {
      if (typeof node.value !== 'number') return;
      const written = source.text.slice(node.range?.[0] ?? 0, node.range?.[1] ?? 0).trim();
      if (!Number.isFinite(node.value)) {
        out.push(new Diagnostic('yaml-number', `${written} is not a finite number: a plan's numbers must be ordinary amounts.`, at(node, 'Write an ordinary decimal number (.inf, .nan and numbers beyond ±1.7e308 have no place in a plan); quote it if it is text.')));
      } else if (/^[-+]?0[xo]/i.test(written)) {
        out.push(new Diagnostic('yaml-number', `${written} is read as the number ${node.value}: plans do not write numbers in hexadecimal or octal.`, at(node, `Write ${node.value} in decimal, or quote "${written}" if it is a code rather than a number.`)));
      } else if (/^[-+]?0[0-9]+$/.test(written)) {
        out.push(new Diagnostic('yaml-number', `${written} has a leading zero: ShopPlan reads it as ${node.value}, other YAML tools as an octal number.`, at(node, `Write ${node.value}, or quote "${written}" if it is a code rather than a number.`)));
      }
    },
    Alias(_key, node) {
      if (node.resolve(doc) === undefined) {
        const near = closest(node.source, anchors.keys());
        const nearest = near === undefined ? '' : ` The nearest anchor is &${near}, set at line ${anchors.get(near)}.`;
        out.push(new Diagnostic('yaml-syntax', `*${node.source} refers to an anchor &${node.source} that is not set before it.${nearest}`, at(node, near === undefined ? `If the "*" is part of the text, quote it ("*${node.source}"); otherwise set the anchor (&${node.source}) on an earlier value.` : `Make the two names the same: *${near} here, or &${node.source} at line ${anchors.get(near)}.`)));
      }
    },
  });
  return out;
}

/** The yaml library's messages, reworded where they name library calls or leave out the key. */
function yamlMessage(error: YAMLError, text: string): string {
  if (error.code === 'DUPLICATE_KEY') {
    const key = text.slice(error.pos[0]).split(/:\s|:$|\n/m)[0]?.trim().replace(/^["']|["']$/g, '');
    return `The key "${key}" appears twice in the same mapping.`;
  }
  if (error.code === 'MULTIPLE_DOCS') return 'A plan file holds one YAML document, but this one has a second `---` document.';
  const first = error.message.split('\n')[0] ?? error.message;
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Explicit tags beyond YAML's core ones are refused: `!!binary`, `!!js/function` and custom tags have no place in a plan. */
function explicitTags(doc: Document.Parsed, source: TextSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, (_key, node) => {
    if (!node) return;
    const tag = (node as { tag?: string }).tag;
    const range = (node as { range?: [number, number, number] }).range;
    if (tag && !CORE_TAGS.has(tag) && range && hasExplicitTag(source.text, range[0])) {
      out.push(new Diagnostic('yaml-unknown-tag', `The tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in a plan file.`, { file: source.file, place: placeOf(source, range[0], range[1]) }));
    }
  });
  return out;
}

/** True when the text before a node's start holds a `!tag` token (the node range starts after it). */
function hasExplicitTag(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start);
  return /![^\s]*\s*$/.test(before);
}

function firstAlias(doc: Document.Parsed): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node) && node.range) {
      found = [node.range[0], node.range[1]];
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

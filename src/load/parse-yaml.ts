// YAML text → document with positions, refusing what YAML allows but a plan must not.
import { LineCounter, parseDocument, isAlias, visit, type Document, type YAMLError } from 'yaml';
import { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Code } from '../diagnostics/codes.ts';
import { placeOf, type TextSource } from './source-file.ts';

/** Resolved alias nodes allowed per file; a plan has no need for deep alias trees. */
export const MAX_ALIAS_COUNT = 50;

export interface YamlSource extends TextSource {
  doc: Document.Parsed;
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
  const base: TextSource = { file, text, lines: new LineCounter() };
  const doc = parseDocument(text, {
    lineCounter: base.lines,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    version: '1.2',
    schema: 'core',
    stringKeys: true,
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
  if (firstSyntax) diagnostics.push(syntaxDiagnostic(firstSyntax, problems, base));
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
  return { source: { ...base, doc, data }, diagnostics };
}

/** The first syntax error, moved to where people make that mistake and explained in their terms. */
function syntaxDiagnostic(error: YAMLError, all: readonly YAMLError[], source: TextSource): Diagnostic {
  const { file, text } = source;
  if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
    const open = unclosedQuote(text);
    if (open) return new Diagnostic('yaml-syntax', `This quoted text never ends: add the closing ${open.quote === '"' ? 'double' : 'single'} quote (${open.quote}).`, { file, place: placeOf(source, open.offset) });
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
    // "key: value" followed by a deeper-indented "key:" — the second line is the mistake.
    const spill = all.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === error.pos[0]);
    if (spill) {
      const lineStart = text.lastIndexOf('\n', spill.pos[1] - 1) + 1;
      const start = lineStart + (/^\s*/.exec(text.slice(lineStart))?.[0].length ?? 0);
      return new Diagnostic('yaml-syntax', 'This line is indented deeper than the key above it, so YAML reads it as part of that value. Align it with the keys around it.', { file, place: placeOf(source, start, text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start)) });
    }
  }
  if (error.code === 'BAD_INDENT') return new Diagnostic('yaml-syntax', 'This line is indented differently from the other keys of the same mapping. Align it with them.', { file, place: placeOf(source, error.pos[0], error.pos[1]) });
  if (error.code === 'TAB_AS_INDENT') return new Diagnostic('yaml-syntax', 'This line is indented with a tab; YAML allows only spaces. Replace the tab with spaces.', { file, place: placeOf(source, error.pos[0], error.pos[1]) });
  return new Diagnostic('yaml-syntax', yamlMessage(error, text), { file, place: placeOf(source, error.pos[0], error.pos[1]) });
}

/** Where a quoted scalar opens but never closes: the first line with an odd number of that quote outside comments. */
function unclosedQuote(text: string): { quote: string; offset: number } | undefined {
  let offset = 0;
  for (const line of text.split('\n')) {
    const body = line.replace(/\s#.*$/, '');
    for (const quote of ['"', "'"]) {
      const positions = [...body.matchAll(quote === '"' ? /(?<!\\)"/g : /'/g)].map((m) => m.index ?? 0);
      if (positions.length % 2 === 1) return { quote, offset: offset + positions[positions.length - 1]! };
    }
    offset += line.length + 1;
  }
  return undefined;
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

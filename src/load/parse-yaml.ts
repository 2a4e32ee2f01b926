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
  // Unresolved tags are reported once, by explicitTags below.
  for (const error of [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')]) {
    const code = YAML_CODES[error.code] ?? 'yaml-syntax';
    diagnostics.push(new Diagnostic(code, yamlMessage(error, text), { file, place: placeOf(base, error.pos[0], error.pos[1]) }));
  }
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

/** The yaml library's messages, reworded where they name library calls or leave out the key. */
function yamlMessage(error: YAMLError, text: string): string {
  if (error.code === 'DUPLICATE_KEY') {
    const key = text.slice(error.pos[0], error.pos[1]).split(/[:\n]/)[0]?.trim();
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

// MDX chapter text → syntax tree, front matter and the `:kpi[…]` / `:value[…]` citations it makes.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { parseDocument, LineCounter } from 'yaml';
import type { Root } from 'mdast';
import { Diagnostic, type Place } from '../diagnostics/diagnostic.ts';
import { textSource, type TextSource } from './source-file.ts';

/** Directive names that cite computed numbers in prose. */
export const CITATION_DIRECTIVES = ['kpi', 'value'] as const;
export type CitationKind = (typeof CITATION_DIRECTIVES)[number];

export interface Citation {
  kind: CitationKind;
  /** The id or path inside the brackets, e.g. `gmv` or `targets.gmv-2027.total`. */
  ref: string;
  attributes: Record<string, string>;
  place: Place;
}

export interface ChapterSource extends TextSource {
  slug: string;
  locale: string | undefined;
  frontmatter: unknown;
  frontmatterPlace: Place;
  citations: Citation[];
}

export interface ParsedChapter {
  chapter?: ChapterSource;
  diagnostics: Diagnostic[];
}

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkDirective);

/** `chapters/01-strategy.en.mdx` → slug `01-strategy`, locale `en`; no locale suffix = the plan's default. */
export function chapterName(name: string): { slug: string; locale: string | undefined } {
  const base = name.replace(/^.*\//, '').replace(/\.mdx$/, '');
  const m = /^(.*)\.([a-z]{2}(?:-[A-Z]{2})?)$/.exec(base);
  return m ? { slug: m[1]!, locale: m[2] } : { slug: base, locale: undefined };
}

export function parseMdx(file: string, name: string, text: string): ParsedChapter {
  const source = textSource(file, text);
  let tree: Root;
  try {
    tree = processor.parse(text) as Root;
  } catch (error) {
    const e = error as { reason?: string; message: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
    // Some MDX errors carry their place only in the message text, as "(6:1-6:6)".
    const inMessage = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(e.reason ?? e.message);
    const start =
      e.place && 'start' in e.place && e.place.start
        ? e.place.start
        : e.line
          ? { line: e.line, column: e.column ?? 1 }
          : inMessage
            ? { line: Number(inMessage[1]), column: Number(inMessage[2]) }
            : { line: 1, column: 1 };
    return { diagnostics: [new Diagnostic('mdx-syntax', `${e.reason ?? e.message}`, { file, place: { start } })] };
  }
  const diagnostics: Diagnostic[] = [];
  let frontmatter: unknown;
  let frontmatterPlace: Place = { start: { line: 1, column: 1 } };
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    frontmatterPlace = { start: first.position!.start, end: first.position!.end };
    const lines = new LineCounter();
    const doc = parseDocument(first.value, { uniqueKeys: true, lineCounter: lines, prettyErrors: false });
    const error = doc.errors[0];
    if (error) {
      // Front matter lines count from the line after the opening `---`.
      const at = lines.linePos(error.pos[0]);
      const message = error.code === 'DUPLICATE_KEY' ? `the key "${first.value.slice(error.pos[0]).split(/:\s|:$|\n/m)[0]}" appears twice` : error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      diagnostics.push(new Diagnostic('mdx-frontmatter', `The front matter of ${file} is not valid YAML: ${message}.`, { file, place: { start: { line: first.position!.start.line + at.line, column: at.col } } }));
    } else {
      frontmatter = doc.toJS({ maxAliasCount: 10 });
    }
  } else {
    diagnostics.push(new Diagnostic('mdx-frontmatter', `${file} has no front matter.`, { file, place: frontmatterPlace }));
  }
  // Chapters are prose. MDX code (import/export, {expressions}) would run during the build.
  visit(tree, (node) => {
    const code = node.type === 'mdxjsEsm' ? 'import/export' : node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' ? 'a {…} expression' : undefined;
    const raw = (node as { attributes?: unknown }).attributes;
    const attributes = Array.isArray(raw) ? (raw as Array<{ type: string; value?: unknown }>) : [];
    const inAttribute = attributes.some((a) => a.type === 'mdxJsxExpressionAttribute' || (a.value && typeof a.value === 'object'));
    if ((code || inAttribute) && node.position) {
      diagnostics.push(new Diagnostic('mdx-code', `${file} contains ${code ?? 'a {…} expression in an element attribute'}; chapters may not run code.`, { file, place: { start: node.position.start, end: node.position.end } }));
    }
  });
  const citations: Citation[] = [];
  visit(tree, (node) => {
    if (node.type !== 'textDirective' && node.type !== 'leafDirective') return;
    const directive = node as unknown as { name: string; attributes?: Record<string, string | null | undefined>; children: Array<{ value?: string }>; position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } };
    if (!(CITATION_DIRECTIVES as readonly string[]).includes(directive.name)) return;
    const ref = directive.children.map((c) => c.value ?? '').join('').trim();
    const attributes = Object.fromEntries(Object.entries(directive.attributes ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
    citations.push({ kind: directive.name as CitationKind, ref, attributes, place: { start: directive.position!.start, end: directive.position!.end } });
  });
  const { slug, locale } = chapterName(name);
  return { chapter: { ...source, slug, locale, frontmatter, frontmatterPlace, citations }, diagnostics };
}

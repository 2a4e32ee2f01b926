// MDX chapter text → syntax tree, front matter and the `:kpi[…]` / `:value[…]` citations it makes.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { parse as parseYamlText } from 'yaml';
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
    const start = e.place && 'start' in e.place && e.place.start ? e.place.start : { line: e.line ?? 1, column: e.column ?? 1 };
    return { diagnostics: [new Diagnostic('mdx-syntax', `${e.reason ?? e.message}`, { file, place: { start } })] };
  }
  const diagnostics: Diagnostic[] = [];
  let frontmatter: unknown;
  let frontmatterPlace: Place = { start: { line: 1, column: 1 } };
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    frontmatterPlace = { start: first.position!.start, end: first.position!.end };
    try {
      frontmatter = parseYamlText(first.value, { uniqueKeys: true });
    } catch (error) {
      diagnostics.push(new Diagnostic('mdx-frontmatter', `The front matter of ${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, { file, place: frontmatterPlace }));
    }
  } else {
    diagnostics.push(new Diagnostic('mdx-frontmatter', `${file} has no front matter.`, { file, place: frontmatterPlace }));
  }
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

// MDX chapter text → syntax tree, front matter, the `:kpi[…]` / `:value[…]` citations it makes and the
// `::chart{…}` / `::table{…}` figures it places.
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { Diagnostic, type Place } from '../diagnostics/diagnostic.ts';
import { placeOf, textSource, type TextSource } from './source-file.ts';
import { parseYaml } from './parse-yaml.ts';
import { CHAPTER_LIMITS, ChapterBudget, type ChapterLimit } from './mdx-limits.ts';
import { chapterUrls, type ChapterUrl } from './chapter-urls.ts';
import { memoParse } from './parse-memo.ts';
import { parseChapterTree } from './mdx-parser.ts';
import { FIGURE_DIRECTIVES, isFigureKind, type FigureKind } from '../model/chapter-figures.ts';

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

/** A `::chart{series=…}` or `::table{of=…}` directive, as written. */
export interface FigureDirective {
  kind: FigureKind;
  attributes: Record<string, string>;
  /** A line of its own at the top level of the chapter (`::name{…}`), not in a sentence, list, quote or table. */
  standalone: boolean;
  place: Place;
}

export interface ChapterSource extends TextSource {
  slug: string;
  locale: string | undefined;
  frontmatter: unknown;
  frontmatterPlace: Place;
  citations: Citation[];
  figures: FigureDirective[];
  /** Links, reference definitions and images, for the URL allow-list. */
  urls: ChapterUrl[];
}

export interface ParsedChapter {
  chapter?: ChapterSource;
  diagnostics: Diagnostic[];
}


/** `chapters/01-strategy.en.mdx` → slug `01-strategy`, locale `en`; no locale suffix = the plan's default. */
export function chapterName(name: string): { slug: string; locale: string | undefined } {
  const base = name.replace(/^.*\//, '').replace(/\.mdx$/, '');
  const m = /^(.*)\.([a-z]{2}(?:-[A-Z]{2})?)$/.exec(base);
  return m ? { slug: m[1]!, locale: m[2] } : { slug: base, locale: undefined };
}

const LIMIT_MESSAGES: Record<ChapterLimit, string> = {
  bytes: `The chapters of this plan hold more than ${CHAPTER_LIMITS.bytes / 1024} KiB of text together; this one goes past that.`,
  lines: `The chapters of this plan have more than ${CHAPTER_LIMITS.lines} lines together; this line goes past that.`,
  marks: `The chapters of this plan use more than ${CHAPTER_LIMITS.marks} Markdown marks (* _ [ ] ( ) < > \` and the like) together; this line goes past that.`,
  depth: `This line nests lists and quotes (or indentation) more than ${CHAPTER_LIMITS.depth} levels deep.`,
  nesting: `The chapters of this plan nest lists and quotes too much in total (more than ${CHAPTER_LIMITS.nesting} levels summed over their lines).`,
  blockQuotes: `The chapters of this plan have more than ${CHAPTER_LIMITS.blockQuotes} separate block quotes (">") together.`,
  tableRows: `The chapters of this plan have more than ${CHAPTER_LIMITS.tableRows} table rows together.`,
  tableColumns: `This table row has more than ${CHAPTER_LIMITS.tableColumns} cells.`,
  emphasis: `This paragraph has more than ${CHAPTER_LIMITS.emphasis} emphasis marks (*, _ or ~).`,
  brackets: `This paragraph has more than ${CHAPTER_LIMITS.brackets} square brackets.`,
};

/**
 * `budget` is shared by the chapters of one plan: the bounds on chapter text hold for all of them
 * together (see mdx-limits.ts).
 */
export function parseMdx(file: string, name: string, text: string, budget: ChapterBudget = new ChapterBudget()): ParsedChapter {
  const over = budget.take(text);
  if (over) {
    return { diagnostics: [new Diagnostic('mdx-too-complex', LIMIT_MESSAGES[over.limit], { file, place: placeOf(textSource(file, text), over.start, over.end) })] };
  }
  // The budget counts across the plan's chapters, so it is charged on every load; the parse is the same for the same text.
  return memoParse('mdx', `${file}\0${name}`, text, () => parseChapter(file, name, text));
}

function parseChapter(file: string, name: string, text: string): ParsedChapter {
  const source = textSource(file, text);
  let tree: Root;
  try {
    tree = parseChapterTree(text);
  } catch (error) {
    return { diagnostics: [syntaxDiagnostic(file, error, source)] };
  }
  const diagnostics: Diagnostic[] = [];
  let frontmatter: unknown;
  let frontmatterPlace: Place = { start: { line: 1, column: 1 } };
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    frontmatterPlace = { start: first.position!.start, end: first.position!.end };
    // Parsed as a plan YAML file (same slips, limits and hints), padded so its lines are the chapter's lines.
    const yaml = parseYaml(file, '\n'.repeat(first.position!.start.line) + first.value);
    if (yaml.diagnostics.length) {
      for (const d of yaml.diagnostics) {
        diagnostics.push(new Diagnostic('mdx-frontmatter', `The front matter of ${file} is not valid YAML: ${d.reason}`, { file, place: d.place as Place, hint: d.hint }));
      }
    } else {
      frontmatter = yaml.source.data;
    }
  } else if (/^---[ \t]*\r?\n/.test(text)) {
    // Opened but never closed: the closing `---` belongs after the last line that reads as front matter.
    const lines = text.split('\n');
    let last = 1;
    while (last < lines.length && /^(\s*[\w-]+\s*:|\s+\S|\s*-\s|\s*#)/.test(lines[last]!)) last++;
    diagnostics.push(
      new Diagnostic('mdx-frontmatter', `The front matter opened with --- on line 1 never ends.`, {
        file,
        place: { start: { line: last, column: 1 } },
        hint: 'Add a line with only --- after the last front matter line (title, order …), before the chapter text.',
      }),
    );
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
      // `::table{of=…}` inside a sentence is no directive, so MDX reads its braces as code.
      const written = node.type === 'mdxTextExpression' ? /:{1,2}(chart|table)$/.exec(text.slice(0, node.position.start.offset)) : null;
      if (written) {
        diagnostics.push(misplacedFigure(file, written[1] as FigureKind, placeOf(source, node.position.start.offset! - written[0].length, node.position.end.offset!)));
        return;
      }
      diagnostics.push(new Diagnostic('mdx-code', `${file} contains ${code ?? 'a {…} expression in an element attribute'}; chapters may not run code.`, { file, place: { start: node.position.start, end: node.position.end } }));
    }
  });
  const citations: Citation[] = [];
  const figures: FigureDirective[] = [];
  visit(tree, (node, _index, parent) => {
    if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
    const directive = node as unknown as { name: string; attributes?: Record<string, string | null | undefined>; children: Array<{ value?: string }>; position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } };
    const attributes = Object.fromEntries(Object.entries(directive.attributes ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const place = { start: directive.position!.start, end: directive.position!.end };
    if (isFigureDirective(node)) {
      figures.push({ kind: directive.name as FigureKind, attributes, standalone: node.type === 'leafDirective' && parent?.type === 'root', place });
      return;
    }
    if (node.type === 'containerDirective' || !(CITATION_DIRECTIVES as readonly string[]).includes(directive.name)) return;
    const ref = directive.children.map((c) => c.value ?? '').join('').trim();
    citations.push({ kind: directive.name as CitationKind, ref, attributes, place });
  });
  const { slug, locale } = chapterName(name);
  return { chapter: { ...source, slug, locale, frontmatter, frontmatterPlace, citations, figures, urls: chapterUrls(tree) }, diagnostics };
}

/**
 * A chart or table directive: `::chart{…}` / `::table{…}` (also misplaced in a list or quote, or as a
 * `:::` container), or `:chart{…}` inside a sentence. Without attributes, `:table` in a sentence is prose
 * ("Excel:table").
 */
export function isFigureDirective(node: { type: string; name?: string; attributes?: unknown }): boolean {
  if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return false;
  if (!isFigureKind(node.name ?? '')) return false;
  return node.type !== 'textDirective' || Object.keys(node.attributes ?? {}).length > 0;
}

/** A chart or table directive that does not stand on a line of its own (validation and parsing both find them). */
export function misplacedFigure(file: string, kind: FigureKind, place: Place): Diagnostic {
  const { attribute, names } = FIGURE_DIRECTIVES[kind];
  return new Diagnostic('mdx-unknown-figure', `::${kind}{…} must stand on a line of its own, outside sentences, lists, quotes and tables.`, {
    file,
    place,
    hint: `Write it with two colons on its own line, with a blank line before and after, e.g. ::${kind}{${attribute}=${Object.keys(names)[0]}}.`,
  });
}

/** An MDX parse error, located, with a hint for the slip behind it (most often a `<` or `{` in prose). */
function syntaxDiagnostic(file: string, error: unknown, source: TextSource): Diagnostic {
  const e = error as { reason?: string; message: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
  const reason = e.reason ?? e.message;
  // MDX reports an unclosed `{` where the file ends; the slip is the brace, so point there.
  const open = /end of file in expression/i.test(reason) ? unclosedBrace(source.text) : undefined;
  if (open !== undefined) return new Diagnostic('mdx-syntax', reason.split('\n')[0]!, { file, place: placeOf(source, open, open + 1), hint: mdxHint(reason) });
  // Some MDX errors carry their place only in the message text, as "(6:1-6:6)".
  const inMessage = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(reason);
  const start =
    e.place && 'start' in e.place && e.place.start
      ? e.place.start
      : e.line
        ? { line: e.line, column: e.column ?? 1 }
        : inMessage
          ? { line: Number(inMessage[1]), column: Number(inMessage[2]) }
          : { line: 1, column: 1 };
  return new Diagnostic('mdx-syntax', reason.split('\n')[0]!, { file, place: { start }, hint: mdxHint(reason) });
}

/**
 * The offset of the first `{` that no `}` closes, as MDX pairs them: escaped braces (`\{`) and braces inside
 * code spans or fenced code are not code. Undefined when every brace is closed.
 */
export function unclosedBrace(text: string): number | undefined {
  const open: number[] = [];
  let fence: string | undefined;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (lineStart) {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(i, i + 40))?.[1];
      if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    }
    lineStart = c === '\n';
    if (fence !== undefined) continue;
    if (c === '\\') i++;
    else if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      if (close !== -1 && !text.slice(i, close).includes('\n\n')) i = close + run.length - 1;
    } else if (c === '{') open.push(i);
    else if (c === '}') open.pop();
  }
  return open[0];
}

function mdxHint(reason: string): string {
  if (/to create a comment in MDX/.test(reason)) return 'Chapters have no HTML comments (<!-- … -->): delete the comment, or keep the note in a YAML file as a # comment.';
  if (/to create a link in MDX/.test(reason)) return 'Write links as [text](https://…), not <https://…>.';
  if (/Maximum call stack/.test(reason)) return 'Simplify the marked part: it nests too deeply.';
  if (/brace|expression/i.test(reason)) return 'In chapters "{" and "}" start code: write a literal brace as \\{ and \\}.';
  if (/closing tag|tag|attribute|name/i.test(reason)) {
    return 'In MDX "<" starts an HTML tag: for a less-than sign in prose write \\< or &lt; (e.g. 毛利率 \\< 30%); chapters hold no HTML such as <br> — start a new paragraph with a blank line instead.';
  }
  return 'Fix the syntax at the marked place; in chapters, "{", "}" and "<" must be escaped in prose (\\{, \\}, \\<).';
}

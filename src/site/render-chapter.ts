// Chapter text → HTML, with `:kpi[…]` and `:value[…]` replaced by the computed, locale-formatted number, cut
// into parts where `::chart{…}` / `::table{…}` place a figure (the page draws those with the kit components).
// Chapters are prose (validation refuses MDX code), so they are rendered as Markdown; raw HTML is dropped.
// Validation refuses links and images outside the URL allow-list; rendering drops them too, so a plan that
// skipped validation still cannot put a `javascript:` link or another site's image on a page.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { visit, SKIP } from 'unist-util-visit';
import type { Root, Parent, PhrasingContent, Nodes } from 'mdast';
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import type { PlanResult } from '../model/result/plan-result.ts';
import { CITATION_DIRECTIVES, isFigureDirective, type CitationKind } from '../load/parse-mdx.ts';
import { figureRef, type FigureKind, type FigureRef } from '../model/chapter-figures.ts';
import { placeFigure, type PlacedFigure } from './figures/registry.ts';
import type { FigureData } from './figures/figure-data.ts';
import { resolveCitation } from './cite.ts';
import { formatValue } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';
import { checkUrl, URL_ATTRIBUTES, type UrlUse } from '../model/url-policy.ts';
import { definitionsOf } from '../load/chapter-urls.ts';

/** The element that stands where a figure goes; Markdown and MDX cannot write one (MDX elements become <div>). */
const FIGURE_MARK = 'shopplan-figure';

/** A figure placed by the chapter, with the title it gives (`::chart[title]{…}`). */
interface Placement {
  ref: FigureRef;
  title: string;
}

function citations(result: PlanResult, locale: Locale, placements: Placement[]) {
  return () => (tree: Root) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type === 'yaml' && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if ((node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') || !parent || index === undefined) return undefined;
      const directive = node as unknown as { name: string; children: Array<{ value?: string }>; attributes?: Record<string, string> };
      const label = directive.children.map((c) => c.value ?? '').join('');
      if (isFigureDirective(node)) {
        // Only a figure validation accepts (a line of its own, a known name) is placed; any other goes.
        const ref = node.type === 'leafDirective' && parent.type === 'root' ? figureRef(directive.name as FigureKind, directive.attributes ?? {}) : undefined;
        if (!ref) {
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        placements.push({ ref, title: label.trim() });
        parent.children.splice(index, 1, { type: 'paragraph', children: [], data: { hName: FIGURE_MARK } });
        return [SKIP, index + 1];
      }
      if (node.type === 'containerDirective') return undefined;
      let replacement: PhrasingContent;
      if ((CITATION_DIRECTIVES as readonly string[]).includes(directive.name)) {
        const cited = resolveCitation(result, directive.name as CitationKind, label.trim());
        const text = cited ? formatValue(cited.value, cited.unit, locale, { currency: result.meta.currency }) : '—';
        replacement = {
          type: 'emphasis',
          children: [{ type: 'text', value: text }],
          data: { hName: 'data', hProperties: { value: String(cited?.value ?? ''), className: ['cite'], dataCite: `${directive.name}:${label.trim()}` } },
        };
      } else {
        // Not a citation: "a:b" in prose parses as a directive; give the text back.
        replacement = { type: 'text', value: `:${directive.name}${label ? `[${label}]` : ''}` };
      }
      parent.children.splice(index, 1, node.type === 'leafDirective' ? ({ type: 'paragraph', children: [replacement] } as never) : replacement);
      return [SKIP, index + 1];
    });
  };
}

/** Links outside the allow-list become their text, such images their alt text, such definitions go. */
function dropUnsafeUrls() {
  return (tree: Root) => {
    const definitions = definitionsOf(tree);
    const allowed = (url: string | undefined, use: UrlUse) => url !== undefined && checkUrl(url, use).ok;
    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return undefined;
      let keep: boolean;
      if (node.type === 'link') keep = allowed(node.url, 'link');
      else if (node.type === 'linkReference') keep = allowed(definitions.get(node.identifier)?.url, 'link');
      else if (node.type === 'image') keep = allowed(node.url, 'image');
      else if (node.type === 'imageReference') keep = allowed(definitions.get(node.identifier)?.url, 'image');
      else if (node.type === 'definition') keep = allowed(node.url, 'link');
      else return undefined;
      if (keep) return undefined;
      const replacement: Nodes[] = node.type === 'link' || node.type === 'linkReference' ? node.children : node.type === 'definition' ? [] : [{ type: 'text', value: node.alt ?? '' }];
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index];
    });
  };
}

/** The last net, on the HTML itself: any address attribute outside the allow-list is removed. */
function dropUnsafeAttributes() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element) => {
      for (const [name, value] of Object.entries(element.properties)) {
        const use = URL_ATTRIBUTES[name.toLowerCase()];
        if (!use || value === undefined || value === null) continue;
        const urls = Array.isArray(value) ? value.map(String) : [String(value)];
        if (urls.some((url) => !checkUrl(url, use).ok)) delete element.properties[name];
      }
    });
  };
}

/** A run of chapter HTML, or a figure the chapter places between two runs. */
export type ChapterPart = { html: string } | PlacedFigure;

export function renderChapter(text: string, data: FigureData, locale: Locale): ChapterPart[] {
  const placements: Placement[] = [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkDirective)
    .use(citations(data.result, locale, placements))
    .use(dropUnsafeUrls)
    .use(remarkRehype)
    .use(dropUnsafeAttributes);
  const hast = processor.runSync(processor.parse(text)) as HastRoot;
  // Marks stand only at the top level, so cutting there leaves every run of HTML whole.
  const parts: ChapterPart[] = [];
  let run: HastContent[] = [];
  const flush = () => {
    const html = String(unified().use(rehypeStringify).stringify({ type: 'root', children: run })).trim();
    if (html) parts.push({ html });
    run = [];
  };
  for (const node of hast.children) {
    if (node.type !== 'element' || node.tagName !== FIGURE_MARK) {
      run.push(node);
      continue;
    }
    flush();
    const { ref, title } = placements.shift()!;
    parts.push(placeFigure(ref, data, locale, title || undefined));
  }
  flush();
  return parts;
}

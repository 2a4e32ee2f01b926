// Chapter text → HTML, with `:kpi[…]` and `:value[…]` replaced by the computed, locale-formatted number.
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
import type { Root as HastRoot } from 'hast';
import type { PlanResult } from '../model/result/plan-result.ts';
import { CITATION_DIRECTIVES, type CitationKind } from '../load/parse-mdx.ts';
import { resolveCitation } from './cite.ts';
import { formatValue } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';
import { checkUrl, URL_ATTRIBUTES, type UrlUse } from '../model/url-policy.ts';
import { definitionsOf } from '../load/chapter-urls.ts';

function citations(result: PlanResult, locale: Locale) {
  return () => (tree: Root) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type === 'yaml' && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if ((node.type !== 'textDirective' && node.type !== 'leafDirective') || !parent || index === undefined) return undefined;
      const directive = node as unknown as { name: string; children: Array<{ value?: string }>; attributes?: Record<string, string> };
      const label = directive.children.map((c) => c.value ?? '').join('');
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

export function renderChapter(text: string, result: PlanResult, locale: Locale): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkDirective)
    .use(citations(result, locale))
    .use(dropUnsafeUrls)
    .use(remarkRehype)
    .use(dropUnsafeAttributes)
    .use(rehypeStringify);
  return String(processor.processSync(text));
}

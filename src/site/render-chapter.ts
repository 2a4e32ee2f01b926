// Chapter text → HTML, with `:kpi[…]` and `:value[…]` replaced by the computed, locale-formatted number.
// Chapters are prose (validation refuses MDX code), so they are rendered as Markdown; raw HTML is dropped.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { visit, SKIP } from 'unist-util-visit';
import type { Root, Parent, PhrasingContent } from 'mdast';
import type { PlanResult } from '../model/result/plan-result.ts';
import { CITATION_DIRECTIVES, type CitationKind } from '../load/parse-mdx.ts';
import { resolveCitation } from './cite.ts';
import { formatValue } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';

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

export function renderChapter(text: string, result: PlanResult, locale: Locale): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkDirective)
    .use(citations(result, locale))
    .use(remarkRehype)
    .use(rehypeStringify);
  return String(processor.processSync(text));
}

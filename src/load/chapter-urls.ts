// Every address a chapter would put on its page: links (inline, reference-style, autolinks), reference
// definitions, images and address attributes of HTML elements (`<a href>`, `<img src>`), each with where
// it is written and how the page uses it.
import type { Root, Definition } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Place } from '../diagnostics/diagnostic.ts';
import { URL_ATTRIBUTES, type UrlUse } from '../model/url-policy.ts';

export interface ChapterUrl {
  /** As the Markdown parser read it: entities and backslash escapes already decoded. */
  url: string;
  use: UrlUse;
  /** `definition`: a `[label]: url` line; `image`: `![alt](url)` or `![alt][label]`; `element`: an HTML attribute. */
  kind: 'link' | 'definition' | 'image' | 'element';
  place: Place;
}

/** `[label]: url` definitions by identifier (the parser's normalised label), the first one winning as in CommonMark. */
export function definitionsOf(tree: Root): Map<string, Definition> {
  const out = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    if (!out.has(node.identifier)) out.set(node.identifier, node);
  });
  return out;
}

export function chapterUrls(tree: Root): ChapterUrl[] {
  const definitions = definitionsOf(tree);
  const out: ChapterUrl[] = [];
  visit(tree, (node) => {
    if (!node.position) return;
    const place: Place = { start: node.position.start, end: node.position.end };
    if (node.type === 'link') out.push({ url: node.url, use: 'link', kind: 'link', place });
    else if (node.type === 'definition') out.push({ url: node.url, use: 'link', kind: 'definition', place });
    else if (node.type === 'image') out.push({ url: node.url, use: 'image', kind: 'image', place });
    else if (node.type === 'imageReference') {
      // The definition is checked as a link where it is written; as an image, where the image uses it.
      const definition = definitions.get(node.identifier);
      if (definition) out.push({ url: definition.url, use: 'image', kind: 'image', place });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      // Rendering drops HTML elements' attributes; the writer still learns the address is refused.
      for (const attribute of node.attributes) {
        const use = attribute.type === 'mdxJsxAttribute' ? URL_ATTRIBUTES[attribute.name.toLowerCase()] : undefined;
        if (use && typeof attribute.value === 'string') out.push({ url: attribute.value, use, kind: 'element', place });
      }
    }
  });
  return out;
}

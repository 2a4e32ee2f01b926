// The chapter parser: remark with MDX, GFM tables, front matter and `::directives`. Loaded on the first chapter
// parsed, not with the module graph: a run whose chapters all come from the parse cache (pipeline/parse-cache.ts)
// never loads its ~150 modules (about 0.1 s of a `shopplan validate`). require() of these ES modules is synchronous,
// so loading stays synchronous like the rest of the load stage.
import { createRequire } from 'node:module';
import type { Root } from 'mdast';

let parse: ((text: string) => Root) | undefined;

/** The Markdown syntax tree of a chapter; throws the parser's error (a VFileMessage with a place) on bad MDX. */
export function parseChapterTree(text: string): Root {
  parse ??= load();
  return parse(text);
}

function load(): (text: string) => Root {
  const require = createRequire(import.meta.url);
  const { unified } = require('unified') as typeof import('unified');
  const plugin = <T>(name: string) => (require(name) as { default: T }).default;
  const processor = unified()
    .use(plugin<typeof import('remark-parse').default>('remark-parse'))
    .use(plugin<typeof import('remark-mdx').default>('remark-mdx'))
    .use(plugin<typeof import('remark-gfm').default>('remark-gfm'))
    .use(plugin<typeof import('remark-frontmatter').default>('remark-frontmatter'), ['yaml'])
    .use(plugin<typeof import('remark-directive').default>('remark-directive'));
  return (text) => processor.parse(text) as Root;
}

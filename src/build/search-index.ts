// Full-text search with pagefind, indexed from the built pages (Chinese and English each get their index,
// by the pages' `lang`). The index and its UI are written into the site: no request leaves the origin.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ShopPlanError } from '../diagnostics/errors.ts';

export async function indexSite(siteDir: string): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new ShopPlanError('search-index-failed', `pagefind: ${errors.join('; ')}`);
    let pages = 0;
    for (const file of htmlFiles(siteDir)) {
      const sourcePath = relative(siteDir, file).split(sep).join('/');
      const added = await index.addHTMLFile({ sourcePath, content: spacedBlocks(readFileSync(file, 'utf8')) });
      if (added.errors.length) throw new ShopPlanError('search-index-failed', `pagefind: ${added.errors.join('; ')}`);
      if (added.file) pages++;
    }
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) throw new ShopPlanError('search-index-failed', `pagefind: ${written.errors.join('; ')}`);
    return { pages };
  } finally {
    await pagefind.close();
  }
}

const BLOCK = /<\/?(?:address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b/g;

/**
 * The page with a space before each block element's tags. The built HTML has no whitespace between tags, and
 * pagefind joins the text of neighbouring cells and headings into one word ("OptimisticChangeNoteTmall"),
 * which then neither matches a search nor reads in a snippet.
 */
export function spacedBlocks(html: string): string {
  return html.replace(BLOCK, ' $&');
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(path);
    return e.name.endsWith('.html') ? [path] : [];
  });
}

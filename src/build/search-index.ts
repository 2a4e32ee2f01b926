// Full-text search with pagefind, indexed from the built pages (Chinese and English each get their index,
// by the pages' `lang`). The index and its UI are written into the site: no request leaves the origin.
import { join } from 'node:path';
import { ShopPlanError } from '../diagnostics/errors.ts';

export async function indexSite(siteDir: string): Promise<{ pages: number }> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new ShopPlanError('search-index-failed', `pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new ShopPlanError('search-index-failed', `pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) throw new ShopPlanError('search-index-failed', `pagefind: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

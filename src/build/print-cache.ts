// PDFs cached by content hash: the key covers everything a print reads — the built site's pages, styles,
// fonts, scripts and images — and what prints it (ShopPlan's printing code and version, playwright-core,
// the Chromium binary), the locales, base path and date. An unchanged plan reprints nothing: the PDFs are
// copied from `<cache>/sites/<key>/` (cacheRoot()).
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashBinary, hashFiles, listFiles } from './hash-files.ts';
import type { BuildCache } from '../versions/cache.ts';
import type { PrintedPdf, PrintOptions } from '../pdf/print-site.ts';

/** Top-level entries of a built site that no print reads. */
const NOT_PRINTED = new Set(['pdf', 'v', 'pagefind', 'plan.json']);
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The code that prints: its change reprints every plan. */
// src/ in a checkout, lib/ when installed (compiled): whichever exists is hashed.
export const PRINT_CODE = ['src/pdf', 'src/browser', 'lib/pdf', 'lib/browser', 'package.json', 'node_modules/playwright-core/package.json'];

/** The cache key of the PDFs of a built site. */
export async function printKey(options: Pick<PrintOptions, 'siteDir' | 'locales' | 'base' | 'date' | 'chromium'>): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ locales: options.locales, base: options.base ?? '/', date: options.date?.date.toISOString() ?? null, day: options.date?.day ?? null }));
  await hashBinary(hash, options.chromium);
  await hashFiles(hash, PROJECT_ROOT, PRINT_CODE.map((p) => join(PROJECT_ROOT, p)));
  await hashFiles(hash, options.siteDir, await listFiles(options.siteDir, NOT_PRINTED));
  return hash.digest('hex');
}

const LIST = 'printed.json';

/**
 * Prints the PDFs of a built site into `options.outDir`, or copies them from the cache when the same
 * input was printed before. Without a cache it just prints.
 */
export async function printWithCache(options: PrintOptions, cache: BuildCache | null, print: (o: PrintOptions) => Promise<PrintedPdf[]>): Promise<{ printed: PrintedPdf[]; cached: boolean; key: string | null }> {
  if (!cache) return { printed: await print(options), cached: false, key: null };
  const key = await printKey(options);
  const hit = await cache.site(key);
  if (hit) {
    const list = JSON.parse(await readFile(join(hit, LIST), 'utf8')) as Array<Omit<PrintedPdf, 'file'> & { name: string }>;
    await mkdir(options.outDir, { recursive: true });
    const printed: PrintedPdf[] = [];
    for (const { name, ...f } of list) {
      await copyFile(join(hit, name), join(options.outDir, name));
      printed.push({ ...f, file: join(options.outDir, name) });
    }
    options.log?.('PDFs: reused from the cache (the printed pages did not change).');
    return { printed, cached: true, key };
  }
  const printed = await print(options);
  const slot = await cache.siteSlot(key);
  for (const f of printed) await copyFile(f.file, join(slot, basename(f.file)));
  await writeFile(join(slot, LIST), JSON.stringify(printed.map(({ file, ...f }) => ({ ...f, name: basename(file) }))));
  await cache.commitSite(key, slot);
  return { printed, cached: false, key };
}

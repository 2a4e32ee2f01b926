// `shopplan pdf` on a site that is already built: print into the run's temp folder, then swap it into
// place of `<site>/pdf/`, so a failed print never leaves half the PDFs (or none) where the old ones were.
import { readFile, rm } from 'node:fs/promises';
import { replaceFolder, tempFolder } from '../pipeline/run-temp.ts';
import { join } from 'node:path';
import { siteLocales } from '../i18n/locale.ts';
import { printSitePdfs, type PrintedPdf, type PrintOptions } from './print-site.ts';
import { planDate } from './plan-date.ts';

/** `print` defaults to printing every time; the CLI passes one that uses the build cache. */
export async function printBuiltSite(siteDir: string, planDir: string, chromium: string, log: (m: string) => void, print: (options: PrintOptions) => Promise<PrintedPdf[]> = printSitePdfs): Promise<PrintedPdf[]> {
  const plan = JSON.parse(await readFile(join(siteDir, 'plan.json'), 'utf8')) as { meta?: { locales?: string[] } };
  const locales = siteLocales(plan.meta?.locales ?? []);
  // The URL path the site was built for (`build --base`), from the favicon link every page has.
  const home = await readFile(join(siteDir, 'index.html'), 'utf8').catch(() => '');
  const base = /<link rel="icon" href="([^"]*?)favicon\.svg"/.exec(home)?.[1] ?? '/';
  const target = join(siteDir, 'pdf');
  const staging = await tempFolder('pdf');
  try {
    const printed = await print({ siteDir, outDir: staging, locales, chromium, date: planDate(planDir), base, log });
    await replaceFolder(staging, target);
    return printed.map((p) => ({ ...p, file: join(target, p.file.slice(staging.length + 1)) }));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

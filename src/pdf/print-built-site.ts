// `shopplan pdf` on a site that is already built: print into a hidden folder next to `<site>/pdf/`, then
// swap it into place, so a failed print never leaves half the PDFs (or none) where the old ones were.
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { siteLocales } from '../i18n/locale.ts';
import { printSitePdfs, type PrintedPdf } from './print-site.ts';
import { planDate } from './plan-date.ts';

export async function printBuiltSite(siteDir: string, planDir: string, chromium: string, log: (m: string) => void): Promise<PrintedPdf[]> {
  const plan = JSON.parse(await readFile(join(siteDir, 'plan.json'), 'utf8')) as { meta?: { locales?: string[] } };
  const locales = siteLocales(plan.meta?.locales ?? []);
  // The URL path the site was built for (`build --base`), from the favicon link every page has.
  const home = await readFile(join(siteDir, 'index.html'), 'utf8').catch(() => '');
  const base = /<link rel="icon" href="([^"]*?)favicon\.svg"/.exec(home)?.[1] ?? '/';
  const target = join(siteDir, 'pdf');
  const staging = join(siteDir, `.pdf.tmp-${process.pid}`);
  const previous = join(siteDir, `.pdf.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    const printed = await printSitePdfs({ siteDir, outDir: staging, locales, chromium, date: planDate(planDir), base, log });
    const exists = await stat(target).then(() => true, () => false);
    if (exists) await rename(target, previous);
    await rename(staging, target);
    await rm(previous, { recursive: true, force: true });
    return printed.map((p) => ({ ...p, file: join(target, p.file.slice(staging.length + 1)) }));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

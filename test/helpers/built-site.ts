// The pages of a built site, for tests that visit or read every one of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every page of a built site, as URL paths (`/`, `/en/targets/`…), sorted. */
export function pagesOf(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(p);
      } else if (name === 'index.html') found.push(`/${relative(dir, d)}/`.replace(/\/+/g, '/'));
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * Links between a built site's pages that land nowhere: the page does not exist, or it has no element with the
 * link's fragment as its id. Read from the HTML (hrefs that start with `/`); files that are not pages (PDFs,
 * assets) are left to the request checks of the Chromium tests.
 */
export function brokenLinks(dir: string): string[] {
  const pages = pagesOf(dir);
  const html = new Map(pages.map((p) => [p, readFileSync(join(dir, p, 'index.html'), 'utf8')]));
  const ids = new Map<string, Set<string>>();
  const idsOf = (page: string) => {
    let set = ids.get(page);
    if (!set) ids.set(page, (set = new Set([...html.get(page)!.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)))));
    return set;
  };
  const broken: string[] = [];
  for (const [page, text] of html) {
    for (const [, raw] of text.matchAll(/\shref="(\/[^"]*)"/g)) {
      const link = decodeEntities(raw!);
      const [path, fragment] = link.split('#', 2) as [string, string | undefined];
      const target = path === '' ? page : path;
      if (!target.endsWith('/') && /\.[a-z0-9]+$/i.test(target)) continue;
      if (!html.has(target)) broken.push(`${page} → ${link}: no such page`);
      else if (fragment && !idsOf(target).has(decodeURIComponent(fragment))) broken.push(`${page} → ${link}: no element with that id`);
    }
  }
  return [...new Set(broken)];
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|quot|#39|lt|gt);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[e]!);
}

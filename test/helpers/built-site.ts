// The pages of a built site, for tests that visit or read every one of them.
import { readdirSync, statSync } from 'node:fs';
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

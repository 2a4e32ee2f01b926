// What `shopplan dev` serves: the site's pages and what those pages load — the site's own client code and
// styles, the fonts, Vite's client and pre-bundled dependencies, the public folder — and nothing else.
// Vite would otherwise serve any file under the project root (package.json, ShopPlan's sources, the plan
// folder, raw order exports) and under `/@fs/` anything it is allowed to read; every other request gets
// 404 before Vite sees it, whatever plan runs.
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { DEFAULT_LOCALE, LOCALES, localePrefix } from '../../i18n/locale.ts';

export interface GateOptions {
  /** ShopPlan's own folder (Astro's root), with a trailing separator. */
  projectRoot: string;
  /** The site's pages folder (`src/site/pages/[...locale]/`). */
  pagesDir: string;
  /** The public folder: its top-level files are served at `/<name>`. */
  publicDir: string;
}

/** Packages whose files the pages load in the browser (fonts, Vite's and Astro's client code). */
const CLIENT_PACKAGES = ['.vite/deps/', '@fontsource/', 'vite/dist/client/', 'astro/dist/runtime/client/'];
/**
 * Folders of the site's client code, in a checkout (src/, TypeScript) and in the installed package (lib/, compiled);
 * `.astro` files there only as the style or script part Vite extracts.
 */
const SITE_CLIENT = /^(?:src|lib)\/site\/(?:components|layouts|pages|scripts|styles)\//;
/** Modules outside them that the client code imports: the number style the charts share with the tables. */
const SHARED_CLIENT = new Set(['src/i18n/number-format.ts', 'lib/i18n/number-format.js']);

/** A predicate over request URLs (path and query): true when `shopplan dev` may serve it. */
export function devRequestGate(options: GateOptions): (url: string) => boolean {
  const pages = readdirSync(options.pagesDir)
    .filter((n) => n.endsWith('.astro') && n !== 'index.astro')
    .map((n) => n.slice(0, -'.astro'.length));
  const locales = LOCALES.filter((l) => l !== DEFAULT_LOCALE).map(localePrefix);
  const route = new RegExp(`^/(?:(?:${locales.join('|')})(?:/|$))?(?:(?:${pages.join('|')}|chapters/[a-z0-9][a-z0-9._-]*)/?)?$`);
  const publicFiles = new Set(readdirSync(options.publicDir).map((n) => `/${n}`));
  const root = options.projectRoot.split(sep).join('/');
  return (url) => {
    let path: string;
    let query: string;
    try {
      const parsed = new URL(url, 'http://dev.invalid');
      path = decodeURIComponent(parsed.pathname);
      query = parsed.search;
    } catch {
      return false;
    }
    if (path.split('/').includes('..') || path.includes('\0') || path.includes('\\')) return false;
    if (route.test(path) || publicFiles.has(path)) return true;
    if (path === '/@vite/client' || path === '/@vite/env') return true;
    // A file by its path in the project, or by its absolute path (`/@fs/…`) when it lies outside the root.
    let file = path.startsWith('/@fs/') ? path.slice('/@fs'.length) : path;
    if (file.startsWith(root)) file = `/${file.slice(root.length)}`;
    const modules = file.lastIndexOf('/node_modules/');
    if (modules >= 0) {
      const inside = file.slice(modules + '/node_modules/'.length);
      return CLIENT_PACKAGES.some((p) => inside.startsWith(p));
    }
    const relative = file.slice(1);
    if (SHARED_CLIENT.has(relative)) return true;
    if (!SITE_CLIENT.test(relative)) return false;
    return !relative.endsWith('.astro') || /[?&]type=(?:style|script)(?:&|$)/.test(query);
  };
}

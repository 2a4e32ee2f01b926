// The full plan of a locale as one document, put together in Chromium from the built site: the cover and
// the contents, then the <main> of every chapter and data section in reading order, each in a
// `<section class="pdf-part">` on its own named pages. One document is printed once, so the PDF embeds one
// set of font subsets, and Chromium writes its tags, outline and links itself.
//
// `composeInPage` runs in the page (page.evaluate serialises it): it may use nothing from outside itself.

export interface ComposeInput {
  parts: Array<{
    /** Site path of the page, e.g. `/en/targets/`. */
    path: string;
    /** Element id of the part in the document (`part-3`): every id inside it gets `<id>-` in front. */
    id: string;
    /** Its CSS named page. */
    page: string;
  }>;
  /** The document's language (the locale). */
  lang: string;
  title: string;
  /** Cover and contents, before the parts. */
  before: string;
  /** Page rules, cover and contents styles: after the site's stylesheets. */
  css: string;
}

export interface ComposeResult {
  /** Links to site pages that are not in the plan (dashboard, search, the other language): unlinked. */
  unlinked: number;
  /** Links that now jump inside the document. */
  internal: number;
}

export async function composeInPage(input: ComposeInput): Promise<ComposeResult> {
  const dir = (path: string) => (path.endsWith('/') ? path : `${path}/`);
  const partOfPath = new Map(input.parts.map((p) => [dir(new URL(p.path, location.href).pathname), p.id]));
  const docs = await Promise.all(
    input.parts.map(async (p) => {
      const response = await fetch(p.path);
      // eslint-disable-next-line no-restricted-syntax -- runs in the page, where ShopPlanError does not exist; print-site.ts rethrows it as one
      if (!response.ok) throw new Error(`The built site has no page ${p.path} (HTTP ${response.status}); build the site again.`);
      return new DOMParser().parseFromString(await response.text(), 'text/html');
    }),
  );

  // Every stylesheet the parts use (the site's, and each page's scoped styles), once, then ours.
  document.documentElement.lang = input.lang;
  document.title = input.title;
  const seen = new Set<string>();
  const sheets: Array<Promise<unknown>> = [];
  docs.forEach((doc, i) => {
    for (const el of doc.head.querySelectorAll('style, link[rel="stylesheet"]')) {
      const key = el.tagName === 'STYLE' ? el.textContent ?? '' : new URL(el.getAttribute('href') ?? '', new URL(input.parts[i]!.path, location.href)).href;
      if (seen.has(key)) continue;
      seen.add(key);
      const copy = document.importNode(el, true) as HTMLElement;
      if (copy instanceof HTMLLinkElement) {
        copy.href = key;
        sheets.push(new Promise((done) => copy.addEventListener('load', done, { once: true })));
      }
      document.head.append(copy);
    }
  });
  const style = document.createElement('style');
  style.textContent = input.css;
  document.head.append(style);
  // The web-font files the parts' text needs, loaded before that text is laid out: the faces are
  // `font-display: swap`, so a first layout would use a fallback font and the whole document (some 16,000
  // boxes) be laid out again when they arrived. Each character comes from the first family of the list whose
  // files cover it, as the browser picks them: loading it from every family of the list would fetch and
  // decode files nothing is drawn with.
  await Promise.all(sheets);
  const unquote = (family: string) => family.trim().replace(/^["']|["']$/g, '');
  const covered = new Map<string, Set<number>>();
  for (const face of document.fonts) {
    const points = covered.get(unquote(face.family)) ?? new Set<number>();
    for (const range of face.unicodeRange.split(',')) {
      const [from, to = from] = range.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex!, 16));
      for (let code = from!; code <= to!; code++) points.add(code);
    }
    covered.set(unquote(face.family), points);
  }
  const families = getComputedStyle(document.documentElement).fontFamily.split(',').map(unquote);
  const chars = new Map<string, string>();
  for (const char of new Set(docs.map((doc) => doc.querySelector('main')?.textContent ?? '').join(''))) {
    const family = families.find((f) => covered.get(f)?.has(char.codePointAt(0)!));
    if (family) chars.set(family, (chars.get(family) ?? '') + char);
  }
  // A file that fails to load only leaves the fallback font, as it would on the site.
  await Promise.all([...chars].flatMap(([family, text]) => ['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "${family}"`, text).catch(() => []))));

  document.body.className = 'pdf-plan';
  document.body.innerHTML = input.before;
  const main = document.createElement('main');
  main.id = 'main';
  const result: ComposeResult = { unlinked: 0, internal: 0 };
  const REFERENCES = ['for', 'headers', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details'];
  docs.forEach((doc, i) => {
    const part = input.parts[i]!;
    const base = new URL(part.path, location.href);
    const source = doc.querySelector('main');
    const section = document.createElement('section');
    section.className = 'pdf-part';
    section.id = part.id;
    section.style.setProperty('page', part.page);
    if (source?.lang) section.lang = source.lang;
    for (const node of [...(source?.childNodes ?? [])]) section.append(document.importNode(node, true));
    for (const script of section.querySelectorAll('script')) script.remove(); // loaded once below
    // Ids are unique per page, not across pages: each part's get its id in front, and so do references.
    const own = (id: string) => `${part.id}-${id}`;
    for (const el of section.querySelectorAll('[id]')) el.id = own(el.id);
    for (const name of REFERENCES) {
      for (const el of section.querySelectorAll(`[${name}]`)) el.setAttribute(name, el.getAttribute(name)!.split(/\s+/).filter(Boolean).map(own).join(' '));
    }
    for (const el of section.querySelectorAll<HTMLImageElement | HTMLSourceElement>('img[src], source[src]')) el.src = new URL(el.getAttribute('src')!, base).href;
    // Links to a page of the plan jump to its part (or the anchor in it); links to other pages of the
    // site are unlinked, as the document has no server behind it; web and mail links stay.
    for (const a of section.querySelectorAll('a[href]')) {
      let url: URL;
      try {
        url = new URL(a.getAttribute('href')!, base);
      } catch {
        a.removeAttribute('href');
        result.unlinked++;
        continue;
      }
      if (url.origin === location.origin) {
        const target = partOfPath.get(dir(url.pathname));
        if (target === undefined) {
          a.removeAttribute('href');
          result.unlinked++;
        } else {
          const anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
          a.setAttribute('href', `#${anchor ? `${target}-${anchor}` : target}`);
          a.setAttribute('data-part', target);
        }
      } else if (!/^(https?|mailto):$/.test(url.protocol)) {
        a.removeAttribute('href');
        result.unlinked++;
      }
    }
    main.append(section);
  });
  document.body.append(main);
  // An anchor the target page does not have: jump to the start of its part instead.
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const id = decodeURIComponent(a.getAttribute('href')!.slice(1));
    if (document.getElementById(id)) {
      result.internal++;
      continue;
    }
    const part = a.getAttribute('data-part');
    if (part) {
      a.setAttribute('href', `#${part}`);
      result.internal++;
    } else {
      a.removeAttribute('href');
      result.unlinked++;
    }
  }
  for (const a of document.querySelectorAll('a[data-part]')) a.removeAttribute('data-part');

  // The pages' module scripts (the chart islands), once each, after the content is in place.
  const loading: Array<Promise<unknown>> = [];
  const scripts = new Map<string, HTMLScriptElement>();
  docs.forEach((doc, i) => {
    for (const s of doc.querySelectorAll('script[type="module"]')) {
      const script = document.createElement('script');
      script.type = 'module';
      if (s.hasAttribute('src')) script.src = new URL(s.getAttribute('src')!, new URL(input.parts[i]!.path, location.href)).href;
      else script.textContent = s.textContent;
      scripts.set(script.src || script.textContent || '', script);
    }
  });
  for (const [key, script] of scripts) {
    if (script.src) {
      loading.push(new Promise((done, fail) => {
        script.addEventListener('load', done, { once: true });
        script.addEventListener('error', () => fail(new Error(`The script ${key} of the built site did not load.`)), { once: true });
      }));
    }
    document.body.append(script);
  }
  await Promise.all(loading);
  return result;
}

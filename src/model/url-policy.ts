// Which addresses a plan may put on a page: links to `https:`, `http:`, `mailto:` or a relative path;
// images only from the site itself. One allow-list for validation (an error at file:line) and for the
// renderers (which drop what slipped through), so the two can never disagree.
import { parseEntities } from 'parse-entities';

/** `link`: an `<a href>` (chapter link, reference definition, autolink, a plan's web address); `image`: an `<img src>`. */
export type UrlUse = 'link' | 'image';

export const LINK_SCHEMES = ['https', 'http', 'mailto'] as const;

/** HTML attributes that hold an address (lower case), and how the page uses it. */
export const URL_ATTRIBUTES: Readonly<Record<string, UrlUse>> = { href: 'link', 'xlink:href': 'link', action: 'link', formaction: 'link', cite: 'link', src: 'image', srcset: 'image', poster: 'image' };

export type UrlVerdict =
  | { ok: true; scheme: (typeof LINK_SCHEMES)[number] | null }
  /** `scheme`: a scheme outside the allow-list (`javascript:`, `data:`, `file:` …); `off-origin`: an image from another site. */
  | { ok: false; reason: 'scheme' | 'off-origin'; scheme: string | null };

// Browsers drop C0 controls and spaces around a URL and tabs and newlines inside it, so `java\tscript:`
// runs script. Removing every control, space and invisible character before reading the scheme refuses
// each of those spellings (and a few a browser would not run, which are no loss).
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// `//host`, `\\host` and `/\host` all reach another host from a page (browsers read `\` as `/`).
const OTHER_HOST = /^[/\\]{2}/;
/** Entities decoded at most this often: `&amp;#106;` decodes twice to `j`; the bound keeps it linear. */
const DECODE_ROUNDS = 3;

/** The address as the scheme check reads it: entities decoded (`&#106;`, `&#x6A;`, `&colon;`), invisible characters removed. */
export function urlForCheck(raw: string): string {
  let text = raw;
  for (let round = 0; round < DECODE_ROUNDS && text.includes('&'); round++) {
    const decoded = parseEntities(text);
    if (decoded === text) break;
    text = decoded;
  }
  return text.replace(INVISIBLE, '');
}

export function checkUrl(raw: string, use: UrlUse): UrlVerdict {
  const url = urlForCheck(raw);
  const found = SCHEME.exec(url)?.[1]?.toLowerCase() ?? null;
  if (found === null) return use === 'image' && OTHER_HOST.test(url) ? { ok: false, reason: 'off-origin', scheme: null } : { ok: true, scheme: null };
  const scheme = (LINK_SCHEMES as readonly string[]).includes(found) ? (found as (typeof LINK_SCHEMES)[number]) : undefined;
  if (!scheme) return { ok: false, reason: 'scheme', scheme: found };
  if (use === 'image') return { ok: false, reason: scheme === 'mailto' ? 'scheme' : 'off-origin', scheme };
  return { ok: true, scheme };
}

/** The address if the policy lets it onto a page, else undefined (renderers drop the attribute). */
export function allowedUrl(raw: string, use: UrlUse): string | undefined {
  return checkUrl(raw, use).ok ? raw : undefined;
}

/** A web address (`https:` or `http:`) other addresses are built on, e.g. `repository.url` + `/blob/…`. */
export function isWebAddress(raw: string): boolean {
  const verdict = checkUrl(raw, 'link');
  return verdict.ok && (verdict.scheme === 'https' || verdict.scheme === 'http');
}

// URLs of the site: the default locale (zh-CN) at the root, English under /en/. Sections a plan leaves
// out get no page.
import data from 'virtual:shopplan/data';
import type { SiteData } from './site-data.ts';
import { DEFAULT_LOCALE, localePrefix, type Locale } from '../i18n/locale.ts';

export interface LocaleProps {
  locale: Locale;
}

/** getStaticPaths for a `[...locale]` page: one path per plan locale, when `available` says the page has content. */
export function localePaths(available: (d: SiteData) => boolean = () => true) {
  if (!available(data)) return [];
  return data.locales.map((locale) => ({ params: { locale: locale === DEFAULT_LOCALE ? undefined : prefix(locale) }, props: { locale } satisfies LocaleProps }));
}

export const prefix = localePrefix;

/** Site-relative URL of a page in a locale, honouring Astro's `base`. */
export function href(locale: Locale, slug = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const path = [locale === DEFAULT_LOCALE ? '' : prefix(locale), slug].filter(Boolean).join('/');
  return `${base}${path ? `${path}/` : ''}`;
}

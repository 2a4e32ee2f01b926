// The locales ShopPlan speaks, which of a plan's locales get pages (site and PDFs), and the one rule for
// the language of the command line.
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The URL path segment of a locale's pages, e.g. `en` for `/en/…` (the default locale's pages are at the root). */
export function localePrefix(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh' : locale;
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** A plan's locales (plan.yaml `locales`) that have pages: the ones ShopPlan speaks; the default when the plan names none. */
export function siteLocales(locales: readonly string[]): Locale[] {
  return (locales.length ? locales : [DEFAULT_LOCALE]).filter(isLocale);
}

/**
 * The locale a language tag or POSIX locale names: `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans-CN` → zh-CN;
 * `en`, `en_GB.UTF-8` → en; anything else (`C`, `POSIX`, `fr_FR`, empty) → undefined.
 */
export function matchLocale(tag: string | undefined): Locale | undefined {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_.@]/)[0];
  if (language === 'zh') return 'zh-CN';
  if (language === 'en') return 'en';
  return undefined;
}

/**
 * The command line's language: `--lang`, else `SHOPPLAN_LANG`, else the POSIX locale (`LC_ALL`, `LC_MESSAGES`,
 * `LANG`, the first one set, as POSIX orders them) when it is Chinese; English otherwise. A `--lang` or
 * `SHOPPLAN_LANG` ShopPlan does not speak is a mistake the caller reports, so it is returned as `invalid`.
 */
export function cliLocale(lang: string | undefined, env: Readonly<Record<string, string | undefined>>): { locale: Locale } | { invalid: string } {
  for (const chosen of [lang, env.SHOPPLAN_LANG]) {
    if (chosen === undefined || chosen === '') continue;
    const locale = matchLocale(chosen);
    return locale ? { locale } : { invalid: chosen };
  }
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return { locale: matchLocale(posix) === 'zh-CN' ? 'zh-CN' : 'en' };
}

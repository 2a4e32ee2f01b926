// The locales ShopPlan speaks, and which of a plan's locales get pages (site and PDFs).
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** A plan's locales (plan.yaml `locales`) that have pages: the ones ShopPlan speaks; the default when the plan names none. */
export function siteLocales(locales: readonly string[]): Locale[] {
  return (locales.length ? locales : [DEFAULT_LOCALE]).filter(isLocale);
}

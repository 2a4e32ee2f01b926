// The one locale rule: plan locales for pages; --lang, SHOPPLAN_LANG, then LC_ALL/LC_MESSAGES/LANG for the CLI.
import { describe, expect, it } from 'vitest';
import { cliLocale, matchLocale, siteLocales } from '../../src/i18n/locale.ts';

describe('locales', () => {
  it.each([
    ['zh', 'zh-CN'], ['zh-CN', 'zh-CN'], ['zh_CN.UTF-8', 'zh-CN'], ['zh-Hans-CN', 'zh-CN'], ['ZH_TW.Big5', 'zh-CN'],
    ['en', 'en'], ['en_GB.UTF-8', 'en'], ['en-US', 'en'],
    ['C', undefined], ['POSIX', undefined], ['C.UTF-8', undefined], ['fr_FR.UTF-8', undefined], ['', undefined], [undefined, undefined],
  ])('%s → %s', (tag, locale) => {
    expect(matchLocale(tag)).toBe(locale);
  });

  it('gives pages to the plan locales ShopPlan speaks, zh-CN when the plan names none', () => {
    expect(siteLocales([])).toEqual(['zh-CN']);
    expect(siteLocales(['en', 'fr', 'zh-CN'])).toEqual(['en', 'zh-CN']);
  });

  it('takes --lang first, then SHOPPLAN_LANG, then the POSIX locale in POSIX order', () => {
    const env = { SHOPPLAN_LANG: 'en', LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' };
    expect(cliLocale('zh-CN', env)).toEqual({ locale: 'zh-CN' });
    expect(cliLocale(undefined, env)).toEqual({ locale: 'en' });
    expect(cliLocale(undefined, { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toEqual({ locale: 'zh-CN' });
    expect(cliLocale(undefined, { LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toEqual({ locale: 'zh-CN' });
    expect(cliLocale(undefined, { LANG: 'zh_CN.UTF-8' })).toEqual({ locale: 'zh-CN' });
    // A non-Chinese POSIX locale, or none, is English.
    expect(cliLocale(undefined, { LANG: 'de_DE.UTF-8' })).toEqual({ locale: 'en' });
    expect(cliLocale(undefined, {})).toEqual({ locale: 'en' });
  });

  it('reports a language it does not speak when it is asked for by name', () => {
    expect(cliLocale('fr', {})).toEqual({ invalid: 'fr' });
    expect(cliLocale(undefined, { SHOPPLAN_LANG: 'de' })).toEqual({ invalid: 'de' });
  });
});

// A platform the plan names in free text — a competitor's channels (`天猫`, `tmall`, `Tmall`) — in the reader's
// language: a platform id, or a platform's name in any language the catalog has, reads as the catalog's name
// for the page's locale (so `天猫` typed with a Chinese input method reads "Tmall" on English pages); other
// text reads as written, one text per language when the plan gives one.
import { CATALOG, t, type MessageKey } from '../i18n/catalog.ts';
import { LOCALES, type Locale } from '../i18n/locale.ts';
import { localText } from '../i18n/text.ts';
import type { Text } from '../model/plan-input.generated.ts';

const PREFIX = 'label.platform.';
const KEYS = Object.keys(CATALOG).filter((k): k is MessageKey => k.startsWith(PREFIX));
const normal = (s: string) => s.normalize('NFKC').trim().toLowerCase();
/** Platform id, and each of its names in every locale, → its catalog key. */
const BY_NAME = new Map<string, MessageKey>(KEYS.flatMap((key) => [key.slice(PREFIX.length), ...LOCALES.map((l) => t(l, key))].map((name) => [normal(name), key] as const)));

export function platformName(text: Text, locale: Locale): string {
  const key = typeof text === 'string' ? BY_NAME.get(normal(text)) : undefined;
  return key ? t(locale, key) : localText(text, locale);
}

// The plan's own text in a locale: a plan text field is a string or a map of translations ({ zh-CN, en }).
import type { Text } from '../model/plan-input.generated.ts';
import type { Locale } from './locale.ts';

/** The translation for the locale, else the Chinese one, else any; '' when there is no text. */
export function localText(text: Text | undefined | null, locale: Locale): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-CN'] ?? Object.values(text)[0] ?? '';
}

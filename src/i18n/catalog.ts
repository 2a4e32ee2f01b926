// The one message catalog: every word ShopPlan shows a reader — UI text, enum labels, finding sentences,
// formulas and input names — as ICU MessageFormat strings (intl-messageformat), zh-CN and English side by
// side under one key. Site, PDF, command line and Excel export all render through t().
//
// Arguments are passed already formatted (numbers through ./format.ts, names through the plan's text), so a
// message only places them; plural and select are there for the grammar around them.
import IntlMessageFormat from 'intl-messageformat';
import type { Locale } from './locale.ts';
import type { Message } from './messages/message.ts';
import { UI } from './messages/ui.ts';
import { LABELS } from './messages/labels.ts';
import { EXPORT } from './messages/export.ts';
import { FINDINGS } from './messages/findings.ts';
import { EXPLAIN } from './messages/explain.ts';
import { VERDICTS } from './messages/verdicts.ts';
import { PAGES } from './messages/pages/index.ts';

export type { Message };

export const CATALOG: Readonly<Record<MessageKey, Message>> = { ...UI, ...LABELS, ...EXPORT, ...FINDINGS, ...EXPLAIN, ...VERDICTS, ...PAGES };

export type MessageKey = keyof typeof UI | keyof typeof LABELS | keyof typeof EXPORT | keyof typeof FINDINGS | keyof typeof EXPLAIN | keyof typeof VERDICTS | keyof typeof PAGES;

export type MessageArgs = Readonly<Record<string, string | number | boolean | null | undefined>>;

const compiled = new Map<string, IntlMessageFormat>();

/** The message `key` in `locale` with its arguments placed; compiled once per key and locale. */
export function t(locale: Locale, key: MessageKey, args?: MessageArgs): string {
  const id = `${locale}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) compiled.set(id, (format = new IntlMessageFormat(CATALOG[key][locale], locale)));
  return String(format.format(args as Record<string, string | number | boolean | null | undefined>));
}

/** Whether a string is a key of the catalog (for keys that come from data, e.g. an enum value). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOG, key);
}

/** Places `{name}` arguments into a string that is not in the catalog yet (a page's own words). */
export function fill(text: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

// The shape of the catalog's messages, shared by the domain files under messages/ and by catalog.ts.
import type { Locale } from '../locale.ts';

/** One ICU message in every locale ShopPlan speaks, side by side so that translations cannot drift apart. */
export type Message = Readonly<Record<Locale, string>>;

/** A group of messages whose keys are `<prefix>.<key>`. */
export type Prefixed<P extends string, T extends Record<string, Message>> = { readonly [K in keyof T & string as `${P}.${K}`]: Message };

/** The messages of one domain under a key prefix (`ui.`, `label.role.` …), keeping each key's type. */
export function prefixed<P extends string, T extends Record<string, Message>>(prefix: P, messages: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(messages).map(([k, m]) => [`${prefix}.${k}`, m])) as Prefixed<P, T>;
}

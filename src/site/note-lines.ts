// The muted lines of a row's note (DataTable): facts that left a table's columns for the line under the row
// (an owner, a supplier's certifications), each read "Name: value" in the page's language.
import { t } from '../i18n/catalog.ts';
import type { Locale } from '../i18n/locale.ts';

/** "Name: value" lines for the facts that have a value; a fact the plan leaves out gives no line. */
export function noteLines(locale: Locale, facts: readonly (readonly [name: string, value: string | null | undefined])[]): string[] {
  return facts.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([name, value]) => t(locale, 'ui.figure', { name, value: value! }));
}

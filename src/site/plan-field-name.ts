// A plan path's name on a page, from the field the build found for it (plan-fields.ts): "山岚茶事天猫旗舰店 ·
// 转化率" — the entry's name and the field's title in the page's language; the entry alone when the field has
// no title in that language (or the path is the whole entry); the page the file is shown on when the path is
// in no entry. Only a path the plan does not hold (a removed entry) stays as written.
import type { PlanField } from './plan-fields.ts';
import { t } from '../i18n/catalog.ts';
import type { Locale } from '../i18n/locale.ts';
import { localText } from '../i18n/text.ts';
import { SECTIONS } from './sections.ts';

export function planFieldName(field: PlanField | undefined, path: string, locale: Locale): string {
  if (!field) return path;
  const entry = field.entry && localText(field.entry, locale);
  const title = field.title && (field.title[locale] ?? (locale === 'en' ? field.title.en : undefined));
  if (entry && title) return t(locale, 'ui.entryField', { entry, field: title });
  if (entry || title) return (entry || title)!;
  const page = SECTIONS.find((s) => s.slug === field.file);
  return page ? localText(page.title, locale) : path;
}

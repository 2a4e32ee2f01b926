// A judged period as a table cell: the status and attainment in a pill, the overshoot as a second line, so the
// pill stays short enough for a phone's status column (a long pill does not wrap).
import type { Locale } from '../i18n/locale.ts';
import { overshootText, statusWords } from '../i18n/verdict-text.ts';
import type { PeriodVerdict } from '../model/result/target-verdicts.ts';
import type { Cell } from './kit.ts';

export function verdictCell(v: PeriodVerdict, locale: Locale): Cell {
  const overshoot = overshootText(v, locale);
  return { value: statusWords(v, locale), ...(v.status ? { status: v.status } : {}), ...(overshoot ? { sub: overshoot } : {}) };
}

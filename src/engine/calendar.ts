// The plan calendar: months and quarters of the horizon, seasonality profiles as monthly series, and
// festival windows with the months and days they cover. Also the day arithmetic the other models use
// (days in a month, days of a date range per month) — done on `YYYY-MM-DD` strings, without `Date`,
// so results never depend on the machine's time zone.
import type { PlanInput } from '../model/plan-input.generated.ts';
import { monthsBetween, quarterOf } from '../model/calendar.ts';
import { seriesOf } from './series.ts';
import type { CalendarResult } from '../model/result/calendar.ts';

export function computeCalendar(input: PlanInput, months: string[]): CalendarResult {
  return {
    months: [...months],
    quarters: [...new Set(months.map(quarterOf))],
    seasonality: Object.fromEntries((input.targets?.seasonality ?? []).map((p) => [p.id, seriesOf(months, (m) => p.shares[m] ?? 0)])),
    festivals: (input.targets?.festivals ?? []).map((f) => ({
      id: f.id,
      name: f.name,
      start: f.start,
      end: f.end,
      months: f.end < f.start ? [] : monthsBetween(f.start.slice(0, 7), f.end.slice(0, 7)),
      days: daysInRange(f.start, f.end),
    })),
  };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a `YYYY-MM` month. */
export function daysInMonth(month: string): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** `YYYY-MM-DD` → days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's days_from_civil). */
export function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days from `start` to `end`, both included; 0 when `end` is before `start`. */
export function daysInRange(start: string, end: string): number {
  return Math.max(0, dayNumber(end) - dayNumber(start) + 1);
}

/** `2027-03` and 5 → `2027-03-05`. */
export function dateOf(month: string, day: number): string {
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Days of the range `start … end` (both included) in each month it touches, in order. */
export function daysByMonth(start: string, end: string): Array<{ month: string; days: number; first: number; last: number }> {
  if (end < start) return [];
  const first = start.slice(0, 7);
  const last = end.slice(0, 7);
  return monthsBetween(first, last).map((month) => {
    const from = month === first ? Number(start.slice(8, 10)) : 1;
    const to = month === last ? Number(end.slice(8, 10)) : daysInMonth(month);
    return { month, days: Math.max(0, to - from + 1), first: from, last: to };
  });
}

/** Every date of the range `start … end`, both included, as `YYYY-MM-DD`. */
export function datesInRange(start: string, end: string): string[] {
  const out: string[] = [];
  for (const part of daysByMonth(start, end)) for (let d = part.first; d <= part.last; d++) out.push(dateOf(part.month, d));
  return out;
}

/** True when the two date ranges share at least one day. */
export function rangesOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end && a.start <= a.end && b.start <= b.end;
}

// Months and quarters of a plan horizon. Months are `YYYY-MM` strings throughout.

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function horizonMonths(start: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(start, i));
}

/** `2027-11-11` → `2027-11`. */
export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}

/** `2027-11` → `2027-Q4`. */
export function quarterOf(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-Q${Math.ceil(m / 3)}`;
}

/** Months from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeCalendar, dateOf, datesInRange, dayNumber, daysByMonth, daysInMonth, daysInRange, rangesOverlap } from '../../src/engine/calendar.ts';
import { horizonMonths } from '../../src/model/calendar.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { minimalPlan } from '../helpers/plan.ts';

const months = horizonMonths('2027-01', 12);

describe('calendar', () => {
  it('counts days in months, leap years included', () => {
    expect(daysInMonth('2027-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29); // divisible by 4
    expect(daysInMonth('2100-02')).toBe(28); // by 100, not by 400
    expect(daysInMonth('2000-02')).toBe(29); // by 400
    expect(daysInMonth('2027-04')).toBe(30);
    expect(daysInMonth('2027-12')).toBe(31);
  });

  it('counts the days of a date range per month', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2027-01-01')).toBe(20819); // 57 years × 365 + 14 leap days
    // 38 女王节 2027-02-26 … 2027-03-08: Feb 26, 27, 28 = 3 days + Mar 1 … 8 = 8 days = 11
    expect(daysInRange('2027-02-26', '2027-03-08')).toBe(11);
    expect(daysByMonth('2027-02-26', '2027-03-08').map((p) => [p.month, p.days])).toEqual([
      ['2027-02', 3],
      ['2027-03', 8],
    ]);
    // 618: May 20 … 31 = 12 days, June 1 … 20 = 20 days
    expect(daysByMonth('2027-05-20', '2027-06-20').map((p) => p.days)).toEqual([12, 20]);
    expect(daysInRange('2027-03-02', '2027-03-01')).toBe(0);
    expect(datesInRange('2027-01-30', '2027-02-02')).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02']);
    expect(rangesOverlap({ start: '2027-01-01', end: '2027-01-10' }, { start: '2027-01-10', end: '2027-01-20' })).toBe(true);
    expect(rangesOverlap({ start: '2027-01-01', end: '2027-01-09' }, { start: '2027-01-10', end: '2027-01-20' })).toBe(false);
  });

  it('lists months, quarters, seasonality as series and festival windows', () => {
    const input: PlanInput = {
      plan: minimalPlan as PlanInput['plan'],
      targets: {
        seasonality: [{ id: 's', name: 's', shares: { '2027-01': 0.5, '2027-11': 0.5 } }],
        festivals: [{ id: 'double-11', name: { 'zh-CN': '双11', en: 'Double 11' }, start: '2027-10-20', end: '2027-11-11' }],
      },
    };
    const cal = computeCalendar(input, months);
    expect(cal.months).toEqual(months);
    expect(cal.quarters).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(cal.seasonality.s!['2027-01']).toBe(0.5);
    expect(cal.seasonality.s!['2027-02']).toBe(0); // not written: 0
    expect(Object.keys(cal.seasonality.s!)).toEqual(months);
    // Oct 20 … 31 = 12 days + Nov 1 … 11 = 11 days = 23
    expect(cal.festivals).toEqual([{ id: 'double-11', name: { 'zh-CN': '双11', en: 'Double 11' }, start: '2027-10-20', end: '2027-11-11', months: ['2027-10', '2027-11'], days: 23 }]);
  });

  it('property: day numbers agree with UTC dates, and month parts add up to the range', () => {
    const date = fc.integer({ min: 0, max: 3650 * 4 }).map((n) => new Date(Date.UTC(1999, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        expect(dayNumber(start)).toBe(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10))) / 86_400_000);
        const parts = daysByMonth(start, end);
        expect(parts.reduce((s, p) => s + p.days, 0)).toBe(daysInRange(start, end));
        expect(datesInRange(start, end).length).toBe(daysInRange(start, end));
        for (const p of parts) expect(p.days).toBeLessThanOrEqual(daysInMonth(p.month));
        expect(dateOf(start.slice(0, 7), Number(start.slice(8, 10)))).toBe(start);
      }),
    );
  });
});

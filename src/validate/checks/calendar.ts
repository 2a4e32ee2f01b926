// Months and dates fall inside the plan horizon; seasonality covers every month; ranges run forwards.
import type { Check } from '../check-context.ts';
import type { PlanFileKey } from '../../model/plan-files.ts';
import { select } from '../../model/select.ts';
import { horizonMonths, monthOfDate } from '../../model/calendar.ts';

/** Months or dates that must lie inside the horizon: [file, pattern]. */
const IN_HORIZON: ReadonlyArray<readonly [PlanFileKey, string]> = [
  ['targets', 'targets.*.deadline'],
  ['targets', 'targets.*.milestones.*.month'],
  ['targets', 'festivals.*.start'],
  ['targets', 'festivals.*.end'],
  ['channels', 'channels.*.launch'],
  ['products', 'skus.*.launch'],
  ['promotions', 'promotions.*.start'],
  ['promotions', 'promotions.*.end'],
  ['promotions', 'promotions.*.mechanics.*.depositStart'],
  ['promotions', 'promotions.*.mechanics.*.balanceStart'],
  ['marketing', 'channels.*.budget.monthly.#'],
  ['marketing', 'experiments.*.start'],
  ['org', 'training.*.month'],
  ['risks', 'compliance.*.due'],
];

/** [file, list pattern, start field, end field]. */
const RANGES: ReadonlyArray<readonly [PlanFileKey, string, string, string]> = [
  ['targets', 'festivals.*', 'start', 'end'],
  ['promotions', 'promotions.*', 'start', 'end'],
];

export const checkCalendar: Check = (ctx) => {
  const { start, months: count } = ctx.input.plan.horizon;
  const months = horizonMonths(start, count);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const horizon = `${first} … ${last}`;

  for (const [file, pattern] of IN_HORIZON) {
    for (const hit of select(ctx.input[file], pattern)) {
      if (typeof hit.value !== 'string') continue;
      const month = monthOfDate(hit.value);
      if (month < first || month > last) {
        ctx.report('month-out-of-horizon', `${hit.value} is outside the plan horizon (${horizon}).`, file, hit.segments, { key: hit.isKey });
      }
    }
  }
  // Headcount months may start before the plan (people already employed), never after it.
  for (const hit of select(ctx.input.org, 'roles.*.headcount.#')) {
    if (typeof hit.value === 'string' && hit.value > last) {
      ctx.report('month-out-of-horizon', `${hit.value} is after the plan horizon (${horizon}).`, 'org', hit.segments, { key: true });
    }
  }

  for (const profile of select(ctx.input.targets, 'seasonality.*')) {
    const shares = (profile.value as { shares?: Record<string, number> }).shares ?? {};
    for (const key of Object.keys(shares)) {
      if (!months.includes(key)) ctx.report('month-out-of-horizon', `${key} is outside the plan horizon (${horizon}).`, 'targets', [...profile.segments, 'shares', key], { key: true });
    }
    const missing = months.filter((m) => !(m in shares));
    if (missing.length) {
      ctx.report('seasonality-months', `The seasonality profile "${(profile.value as { id: string }).id}" has no share for ${missing.join(', ')}.`, 'targets', [...profile.segments, 'shares'], {
        hint: `Give one share for each of the ${months.length} months ${horizon}.`,
      });
    }
  }

  for (const [file, pattern, from, to] of RANGES) {
    for (const hit of select(ctx.input[file], pattern)) {
      const item = hit.value as Record<string, unknown>;
      const a = item[from];
      const b = item[to];
      if (typeof a === 'string' && typeof b === 'string' && b < a) {
        ctx.report('date-range', `${to} ${b} is before ${from} ${a}.`, file, [...hit.segments, to]);
      }
    }
  }
  // A presale runs deposit → balance inside its promotion: balance payments that start after the promotion
  // has ended would book the festival's GMV in a month the promotion no longer covers.
  for (const promotion of select(ctx.input.promotions, 'promotions.*')) {
    const { start: from, end } = promotion.value as { start?: unknown; end?: unknown };
    // A promotion that ends before it starts is already reported; its end says nothing about the balance.
    const ends = typeof end === 'string' && !(typeof from === 'string' && end < from) ? end : undefined;
    for (const hit of select(promotion.value, 'mechanics.*')) {
      const m = hit.value as { type?: string; depositStart?: string; balanceStart?: string };
      if (m.type !== 'presale' || !m.balanceStart) continue;
      const at = [...promotion.segments, ...hit.segments, 'balanceStart'];
      if (m.depositStart && m.balanceStart < m.depositStart) {
        ctx.report('date-range', `balanceStart ${m.balanceStart} is before depositStart ${m.depositStart}: the balance (尾款) is paid after the deposit (定金).`, 'promotions', at);
      } else if (ends && m.balanceStart > ends) {
        ctx.report('date-range', `balanceStart ${m.balanceStart} is after the promotion's end ${ends}: the balance (尾款) is paid while the promotion runs.`, 'promotions', at, {
          hint: `Start the balance payments on or before ${ends}, or end the promotion later.`,
        });
      }
    }
  }
};

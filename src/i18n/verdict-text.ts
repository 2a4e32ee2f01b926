// Targets judged, in words: a period's status with its attainment, and one way to close a missed target
// (PlanResult.verdicts). Shared by `shopplan compute` and the site, so both say the same.
import { ref } from '../model/facts.ts';
import type { DriverChange, DriverKind, PeriodVerdict } from '../model/result/target-verdicts.ts';
import { t } from './catalog.ts';
import { formatGrowth, formatValue } from './format.ts';
import type { Locale } from './locale.ts';
import { nameOf, type PlanNames } from './names.ts';

/** Status and attainment of a period, with the overshoot when there is one: `On track (99.5 %)`, `On track (117 %) · 17 % above target`. */
export function statusText(v: PeriodVerdict, locale: Locale): string {
  const overshoot = overshootText(v, locale);
  return overshoot ? `${statusWords(v, locale)} · ${overshoot}` : statusWords(v, locale);
}

/** Status and attainment of a period without the overshoot: `On track (117 %)`. */
export function statusWords(v: PeriodVerdict, locale: Locale): string {
  if (v.status === null) return t(locale, 'verdict.notProjected');
  const status = t(locale, `label.status.${v.status}`);
  return v.attainment === null ? status : t(locale, 'verdict.statusWithAttainment', { status, attainment: formatValue(v.attainment, 'rate', locale) });
}

/** How far a period overshoots its target (`17 % above target`), when it does. */
export function overshootText(v: PeriodVerdict, locale: Locale): string | undefined {
  return v.overshoot && v.attainment !== null ? t(locale, 'verdict.overshoot', { share: formatValue(v.attainment - 1, 'rate', locale) }) : undefined;
}

/** One way to close a missed target: `Tmall CVR: 3.00 % → 3.18 % (+6.1 %)`, flagged when implausible or unreachable. */
export function driverChangeText(d: DriverChange, names: PlanNames, locale: Locale): string {
  const { currency } = names;
  const channel = d.channel ? nameOf(names, ref('channel', d.channel), locale) : '';
  if (d.to === null) return t(locale, 'verdict.unreachable', { driver: driverName(d.driver, channel, locale) });
  const value = (v: number) => formatValue(v, d.unit, locale, { currency });
  const line = changeText(d.driver, channel, value(d.from), value(d.to), d.change, locale);
  return d.plausible ? line : `${line} — ${t(locale, 'verdict.implausible', { limit: value(d.limit) })}`;
}

/** A driver moved from → to, the values already formatted: `Tmall CVR: 3.00 % → 3.18 % (+6.1 %)` (the site, the CLI, the target-gap finding). */
export function changeText(driver: DriverKind, channelName: string, from: string, to: string, change: number | null, locale: Locale): string {
  return t(locale, 'verdict.change', { driver: driverName(driver, channelName, locale), from, to, change: formatGrowth(change, locale) });
}

function driverName(driver: DriverKind, channelName: string, locale: Locale): string {
  return t(locale, `label.driver.${driver}`, { channel: channelName });
}

/** A gap with its sign: `+¥1.2万` above the target, `-¥3万` short of it. */
export function signedValue(gap: number | null, unit: string, locale: Locale, currency: string): string {
  const text = formatValue(gap, unit, locale, { currency });
  return gap !== null && gap > 0 ? `+${text}` : text;
}

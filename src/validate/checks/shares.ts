// Shares of one whole add up to 100 %: channel mix, personas, seasonality, weights, membership tiers.
import type { Check } from '../check-context.ts';
import type { PlanFileKey } from '../../model/plan-files.ts';
import type { PathSegment } from '../../model/data-path.ts';
import { select } from '../../model/select.ts';

/** Floating-point slack: 0.1 + 0.2 must count as 0.3. */
const TOLERANCE = 1e-6;

/** [file, pattern of each list (or mapping) of shares, field of each item ('' = the values themselves), what it is]. */
const SHARE_LISTS: ReadonlyArray<readonly [PlanFileKey, string, string, string]> = [
  ['strategy', 'channelMix', 'share', 'channel mix shares'],
  ['strategy', 'personas', 'share', 'persona shares'],
  ['strategy', 'competitors.dimensions', 'weight', 'competitor dimension weights'],
  ['targets', 'seasonality.*.shares', '', 'seasonality shares'],
  ['products', 'selectionCriteria', 'weight', 'selection criterion weights'],
  ['users', 'membership.tiers', 'share', 'membership tier shares'],
  ['scenarios', 'scenarios', 'probability', 'scenario probabilities'],
];

export const checkShares: Check = (ctx) => {
  for (const [file, pattern, field, what] of SHARE_LISTS) {
    for (const list of select(ctx.input[file], pattern)) {
      const values = shareValues(list.value, field);
      if (values.length === 0) continue;
      const sum = values.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > TOLERANCE) {
        ctx.report('share-sum', `The ${what} in ${formatted(list.segments)} add up to ${percent(sum)}, expected 100 %.`, file, list.segments, {
          hint: `Adjust them by ${percent(1 - sum)} in total so they add up to exactly 1.`,
        });
      }
    }
  }
};

function shareValues(value: unknown, field: string): number[] {
  const items = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
  return items.map((item) => (field ? (item as Record<string, unknown> | null)?.[field] : item)).filter((v): v is number => typeof v === 'number');
}

function formatted(segments: readonly PathSegment[]): string {
  return segments.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}

function percent(x: number): string {
  return `${Number((x * 100).toFixed(4))} %`;
}

// Bottom-up (the channel funnel) against top-down (the SMART target), per month and per channel.
//
//   gap = bottom-up − target (negative = the funnel falls short of the target)
//   gapShare = total gap ÷ target total
// A channel's share of the target month is its share in strategy.yaml `channelMix` (the mix is normalised over
// the channels that exist); without a channel mix, the channel's share of the bottom-up figure that month.
// Money targets are split in fen and counts in whole units (hundredths when the month is fractional), by
// largest remainder, so the channels add up exactly to the month.
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { Series } from '../model/result/series.ts';
import type { TargetResult } from '../model/result/targets.ts';
import type { FunnelResult } from './funnel.ts';
import type { FunnelKey } from '../model/result/funnel.ts';
import { allocate } from './largest-remainder.ts';
import { fromMinor, toMinor } from './money.ts';
import { explainAs } from './explain.ts';
import type { LabelledInput } from '../model/result/explanation.ts';
import { finiteRatio } from './pricing.ts';
import { ref } from '../model/facts.ts';
import { fen, seriesOf, total } from './series.ts';
import type { ChannelGap, TargetGap } from '../model/result/target-gap.ts';

/** Target metrics the funnel projects, and the funnel series that projects each. */
export const GAP_METRICS: Readonly<Record<string, FunnelKey>> = {
  gmv: 'gmv',
  revenue: 'netRevenue',
  orders: 'orders',
  'new-customers': 'newCustomers',
};

const MONEY = new Set(['gmv', 'revenue']);

export function computeTargetGaps(input: PlanInput, targets: readonly TargetResult[], funnel: FunnelResult): Record<string, TargetGap> {
  const channelIds = Object.keys(funnel.channels);
  const mix = input.strategy?.channelMix ?? [];
  const mixWeights = channelIds.map((id) => mix.filter((m) => m.channel === id).reduce((s, m) => s + m.share, 0));
  const useMix = mix.length > 0 && mixWeights.some((w) => w > 0);
  const out: Record<string, TargetGap> = {};
  for (const t of targets) {
    const key = GAP_METRICS[t.metric];
    if (!key) continue;
    const money = MONEY.has(t.metric);
    const months = Object.keys(t.monthly);
    const round = (x: number) => (money ? fen(x) : x);
    const target = seriesOf(months, (m) => t.monthly[m] ?? 0);
    const bottomUp = seriesOf(months, (m) => funnel.totals[key][m] ?? 0);
    const gap = seriesOf(months, (m) => round(bottomUp[m]! - target[m]!));
    const byChannel: Record<string, ChannelGap> = Object.fromEntries(
      channelIds.map((id) => [id, { target: {} as Series, bottomUp: seriesOf(months, (m) => funnel.channels[id]![key][m] ?? 0), gap: {} as Series, totals: { target: 0, bottomUp: 0, gap: 0 } }]),
    );
    for (const m of months) {
      const weights = useMix ? mixWeights : channelIds.map((id) => byChannel[id]!.bottomUp[m]!);
      const parts = split(target[m]!, weights, money);
      channelIds.forEach((id, k) => {
        const c = byChannel[id]!;
        c.target[m] = parts[k]!;
        c.gap[m] = round(c.bottomUp[m]! - parts[k]!);
      });
    }
    for (const c of Object.values(byChannel)) c.totals = { target: round(total(c.target)), bottomUp: round(total(c.bottomUp)), gap: round(total(c.gap)) };
    const targetTotal = total(target);
    const totalGap = round(total(bottomUp) - targetTotal);
    out[t.id] = {
      targetId: t.id,
      metric: t.metric,
      target,
      bottomUp,
      gap,
      totalGap,
      totals: { target: round(targetTotal), bottomUp: round(total(bottomUp)), gap: totalGap },
      gapShare: finiteRatio(totalGap, targetTotal),
      byChannel,
      split: useMix ? 'channel-mix' : 'bottom-up',
      explain: explainAs(
        useMix ? 'targetGap.channelMix' : 'targetGap.bottomUp',
        [
          { label: 'target', value: t.value, unit: money ? 'money' : 'count' },
          ...(useMix ? mix.map((m, k): LabelledInput => ({ label: 'channelShare', of: ref('channel', m.channel), value: m.share, unit: 'rate', source: { file: 'strategy.yaml', path: `channelMix[${k}].share` } })) : []),
        ],
        { target: t.id, metric: key },
      ),
    };
  }
  return out;
}

function split(value: number, weights: number[], money: boolean): number[] {
  if (weights.length === 0) return [];
  if (money) return allocate(toMinor(value), weights).map(fromMinor);
  if (Number.isInteger(value)) return allocate(value, weights);
  return allocate(Math.round(value * 100), weights).map((v) => v / 100);
}

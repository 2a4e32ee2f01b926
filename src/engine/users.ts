// Users: the AARRR funnel, cohorts of new customers and the active customers they leave behind, the
// repurchase rate, the member base and its tiers, points issued and their cost, and the RFM segments.
//
// Choices (each also in the figures' explanations):
// - Retention curve r(k): r(0) = 1 (a cohort is fully active in the month it first buys); between the
//   given points linear interpolation (from (0, 1) up to the first point); after the last point the last
//   rate is held (curves flatten into a loyal core). Without a curve r(k) = 0 for k ≥ 1.
// - The starting base (membership.members.start) is treated as a cohort formed the month before the
//   plan: in the plan's i-th month (0-based) start × r(i + 1) of it is active.
// - Repurchase rate: the rate of the lifecycle stage `revenue` (the plan's own 12-month repurchase rate)
//   when given; otherwise the retention curve at month 12 (the last point held when the curve is
//   shorter); null without either.
// - Customer lifetime (CLV's orders): see customer-value.ts; the value itself needs a margin per order,
//   which marketing.ts applies per channel.
// - Member tiers are counted by their share of members; the points multiplier is the share-weighted mean.
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { Series } from '../model/result/series.ts';
import { explainAs } from './explain.ts';
import { retentionCurve } from './retention.ts';
import { customerLifetime } from './customer-value.ts';
import { ref } from '../model/facts.ts';
import type { LabelledInput } from '../model/result/explanation.ts';
import { fen, mapSeries, seriesOf, total } from './series.ts';
import type { AarrrStage, RfmResult, UsersResult } from '../model/result/users.ts';


export interface FunnelInputs {
  visitors: Series;
  orders: Series;
  newCustomers: Series;
  gmv: Series;
}

export function computeUsers(input: PlanInput, months: readonly string[], funnel: FunnelInputs): UsersResult {
  const users = input.users;
  const lifecycle = users?.lifecycle;
  const curve = lifecycle?.retention?.curve;
  // Sorted once: every cohort and month reads it.
  const r = retentionCurve(curve);
  const curveSource = { file: 'users.yaml', path: 'lifecycle.retention.curve' };

  // AARRR: the first stage counts every visitor; each later stage is the previous count × its rate.
  const visitorsTotal = total(funnel.visitors);
  const aarrr: AarrrStage[] = [];
  (lifecycle?.stages ?? []).forEach((stage, i) => {
    const rate = stage.rate ?? null;
    const base = i === 0 ? visitorsTotal : aarrr[i - 1]!.count;
    const applied = i === 0 && stage.stage === 'acquisition' ? 1 : (rate ?? 1);
    aarrr.push({ stage: stage.stage, id: stage.id, rate: i === 0 && stage.stage === 'acquisition' ? null : rate, count: base * applied });
  });

  // Cohorts: each month's new customers, active in later months by the retention curve.
  const cohorts: Record<string, Series> = {};
  months.forEach((cohortMonth, c) => {
    const size = funnel.newCustomers[cohortMonth] ?? 0;
    cohorts[cohortMonth] = seriesOf(months, (_, i) => (i < c ? 0 : size * r(i - c)));
  });
  const start = users?.membership?.members?.start ?? 0;
  const activeCustomers = seriesOf(months, (m, i) => start * r(i + 1) + months.reduce((sum, c) => sum + (cohorts[c]![m] ?? 0), 0));
  const dauMau = lifecycle?.retention?.dauMauRatio;
  const mau = { ...activeCustomers };
  const dau = mapSeries(mau, (v) => v * (dauMau ?? 0));

  // Repurchase rate.
  const revenueIndex = (lifecycle?.stages ?? []).findIndex((s) => s.stage === 'revenue' && s.rate !== undefined);
  const revenueStage = revenueIndex >= 0 ? lifecycle!.stages[revenueIndex] : undefined;
  const repurchaseRate = revenueStage ? revenueStage.rate! : curve && curve.length > 0 ? r(12) : null;

  const lifetime = customerLifetime(input);
  const retentionInput = users?.lifecycle?.retention;

  // Membership.
  const membershipInput = users?.membership;
  const joinRate = membershipInput?.members?.monthlyJoinRate ?? 0;
  const members: Series = {};
  months.reduce((running, m) => (members[m] = running + (funnel.newCustomers[m] ?? 0) * joinRate), start);
  const endMembers = months.length > 0 ? members[months[months.length - 1]!]! : start;
  const tierList = membershipInput?.tiers ?? [];
  const tiers = Object.fromEntries(tierList.map((t) => [t.id, { share: t.share, members: endMembers * t.share }]));
  const shareSum = tierList.reduce((a, t) => a + t.share, 0);
  const multiplier = shareSum > 0 ? tierList.reduce((a, t) => a + t.share * t.pointsMultiplier, 0) / shareSum : 1;
  const points = membershipInput?.points;
  // Without memberGmvShare, points are assumed on all GMV (cost not understated).
  const memberShare = membershipInput?.memberGmvShare ?? 1;
  const pointsIssued = seriesOf(months, (m) => (points ? (funnel.gmv[m] ?? 0) * memberShare * points.earnPerYuan * multiplier : 0));
  const pointsCost = seriesOf(months, (m) => (points ? fen((pointsIssued[m] ?? 0) * points.redemptionRate * points.valuePerPoint) : 0));
  const pointsLiability = fen(total(pointsCost));

  // RFM: the structure; counts need order data.
  const rfmInput = users?.rfm;
  const rfm: RfmResult = {
    segments: (rfmInput?.segments ?? []).map((s) => ({ id: s.id, name: s.name, rule: s.rule, action: s.action, tier: s.tier ?? null, channel: s.channel ?? null })),
    cutoffs: rfmInput ? { recencyDays: [...rfmInput.recencyDays], frequency: [...rfmInput.frequency], monetary: [...rfmInput.monetary] } : null,
  };

  const u = (path: string) => ({ file: 'users.yaml', path });
  const curveInput: LabelledInput = curve ? { label: 'retentionCurve', value: { pairs: curve.map((p) => [p.month, p.rate] as const), units: ['number', 'rate'], join: 'colon' }, source: curveSource } : { label: 'retentionCurve', value: null };
  const startInput: LabelledInput = { label: 'startingMembers', value: start, unit: 'count', ...(membershipInput?.members ? { source: u('membership.members.start') } : {}) };
  return {
    aarrr,
    cohorts,
    activeCustomers,
    mau,
    dau,
    repurchaseRate,
    lifetime,
    membership: { members, tiers, pointsIssued, pointsCost, pointsLiability },
    rfm,
    explain: {
      aarrr: explainAs('users.aarrr', [
        { label: 'visitors', value: visitorsTotal, unit: 'count' },
        ...(lifecycle?.stages ?? []).flatMap((s, i): LabelledInput[] => (s.rate !== undefined ? [{ label: 'stageRate', of: ref('stage', s.id), value: s.rate, unit: 'rate', source: u(`lifecycle.stages[${i}].rate`) }] : [])),
      ]),
      cohorts: explainAs('users.cohorts', [curveInput]),
      activeCustomers: explainAs('users.activeCustomers', [curveInput, startInput]),
      mau: explainAs('users.mau'),
      dau: dauMau === undefined ? explainAs('users.dauNone') : explainAs('users.dau', [{ label: 'dauMau', value: dauMau, unit: 'rate', source: u('lifecycle.retention.dauMauRatio') }]),
      repurchaseRate: revenueStage
        ? explainAs('users.repurchaseStage', [{ label: 'stageRate', of: ref('stage', revenueStage.id), value: revenueStage.rate!, unit: 'rate', source: u(`lifecycle.stages[${revenueIndex}].rate`) }])
        : curve
          ? explainAs('users.repurchaseCurve', [curveInput])
          : explainAs('users.repurchaseNone'),
      lifetime: explainAs('users.lifetime', [
        curveInput,
        { label: 'ordersPerActiveMonth', value: lifetime.ordersPerActiveMonth, unit: 'number', ...(retentionInput?.ordersPerActiveMonth !== undefined ? { source: u('lifecycle.retention.ordersPerActiveMonth') } : {}) },
        { label: 'discountRate', value: lifetime.discountRate, unit: 'rate', ...(retentionInput?.discountRate !== undefined ? { source: u('lifecycle.retention.discountRate') } : {}) },
        { label: 'lifespanMonths', value: lifetime.lifespanMonths, unit: 'months', ...(retentionInput?.lifespanMonths !== undefined ? { source: u('lifecycle.retention.lifespanMonths') } : {}) },
      ]),
      members: explainAs('users.members', [startInput, { label: 'joinRate', value: joinRate, unit: 'rate', ...(membershipInput?.members ? { source: u('membership.members.monthlyJoinRate') } : {}) }]),
      pointsIssued: explainAs(points ? 'users.pointsIssued' : 'users.pointsNone', [
        { label: 'memberGmvShare', value: memberShare, unit: 'rate', ...(membershipInput?.memberGmvShare !== undefined ? { source: u('membership.memberGmvShare') } : {}) },
        ...(points ? [{ label: 'pointsPerYuan', value: points.earnPerYuan, unit: 'number', source: u('membership.points.earnPerYuan') } as const] : []),
        { label: 'weightedMultiplier', value: multiplier, unit: 'ratio' },
      ]),
      pointsCost: explainAs(
        'users.pointsCost',
        points
          ? [
              { label: 'redemptionRate', value: points.redemptionRate, unit: 'rate', source: u('membership.points.redemptionRate') },
              { label: 'valuePerPoint', value: points.valuePerPoint, unit: 'money', source: u('membership.points.valuePerPoint') },
            ]
          : [],
      ),
      pointsLiability: explainAs('users.pointsLiability', [{ label: 'pointsCost', value: pointsLiability, unit: 'money' }]),
    },
  };
}

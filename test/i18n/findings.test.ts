// Findings in words: one finding of every kind (and every variant of its facts) renders in both languages with
// the plan's names, formatted numbers and nothing left over from the machinery — no `{`, no `undefined`, no id
// of an entry that has a name — and so do the findings compute() gives on the example, the blank seed and a
// generated large plan.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { amount, ref, type EntityRef } from '../../src/model/facts.ts';
import { FINDING_KINDS, finding, type Finding, type FindingKind, type FindingOf } from '../../src/model/findings.ts';
import { findingHint, findingText, findingTitle } from '../../src/i18n/findings.ts';
import { LOCALES, type Locale } from '../../src/i18n/locale.ts';
import { nameOf, planNames, type PlanNames } from '../../src/i18n/names.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { generateLargePlan } from '../../scripts/gen-large-plan.ts';
import { folderFiles, minimalPlan } from '../helpers/plan.ts';
import { ROOT } from '../helpers/cli.ts';

/** Names in both languages for every id the samples use; the ids never appear in a sentence. */
const named = (id: string) => ({ id, name: { 'zh-CN': `名称${id.length}号${id.replace(/[a-z_-]/g, '')}`, en: `Name of ${id.toUpperCase().replace(/[-_]/g, ' ')}` } });
const input = {
  plan: { ...minimalPlan, currency: 'CNY' },
  products: { skus: [named('sku-a')] },
  channels: { channels: [named('chan-a'), named('chan-b')] },
  promotions: { promotions: [named('promo-a'), named('promo-b')] },
  marketing: { channels: [named('mkt-a')] },
  targets: { targets: [{ ...named('target-a'), milestones: [named('mile-a')] }] },
  kpis: { kpis: [named('kpi_a'), named('kpi_b'), named('kpi_c')] },
  risks: { risks: [{ id: 'risk-a', title: { 'zh-CN': '风险甲', en: 'Risk A title' } }] },
} as unknown as PlanInput;
const names = planNames(input);
const IDS = ['sku-a', 'chan-a', 'chan-b', 'promo-a', 'promo-b', 'mkt-a', 'target-a', 'mile-a', 'kpi_a', 'kpi_b', 'kpi_c', 'risk-a'];

const subject = (entity: EntityRef) => ({ entity, file: 'products' as const, path: ['x'] });
const rate = (v: number) => amount(v, 'rate');
const money = (v: number) => amount(v, 'money');
const count = (v: number) => amount(v, 'count');
/** A target of `value` judged through Dec 2027 against `projection`. */
const targetFacts = (value: number, projection: number, unit: 'money' | 'count') => ({
  metric: unit === 'money' ? ('gmv' as const) : ('mau' as const),
  through: '2027-12',
  target: amount(value, unit),
  projection: amount(projection, unit),
  gap: amount(projection - value, unit),
  attainment: value > 0 ? rate(projection / value) : null,
});

/** At least one finding of every kind (typecheck fails when a kind has none), with the variants of its facts. */
const SAMPLES: { [K in FindingKind]: Array<FindingOf<K>> } = {
  'promotion-margin': [finding('promotion-margin', subject(ref('promotion', 'promo-a')), { depth: rate(0.6), margin: rate(0.548) })],
  'promotion-below-break-even': [finding('promotion-below-break-even', subject(ref('promotion', 'promo-a')), { expectedUplift: rate(0.2), breakEvenUplift: rate(0.6667), depth: rate(0.2), margin: rate(0.5) })],
  'promotion-overlap': [
    finding('promotion-overlap', subject(ref('promotion', 'promo-a')), { other: ref('promotion', 'promo-b'), from: '2027-02-26', to: '2027-03-08', channels: [ref('channel', 'chan-a'), ref('channel', 'chan-b')] }),
    finding('promotion-overlap', subject(ref('promotion', 'promo-a')), { other: ref('promotion', 'promo-b'), from: '2027-02-26', to: '2027-03-08', channels: [] }),
  ],
  'stock-out': [
    finding('stock-out', subject(ref('sku', 'sku-a')), { months: ['2027-05', '2027-06'], shortfall: count(680.2), openingStock: count(600) }),
    finding('stock-out', subject(ref('sku', 'sku-a')), { months: ['2027-11'], shortfall: count(12), openingStock: null }),
  ],
  overstock: [
    finding('overstock', subject(ref('sku', 'sku-a')), { openingStock: count(1400), daysOfCover: amount(710.2, 'days'), maximumDays: amount(120, 'days'), horizonDays: null }),
    finding('overstock', subject(ref('sku', 'sku-a')), { openingStock: count(50), daysOfCover: null, maximumDays: amount(120, 'days'), horizonDays: null }),
    finding('overstock', subject(ref('sku', 'sku-a')), { openingStock: count(1400), daysOfCover: null, maximumDays: amount(120, 'days'), horizonDays: amount(365, 'days') }),
  ],
  'slow-seller': [
    finding('slow-seller', subject(ref('sku', 'sku-a')), {
      reasons: [
        { reason: 'phase-out' },
        { reason: 'months-of-cover', monthsOfCover: amount(23.33, 'months'), maximum: amount(4, 'months') },
        { reason: 'no-forecast', openingStock: count(30) },
        { reason: 'sell-through', sellThrough: rate(0.576), minimum: rate(0.6) },
      ],
    }),
  ],
  'margin-negative': [finding('margin-negative', subject(ref('sku', 'sku-a')), { price: money(24), netPrice: money(20), cost: money(25), unitMargin: money(-5) })],
  'price-mismatch': [
    finding('price-mismatch', subject(ref('sku', 'sku-a')), { listPrice: money(210), price: money(200), pricing: 'cost-plus', apart: rate(0.05) }),
    finding('price-mismatch', subject(ref('sku', 'sku-a')), { listPrice: money(210), price: money(200), pricing: 'competitor', apart: rate(0.05) }),
    finding('price-mismatch', subject(ref('sku', 'sku-a')), { listPrice: money(10), price: money(0), pricing: 'value', apart: null }),
  ],
  'risk-triggered': [
    finding('risk-triggered', subject(ref('risk', 'risk-a')), {
      kpi: ref('kpi', 'kpi_a'),
      operator: '>=',
      threshold: money(95),
      firings: [
        { period: '2027-03', basis: 'actual', value: money(101) },
        { period: '2027-Q2', basis: 'projection', value: money(99) },
        { period: 'all', basis: 'projection', value: money(97) },
      ],
    }),
  ],
  'target-gap': [
    finding('target-gap', subject(ref('target', 'target-a')), {
      ...targetFacts(150_000_000, 120_000_000, 'money'),
      status: 'red',
      threshold: rate(0.98),
      close: { driver: 'cvr', channel: ref('channel', 'chan-a'), from: rate(0.03), to: rate(0.0375), change: rate(0.25) },
    }),
    finding('target-gap', subject(ref('target', 'target-a')), { ...targetFacts(125_000, 113_100, 'count'), status: 'amber', threshold: rate(0.98), close: null }),
    finding('target-gap', subject(ref('target', 'target-a')), { ...targetFacts(0, -500_000, 'money'), attainment: null, status: 'red', threshold: rate(0.98), close: { driver: 'payroll', from: money(2_000_000), to: money(1_500_000), change: rate(-0.25) } }),
  ],
  'target-overshoot': [finding('target-overshoot', subject(ref('target', 'target-a')), { ...targetFacts(60_000_000, 70_200_000, 'money'), threshold: rate(0.1) })],
  'milestone-off-track': [finding('milestone-off-track', subject(ref('milestone', 'mile-a', 'target-a')), { target: ref('target', 'target-a'), month: '2027-06', asked: rate(0.5), planned: rate(0.45) })],
  'ltv-below-cac': [finding('ltv-below-cac', subject(ref('marketing-channel', 'mkt-a')), { ltv: money(192.29), cac: money(277.78) })],
  'roas-below-break-even': [finding('roas-below-break-even', subject(ref('marketing-channel', 'mkt-a')), { roas: amount(2.8, 'ratio'), breakEvenRoas: amount(3.66, 'ratio'), contributionRate: amount(0.2732, 'rate') })],
  'commission-twice': [finding('commission-twice', subject(ref('marketing-channel', 'mkt-a')), { channel: ref('channel', 'chan-a'), affiliate: rate(0.11), rate: rate(0.22) })],
  'kpi-division-by-zero': [finding('kpi-division-by-zero', subject(ref('kpi', 'kpi_a')), { formula: '(kpi_b - kpi_c) / kpi_c * 100', months: ['2027-02', '2027-05'] })],
  'out-of-range': [
    // a Douyin CVR of 40 % against the sourced livestream row; repurchase against an estimate; a partly sourced
    // row; the plan's own range; a finding the plan accepts with its reason
    finding('out-of-range', subject(ref('channel', 'chan-a')), { metric: 'cvr', value: rate(0.4), direction: 'above', low: rate(0.03), typical: rate(0.04), high: rate(0.08), source: { kind: 'reference', id: 'S6', year: 2025, confidence: 'sourced' } }),
    finding('out-of-range', subject(ref('channel', 'chan-a')), { metric: 'repurchase-rate', value: rate(0.9), direction: 'above', low: rate(0.25), typical: rate(0.35), high: rate(0.5), source: { kind: 'reference', id: 'INF', year: null, confidence: 'estimate' } }),
    finding('out-of-range', subject(ref('channel', 'chan-b')), { metric: 'cvr', value: rate(0.045), direction: 'above', low: rate(0.005), typical: rate(0.015), high: rate(0.03), source: { kind: 'reference', id: 'S24', year: 2022, confidence: 'estimate' } }),
    finding('out-of-range', subject(ref('marketing-channel', 'mkt-a')), { metric: 'roas', value: amount(450, 'ratio'), direction: 'above', low: amount(1.5, 'ratio'), typical: null, high: amount(5, 'ratio'), source: { kind: 'plan', evidence: { 'zh-CN': '2026 年店铺数据', en: '2026 store data' } } }),
    { ...finding('out-of-range', subject(ref('channel', 'chan-b')), { metric: 'june-peak', value: amount(1.08, 'ratio'), direction: 'below', low: amount(1.3, 'ratio'), typical: amount(1.7, 'ratio'), high: amount(2.2, 'ratio'), source: { kind: 'reference', id: 'INF', year: null, confidence: 'estimate' } }), severity: 'info', accepted: { reason: { 'zh-CN': '茶叶旺季在春节与双11', en: 'Tea peaks at Spring Festival and Singles’ Day' } } },
  ],
  'aov-gap': [
    finding('aov-gap', subject(ref('channel', 'chan-a')), { aov: money(133.34), statedAov: money(150), gap: rate(-0.111) }),
    finding('aov-gap', subject(ref('channel', 'chan-a')), { aov: money(187.59), statedAov: money(150), gap: rate(0.251) }),
  ],
  'forecast-gap': [
    finding('forecast-gap', subject(ref('sku', 'sku-a')), { unitsSold: count(123520), forecastUnits: count(240000), gap: rate(-0.485) }),
    finding('forecast-gap', subject(ref('sku', 'sku-a')), { unitsSold: count(360), forecastUnits: count(300), gap: rate(0.2) }),
  ],
  'kpi-overflow': [
    finding('kpi-overflow', subject(ref('kpi', 'kpi_a')), { formula: 'kpi_b * 1e200', months: ['2027-02'] }),
    finding('kpi-overflow', subject(ref('kpi', 'kpi_a')), { formula: 'kpi_b * 1e200', months: [] }),
  ],
};

/**
 * What no reader's sentence may hold: placeholders, undefined values, and ids where a name exists; with `words`,
 * a Chinese sentence holds no English words either (hints, for the people editing the plan, may name files).
 */
function expectReadable(text: string, locale: Locale, ids: readonly string[], where: string, words = true): void {
  expect(text.trim(), where).not.toBe('');
  expect(text, where).not.toMatch(/[{}]|undefined|NaN|Infinity|null|\[object/);
  for (const id of ids) expect(text, `${where}: shows the id "${id}"`).not.toMatch(new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`));
  // Chinese sentences carry no English words (acronyms such as GMV, LTV, CAC are fine).
  if (words && locale === 'zh-CN') expect(text, where).not.toMatch(/[a-z]{2,}/);
}

describe('findings in words', () => {
  it('has a sample and words for every kind', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...FINDING_KINDS].sort());
  });

  for (const locale of LOCALES) {
    for (const [kind, samples] of Object.entries(SAMPLES) as Array<[FindingKind, Finding[]]>) {
      it(`${locale}: ${kind}`, () => {
        for (const [i, f] of samples.entries()) {
          const text = findingText(f, locale, names);
          expectReadable(text, locale, IDS, `${kind}[${i}]`);
          expect(text, `${kind}[${i}] names its subject`).toContain(nameOf(names, f.subject.entity, locale));
          expectReadable(findingTitle(kind, locale), locale, IDS, `${kind} title`);
          expectReadable(findingHint(f, locale), locale, IDS, `${kind} hint`, false);
        }
      });
    }
  }

  it('writes the numbers of a finding in the reader’s style, and a KPI formula with the KPIs’ names', () => {
    const [stock] = SAMPLES['stock-out'];
    // The shortfall is rounded up to whole units: 680.2 → 681.
    expect(findingText(stock!, 'en', names)).toBe('“Name of SKU A”: projected stock runs out in May 2027 and Jun 2027 (up to 681 units short at a month’s end); opening stock 600 units.');
    const [, noDemand, outlasts] = SAMPLES.overstock;
    expect(findingText(noDemand!, 'en', names)).toContain('covers any time, with no forecast demand,');
    expect(findingText(outlasts!, 'en', names)).toContain('covers more than the plan’s 365 days of demand,');
    expect(findingText(outlasts!, 'zh-CN', names)).toContain('计划期 365 天内卖不完');
    const [aovLow, aovHigh] = SAMPLES['aov-gap'];
    expect(findingText(aovLow!, 'en', names)).toContain('(11.1% less)');
    expect(findingText(aovHigh!, 'zh-CN', names)).toContain('（高 25.1%）');
    const [gap, amber, noTarget] = SAMPLES['target-gap'];
    // ¥120m of ¥150m: ¥30m short, 120 ÷ 150 = 80 % attained; CVR 3 % → 3.75 % is +25 %
    expect(findingText(gap!, 'zh-CN', names)).toBe('目标「名称8号」：截至 2027年12月 预测 ¥12,000万，比目标 ¥15,000万 少 ¥3,000万（达成 80%，未达标）。补足缺口的最小单项调整：名称6号转化率：3% → 3.75%（+25%）。');
    expect(findingText(gap!, 'en', names)).toBe(
      'Target “Name of TARGET A”: the plan projects ¥120M through Dec 2027, ¥30M short of ¥150M (80% attained, Off track). The smallest single change that closes it: Name of CHAN A CVR: 3% → 3.75% (+25%).',
    );
    // 113,100 of 125,000 = 90.48 %; no plausible single change
    expect(findingText(amber!, 'en', names)).toBe('Target “Name of TARGET A”: the plan projects 113.1K through Dec 2027, 11.9K short of 125K (90.5% attained, At risk). No single plausible change closes it.');
    // a target of 0 has no attainment
    expect(findingText(noTarget!, 'en', names)).toMatch(/short of ¥0 \(Off track\)\. The smallest single change that closes it: Payroll: ¥2M → ¥1\.5M \(-25%\)\.$/);
    const [over] = SAMPLES['target-overshoot'];
    // ¥70.2m against ¥60m: ¥10.2m above, 70.2 ÷ 60 − 1 = 17 %
    expect(findingText(over!, 'en', names)).toBe('Target “Name of TARGET A”: the plan projects ¥70.2M through Dec 2027, ¥10.2M (17%) above ¥60M, more than the 10% the plan allows.');
    expect(findingText(over!, 'zh-CN', names)).toBe('目标「名称8号」：截至 2027年12月 预测 ¥7,020万，比目标 ¥6,000万 多 ¥1,020万（超出 17%），超过计划允许的 10%。');
    const [zero] = SAMPLES['kpi-division-by-zero'];
    expect(findingText(zero!, 'en', names)).toBe('The formula of “Name of KPI A” ((Name of KPI B − Name of KPI C) ÷ Name of KPI C × 100) divides by zero in Feb 2027 and May 2027; those months show 0.');
    const [risk] = SAMPLES['risk-triggered'];
    expect(findingText(risk!, 'zh-CN', names)).toBe('风险「风险甲」已触发：名称5号 ≥ ¥95，见于 2027年3月（实际）、2027年第2季度（预测）和全年（预测）。');
  });

  it('names the range, the typical value and its source, or the plan’s evidence and reason', () => {
    const [cvr, repurchase, partly, own, accepted] = SAMPLES['out-of-range'];
    expect(findingText(cvr!, 'en', names)).toBe('Name of CHAN A: conversion rate 40% is above the usual 3%–8% (typical 4%); source S6, 2025.');
    expect(findingText(cvr!, 'zh-CN', names)).toBe('名称6号：转化率 40%，高于常见区间 3%–8%（常见 4%）；来源 S6（2025 年）。');
    expect(findingText(repurchase!, 'en', names)).toContain('; a ShopPlan estimate, not checked against a source.');
    expect(findingText(partly!, 'en', names)).toContain('source S24, 2022, partly estimated');
    expect(findingText(own!, 'en', names)).toContain('the plan’s own range, from 2026 store data');
    expect(findingText(accepted!, 'en', names)).toMatch(/is below the usual 1\.3–2\.2 \(typical 1\.7\); a ShopPlan estimate, not checked against a source\. Accepted: Tea peaks at Spring Festival and Singles’ Day$/);
    expect(findingText(accepted!, 'zh-CN', names)).toMatch(/已确认：茶叶旺季在春节与双11$/);
  });

  it('falls back to the id only for an entry the plan gives no name', () => {
    const ghost = finding('stock-out', subject(ref('sku', 'ghost-sku')), { months: ['2027-03'], shortfall: count(2), openingStock: count(1) });
    expect(findingText(ghost, 'en', names)).toContain('“ghost-sku”');
  });
});

describe('findings of real plans in words', () => {
  const plans: Array<[string, () => { dir: string; cleanup?: () => void }]> = [
    ['the example', () => ({ dir: join(ROOT, 'content') })],
    ['the blank seed', () => ({ dir: join(ROOT, 'seeds/blank') })],
    [
      'a generated large plan',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'shopplan-findings-'));
        generateLargePlan(dir, { skus: 400, channels: 12, months: 24 });
        return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
      },
    ],
  ];
  for (const [label, make] of plans) {
    it(`renders every finding of ${label} in both languages, at a line of its plan`, () => {
      const { dir, cleanup } = make();
      try {
        const check = checkPlanFiles('plan', folderFiles(dir));
        const result = check.result!;
        expect(result, label).toBeDefined();
        const plan = planNames(check.input!);
        const ids = namedIds(check.input!, plan);
        for (const f of result.findings) for (const locale of LOCALES) expectReadable(findingText(f, locale, plan), locale, ids, `${label} ${f.kind} ${f.subject.entity.id}`);
        // every finding is a diagnostic at a line of the file it names
        const located = check.diagnostics.filter((d) => FINDING_KINDS.includes(d.code as FindingKind));
        expect(located.length).toBe(result.findings.length);
        for (const d of located) expect([d.file.startsWith('plan/'), d.startLine >= 1], `${d.code} ${d.path}`).toEqual([true, true]);
      } finally {
        cleanup?.();
      }
    });
  }
});

/** Ids of the plan's entries that have a name in both languages (their sentences must show the name). */
function namedIds(plan: PlanInput, names: PlanNames): string[] {
  const lists = [plan.products?.skus, plan.channels?.channels, plan.promotions?.promotions, plan.marketing?.channels, plan.targets?.targets, plan.kpis?.kpis];
  const out = new Set<string>();
  for (const [entity, list] of (['sku', 'channel', 'promotion', 'marketing-channel', 'target', 'kpi'] as const).map((e, i) => [e, lists[i]] as const)) {
    for (const e of list ?? []) {
      const name = names.of({ entity, id: e.id });
      // A name written the same as another entry's id (e.g. `GMV` for a KPI `gmv`) is not an id on show.
      // So is an id that an English name spells out (the channel `mini-program` named "WeChat mini-program store").
      if (name && typeof name === 'object' && name['zh-CN'] && name.en && e.id.length > 3 && !name.en.toLowerCase().includes(e.id)) out.add(e.id);
    }
  }
  return [...out];
}

// The engine's warnings in the reader's language: one sentence per warning kind, with the plan's own names
// (localText()) and the result's numbers (formatted, never computed). When a warning's data cannot be found in the
// result, the engine's English message is shown as it is.
import type { Warning } from '../model/result/series.ts';
import type { SiteData } from './site-data.ts';
import { formatDate, formatExact, formatGrowth, formatMonth, formatPeriod, formatValue, joinList } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';
import { localText } from '../i18n/text.ts';

type Kind = Warning['kind'];

const KIND_LABELS: Record<Kind, Record<Locale, string>> = {
  'promotion-below-break-even': { 'zh-CN': '促销低于保本', en: 'Promotion below break-even' },
  'promotion-overlap': { 'zh-CN': '促销重叠', en: 'Overlapping promotions' },
  'stock-out': { 'zh-CN': '缺货风险', en: 'Stock-out' },
  overstock: { 'zh-CN': '库存积压', en: 'Overstock' },
  'slow-seller': { 'zh-CN': '滞销品', en: 'Slow seller' },
  'risk-triggered': { 'zh-CN': '风险触发', en: 'Risk triggered' },
  'target-gap': { 'zh-CN': '目标缺口', en: 'Target gap' },
  'milestone-off-track': { 'zh-CN': '里程碑偏离', en: 'Milestone off track' },
  'margin-negative': { 'zh-CN': '负毛利', en: 'Negative margin' },
  'ltv-below-cac': { 'zh-CN': 'LTV 低于 CAC', en: 'LTV below CAC' },
  'kpi-division-by-zero': { 'zh-CN': '指标除以零', en: 'KPI divides by zero' },
  'kpi-overflow': { 'zh-CN': '指标数值溢出', en: 'KPI beyond range' },
};

/** The badge label of a warning kind; the kind itself when it is unknown. */
export function warningKindLabel(kind: string, locale: Locale): string {
  return KIND_LABELS[kind as Kind]?.[locale] ?? kind;
}

/** Whole units rounded up, as the engine's stock-out message does (reorder points are fractional). */
function ceilCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, roundingMode: 'ceil' }).format(value);
}

const q = (name: string, locale: Locale) => (locale === 'zh-CN' ? `「${name}」` : `“${name}”`);

export function warningText(w: Warning, locale: Locale, data: SiteData): string {
  try {
    return localized(w, locale, data) ?? w.message;
  } catch {
    return w.message;
  }
}

function localized(w: Warning, locale: Locale, data: SiteData): string | undefined {
  const { input, result } = data;
  const zh = locale === 'zh-CN';
  const cur = result.meta.currency;
  const rate = (x: number) => formatValue(x, 'rate', locale, { currency: cur });
  const money = (x: number) => formatValue(x, 'money', locale, { currency: cur });
  const skuName = (id: string) => localText(result.products.skus[id]?.name ?? input.products?.skus?.find((s) => s.id === id)?.name, locale) || id;
  const channelName = (id: string) => localText(input.channels?.channels?.find((c) => c.id === id)?.name, locale) || id;
  const id = w.ref.id;

  switch (w.kind) {
    case 'promotion-below-break-even': {
      const p = result.promotions[id];
      if (!p || p.margin === null) return undefined;
      const name = q(localText(p.name, locale) || id, locale);
      if (p.breakEvenUplift === null) {
        return zh
          ? `促销${name}让利 ${rate(p.depth)}，而相关商品毛利率只有 ${rate(p.margin)}：无论销量提升多少，每一单都亏损。`
          : `Promotion ${name} gives away ${rate(p.depth)} of the price but its SKUs earn a margin of only ${rate(p.margin)}: every sale loses money, whatever the uplift.`;
      }
      return zh
        ? `促销${name}预计销量提升 ${formatGrowth(p.expectedUplift, locale)}，但需提升 ${formatGrowth(p.breakEvenUplift, locale)} 才能保本（让利 ${rate(p.depth)}，毛利率 ${rate(p.margin)}）。`
        : `Promotion ${name} expects ${formatGrowth(p.expectedUplift, locale)} sales but needs ${formatGrowth(p.breakEvenUplift, locale)} to break even (depth ${rate(p.depth)}, margin ${rate(p.margin)}).`;
    }

    case 'promotion-overlap': {
      const a = result.promotions[id];
      if (!a) return undefined;
      // The warning names the other promotion only in its message; without it, a single overlap is unambiguous.
      const named = /^Promotions "([^"]+)" and "([^"]+)"/.exec(w.message);
      const otherId = named && named[1] === id ? named[2] : a.overlaps.length === 1 ? a.overlaps[0] : undefined;
      const b = otherId ? result.promotions[otherId] : undefined;
      if (!b) return undefined;
      const from = a.start > b.start ? a.start : b.start;
      const to = a.end < b.end ? a.end : b.end;
      const shared = a.channels.filter((c) => b.channels.includes(c)).map(channelName);
      const names = `${q(localText(a.name, locale) || a.id, locale)}${zh ? '与' : ' and '}${q(localText(b.name, locale) || b.id, locale)}`;
      return zh
        ? `促销${names}在 ${formatDate(from, locale)} 至 ${formatDate(to, locale)} 期间重叠${shared.length ? `（${joinList(shared, locale)}）` : ''}：折扣可能叠加，销量提升不能简单相加。`
        : `Promotions ${names} overlap from ${formatDate(from, locale)} to ${formatDate(to, locale)}${shared.length ? ` on ${joinList(shared, locale)}` : ''}: their discounts may stack and their uplifts are not additive.`;
    }

    case 'stock-out': {
      const s = result.supply.skus[id];
      if (!s || s.openingStock === null) return undefined;
      const name = q(skuName(id), locale);
      const stock = formatExact(s.openingStock, 'count', locale);
      return zh
        ? `${name}期初库存 ${stock} 件，低于再订货点 ${ceilCount(s.reorderPoint, locale)} 件（安全库存 ${ceilCount(s.safetyStock, locale)} 件），请立即补货。`
        : `${name}: opening stock of ${stock} units is below the reorder point of ${ceilCount(s.reorderPoint, locale)} (safety stock ${ceilCount(s.safetyStock, locale)}); order now.`;
    }

    case 'overstock': {
      const s = result.supply.skus[id];
      const maxDays = input.supply?.inventory?.maxDaysOfInventory;
      if (!s || s.openingStock === null || maxDays === undefined) return undefined;
      const name = q(skuName(id), locale);
      const stock = formatExact(s.openingStock, 'count', locale);
      const days = formatExact(maxDays, 'number', locale);
      return zh
        ? `${name}期初库存 ${stock} 件，可售天数超过库存天数上限 ${days} 天。`
        : `${name}: opening stock of ${stock} units covers more than the maximum ${days} days of inventory.`;
    }

    case 'slow-seller': {
      const sku = result.products.skus[id];
      if (!sku) return undefined;
      const rule = input.products?.slowSeller;
      const reasons: string[] = [];
      if (sku.status === 'phase-out') reasons.push(zh ? '处于淘汰清仓状态' : 'it is being phased out');
      if (sku.monthsOfCover !== null && rule?.maxMonthsOfCover !== undefined && sku.monthsOfCover > rule.maxMonthsOfCover) {
        const cover = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(sku.monthsOfCover);
        const max = formatExact(rule.maxMonthsOfCover, 'number', locale);
        reasons.push(zh ? `期初库存可覆盖 ${cover} 个月的预测销量（上限 ${max} 个月）` : `opening stock covers ${cover} months of forecast sales (more than ${max})`);
      }
      if (sku.openingStock !== null && sku.openingStock > 0 && sku.monthsOfCover === null) {
        const stock = formatExact(sku.openingStock, 'count', locale);
        reasons.push(zh ? `有期初库存 ${stock} 件但没有预测销量` : `opening stock of ${stock} units against no forecast sales`);
      }
      if (sku.sellThrough !== null && rule?.minSellThrough !== undefined && sku.sellThrough < rule.minSellThrough) {
        reasons.push(zh ? `去年售罄率 ${rate(sku.sellThrough)}，低于 ${rate(rule.minSellThrough)}` : `last year's sell-through of ${rate(sku.sellThrough)} is below ${rate(rule.minSellThrough)}`);
      }
      // The engine gives its reasons as English text only; show ours only when they are the same reasons.
      if (reasons.length === 0 || reasons.length !== sku.slowReasons.length) return undefined;
      return zh ? `${q(skuName(id), locale)}是滞销品：${reasons.join('；')}。` : `${q(skuName(id), locale)} is a slow seller: ${reasons.join('; ')}.`;
    }

    case 'risk-triggered': {
      const r = result.risks.items[id];
      if (!r || !r.trigger || r.fired.length === 0) return undefined;
      const kpi = result.kpis[r.trigger.kpi];
      const kpiName = localText(kpi?.name, locale) || r.trigger.kpi;
      const threshold = formatValue(r.trigger.threshold, kpi?.unit ?? 'number', locale, { currency: cur });
      const periods = joinList(
        r.fired.map((f) => `${formatPeriod(f.period, locale)}${f.basis === 'actual' ? (zh ? '（实际）' : ' (actual)') : zh ? '（预测）' : ' (projection)'}`),
        locale,
      );
      return zh
        ? `风险${q(localText(r.title, locale) || id, locale)}已触发：${kpiName} ${r.trigger.operator} ${threshold}，见于 ${periods}。`
        : `Risk ${q(localText(r.title, locale) || id, locale)} is triggered: ${kpiName} ${r.trigger.operator} ${threshold} in ${periods}.`;
    }

    case 'target-gap': {
      const g = result.gaps[id];
      const target = result.targets[id];
      if (!g || g.gapShare === null) return undefined;
      const name = q(localText(input.targets?.targets?.find((x) => x.id === id)?.name, locale) || id, locale);
      const gap = formatExact(g.totalGap, target?.unit ?? 'number', locale, { currency: cur });
      return zh
        ? `渠道漏斗的自下而上预测低于目标${name}：差距 ${formatGrowth(g.gapShare, locale)}（${gap}）。`
        : `The channel funnel falls short of target ${name}: a gap of ${formatGrowth(g.gapShare, locale)} (${gap}).`;
    }

    case 'milestone-off-track': {
      const target = result.targets[id];
      const m = target?.milestones.find((x) => x.onTrack === false && x.month === w.month) ?? (target?.milestones.filter((x) => x.onTrack === false).length === 1 ? target.milestones.find((x) => x.onTrack === false) : undefined);
      if (!target || !m || m.cumulativeShare === undefined || m.plannedShare === undefined) return undefined;
      const targetName = q(localText(input.targets?.targets?.find((x) => x.id === id)?.name, locale) || id, locale);
      const name = q(localText(m.name, locale) || m.id, locale);
      return zh
        ? `目标${targetName}的里程碑${name}要求在 ${formatMonth(m.month, locale)} 前完成 ${rate(m.cumulativeShare)}，而月度计划只达到 ${rate(m.plannedShare)}。`
        : `Milestone ${name} of target ${targetName} asks for ${rate(m.cumulativeShare)} by ${formatMonth(m.month, locale)}; the monthly plan reaches ${rate(m.plannedShare)}.`;
    }

    case 'margin-negative': {
      const sku = result.products.skus[id];
      if (!sku) return undefined;
      const name = q(skuName(id), locale);
      return zh
        ? `${name}低于成本销售：含税售价 ${money(sku.price)}，成本 ${money(sku.cost)}，单件毛利 ${money(sku.unitMargin)}。`
        : `${name} sells below cost: price ${money(sku.price)} incl. VAT, cost ${money(sku.cost)}, margin ${money(sku.unitMargin)} a unit.`;
    }

    case 'ltv-below-cac': {
      const c = result.marketing.channels[id];
      if (!c || c.ltv === null || c.cac === null) return undefined;
      const name = localText(input.marketing?.channels?.find((x) => x.id === id)?.name, locale) || id;
      const ltv = formatExact(c.ltv, 'money', locale, { currency: cur });
      const cac = formatExact(c.cac, 'money', locale, { currency: cur });
      return zh
        ? `${name}：用户终身价值（LTV）${ltv} 低于获客成本（CAC）${cac}，每获得一位新客都在亏钱。`
        : `${name}: lifetime value (LTV) ${ltv} is below the acquisition cost (CAC) ${cac}; each new customer loses money.`;
    }

    case 'kpi-division-by-zero': {
      const kpi = result.kpis[id];
      // The months are only in the message.
      const tail = w.message.split('divides by zero in')[1]?.split(';')[0] ?? '';
      const months = tail.match(/\d{4}-\d{2}/g);
      if (!kpi || !months?.length) return undefined;
      const name = q(localText(kpi.name, locale) || id, locale);
      const list = joinList(months.map((m) => formatMonth(m, locale)), locale);
      const formula = kpi.formula ? (zh ? `（${kpi.formula}）` : ` (${kpi.formula})`) : '';
      return zh
        ? `指标${name}的公式${formula}在 ${list} 出现除以零，这些月份显示为 0。`
        : `The formula of ${name}${formula} divides by zero in ${list}; those months show 0.`;
    }

    default:
      return undefined;
  }
}

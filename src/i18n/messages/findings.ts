// The sentences of the engine's findings (src/model/findings.ts), one set per kind: a short title (badges,
// headings), the sentence, and what to do about it (the hint: no arguments, it also documents the code in
// docs/diagnostics.md). Arguments are formatted by ../findings.ts: `{name}` is the subject's name, amounts are
// formatted in the locale, lists are joined. `satisfies Record<FindingKind, …>`
// fails typecheck when a kind has no words. Keys: `finding.<kind>.<title|text|hint>`, `finding.reason.*`.
import type { FindingKind, PlausibilityMetric, SlowReason } from '../../model/findings.ts';
import { prefixed, type Message } from './message.ts';

interface FindingMessages {
  title: Message;
  text: Message;
  hint: Message;
}

const kinds = {
  'promotion-margin': {
    title: { 'zh-CN': '促销亏本', en: 'Promotion loses money' },
    text: {
      'zh-CN': '促销「{name}」让利 {depth}（折扣、优惠券和赠品，扣除平台补贴），而在售商品的毛利率只有 {margin}（按不含税售价）：无论销量提升多少，每一单都亏损。',
      en: 'Promotion “{name}” gives away {depth} of the price (discounts, coupons and gifts, less platform subsidies), but the SKUs on offer earn a gross margin of only {margin} (on the price excl. VAT): it loses money on every sale, whatever the uplift.',
    },
    hint: {
      'zh-CN': '让利须低于毛利率：减少或降低折扣、优惠券、赠品，或改用毛利更高的商品参加促销；否则销量越大亏得越多。',
      en: 'Keep the depth below the margin — fewer or smaller discounts, coupons or gifts — or put SKUs with a higher margin on offer: otherwise every sale in the promotion loses money, however many more are sold.',
    },
  },
  'promotion-below-break-even': {
    title: { 'zh-CN': '促销低于保本', en: 'Promotion below break-even' },
    text: {
      'zh-CN': '促销「{name}」预计销量提升 {expectedUplift}，但需提升 {breakEvenUplift} 才能保本（让利 {depth}，毛利率 {margin}）。',
      en: 'Promotion “{name}” expects {expectedUplift} sales but needs {breakEvenUplift} to break even (depth {depth}, margin {margin}).',
    },
    hint: {
      'zh-CN': '降低让利、提高预期销量提升的依据，或改用毛利更高的商品；保本提升 = 让利 ÷（毛利率 − 让利）。',
      en: 'Make the discount shallower, back a higher uplift with evidence, or offer SKUs with a higher margin; break-even uplift = depth ÷ (margin − depth).',
    },
  },
  'promotion-overlap': {
    title: { 'zh-CN': '促销重叠', en: 'Overlapping promotions' },
    text: {
      'zh-CN': '促销「{name}」与「{other}」在 {from} 至 {to} 期间重叠{channels, select, none {} other {（{channels}）}}：折扣可能叠加，销量提升不能简单相加。',
      en: 'Promotions “{name}” and “{other}” overlap from {from} to {to}{channels, select, none {} other { on {channels}}}: their discounts may stack and their uplifts are not additive.',
    },
    hint: {
      'zh-CN': '确认两个促销可以叠加；否则错开日期或渠道，并按叠加后的让利重估销量提升。',
      en: 'Make sure the two may stack; otherwise move their dates or channels apart, and estimate the uplift for the combined discount.',
    },
  },
  'stock-out': {
    title: { 'zh-CN': '缺货风险', en: 'Stock-out' },
    text: {
      'zh-CN': '「{name}」的预计库存在 {months} 售罄（月末最多缺 {shortfall} 件）{openingStock, select, none {} other {，期初库存 {openingStock} 件}}。',
      en: '“{name}”: projected stock runs out in {months} (up to {shortfall} units short at a month’s end){openingStock, select, none {} other {; opening stock {openingStock} units}}.',
    },
    hint: {
      'zh-CN': '提前下采购单（按交期在旺季前到货）、提高期初库存，或核对 supply.yaml 中的交期和供货月份。',
      en: 'Order earlier (so goods arrive before the peak, allowing for the lead time), hold more opening stock, or check the lead time and delivery months in supply.yaml.',
    },
  },
  overstock: {
    title: { 'zh-CN': '库存积压', en: 'Overstock' },
    text: {
      'zh-CN': '「{name}」期初库存 {openingStock} 件，{days, select, none {没有预测需求，永远卖不完} beyond {计划期 {horizonDays} 天内卖不完} other {可售 {days} 天}}，超过库存天数上限 {maximumDays} 天。',
      en: '“{name}”: opening stock of {openingStock} units covers {days, select, none {any time, with no forecast demand} beyond {more than the plan’s {horizonDays} days of demand} other {{days} days of demand}}, more than the maximum of {maximumDays} days.',
    },
    hint: {
      'zh-CN': '暂停补货，用促销或清仓消化库存，或调高预测销量。',
      en: 'Stop reordering, sell the stock down with a promotion or clearance, or raise the sales forecast.',
    },
  },
  'slow-seller': {
    title: { 'zh-CN': '滞销品', en: 'Slow seller' },
    text: { 'zh-CN': '「{name}」是滞销品：{reasons}。', en: '“{name}” is a slow seller: {reasons}.' },
    hint: {
      'zh-CN': '安排清仓或组合销售，停止补货，或在 products.yaml 中调整滞销标准。',
      en: 'Plan a clearance or bundle, stop reordering, or adjust the slow-seller rule in products.yaml.',
    },
  },
  'margin-negative': {
    title: { 'zh-CN': '负毛利', en: 'Negative margin' },
    text: {
      'zh-CN': '「{name}」低于成本销售：含税售价 {price}（不含税 {netPrice}），成本 {cost}，单件毛利 {unitMargin}。',
      en: '“{name}” sells below cost: a price of {price} incl. VAT is {netPrice} without VAT, under its cost of {cost} ({unitMargin} a unit).',
    },
    hint: {
      'zh-CN': '提高售价（定价方法的输入），或降低采购成本；成本按不含税计，售价按含税计。',
      en: 'Raise the price (the pricing method’s inputs) or lower the cost; costs exclude VAT, prices include it.',
    },
  },
  'price-mismatch': {
    title: { 'zh-CN': '标价与定价不符', en: 'List price differs' },
    text: {
      'zh-CN': '「{name}」标价 {listPrice}，但按{pricing, select, costPlus {成本加成定价} competitor {竞争导向定价} other {价值定价}}计算为 {price}{apart, select, none {} other {，相差 {apart}}}。',
      en: '“{name}” lists {listPrice}, but its {pricing, select, costPlus {cost-plus pricing} competitor {competitor-based pricing} other {value price}} gives {price}{apart, select, none {} other {: {apart} apart}}.',
    },
    hint: {
      'zh-CN': '更新标价（listPrice），或调整定价输入（加成率、参考价、定位、价值定价），使两者一致。',
      en: 'Update `listPrice`, or the pricing inputs (markup, reference price, position, value price), so the two agree.',
    },
  },
  'risk-triggered': {
    title: { 'zh-CN': '风险触发', en: 'Risk triggered' },
    text: {
      'zh-CN': '风险「{name}」已触发：{kpi} {operator} {threshold}，见于 {firings}。',
      en: 'Risk “{name}” is triggered: {kpi} {operator} {threshold} in {firings}.',
    },
    hint: {
      'zh-CN': '启动该风险的应急预案，并复核相关指标的计划。',
      en: 'Start the risk’s contingency plan and review the plan of the KPI.',
    },
  },
  'target-gap': {
    title: { 'zh-CN': '目标缺口', en: 'Target gap' },
    text: {
      'zh-CN':
        '目标「{name}」：截至 {through} 预测 {projection}，比目标 {target} 少 {gap}（{attainment, select, none {} other {达成 {attainment}，}}{status}）。{close, select, none {没有任何单项合理调整能够补足。} other {补足缺口的最小单项调整：{close}。}}',
      en: 'Target “{name}”: the plan projects {projection} through {through}, {gap} short of {target} ({attainment, select, none {} other {{attainment} attained, }}{status}).{close, select, none { No single plausible change closes it.} other { The smallest single change that closes it: {close}.}}',
    },
    hint: {
      'zh-CN': '调整目标页（或 `shopplan compute` 输出）列出的某一项驱动因素：转化率、访客数、价格、营销投入或成本；或写明理由后下调目标。状态阈值在 targets.yaml 的 `thresholds` 中设置。',
      en: 'Change one of the drivers the targets page and `shopplan compute` list (conversion, visitors, price, marketing, costs), or lower the target with a reason; the status thresholds are set in targets.yaml `thresholds`.',
    },
  },
  'target-overshoot': {
    title: { 'zh-CN': '大幅超出目标', en: 'Target overshot' },
    text: {
      'zh-CN': '目标「{name}」：截至 {through} 预测 {projection}，比目标 {target} 多 {gap}（超出 {over}），超过计划允许的 {threshold}。',
      en: 'Target “{name}”: the plan projects {projection} through {through}, {gap} ({over}) above {target}, more than the {threshold} the plan allows.',
    },
    hint: {
      'zh-CN': '大幅超出目标通常说明某项假设过于乐观（转化率、流量、增长、价格）：请对照参考区间核查；若计划无误，请上调目标，或调高 targets.yaml 中的 `overshoot` 阈值。',
      en: 'A projection this far above its target usually rests on an optimistic assumption (conversion, traffic, growth, price): check them against the published ranges; if the plan is right, raise the target or the `overshoot` threshold in targets.yaml.',
    },
  },
  'milestone-off-track': {
    title: { 'zh-CN': '里程碑偏离', en: 'Milestone off track' },
    text: {
      'zh-CN': '目标「{target}」的里程碑「{name}」要求在 {month} 前完成 {asked}，而月度计划只达到 {planned}。',
      en: 'Milestone “{name}” of target “{target}” asks for {asked} by {month}; the monthly plan reaches {planned}.',
    },
    hint: {
      'zh-CN': '调整目标的季节性分配，或修改里程碑的时间或比例。',
      en: 'Change the target’s seasonality profile, or the milestone’s month or share.',
    },
  },
  'ltv-below-cac': {
    title: { 'zh-CN': 'LTV 低于 CAC', en: 'LTV below CAC' },
    text: {
      'zh-CN': '「{name}」：用户终身价值（LTV）{ltv} 低于获客成本（CAC）{cac}，每获得一位新客都在亏钱。',
      en: '“{name}”: lifetime value (LTV) {ltv} is below the acquisition cost (CAC) {cac}; each new customer loses money.',
    },
    hint: {
      'zh-CN': '降低该渠道的投放或出价、提高转化率，或把预算移到 LTV/CAC 更高的渠道。',
      en: 'Cut the channel’s spend or bids, raise its conversion, or move budget to channels with a higher LTV/CAC.',
    },
  },
  'roas-below-break-even': {
    title: { 'zh-CN': 'ROAS 低于保本', en: 'ROAS below break-even' },
    text: {
      'zh-CN': '「{name}」的目标 ROAS {roas} 低于保本 ROAS {breakEvenRoas}：所带动渠道每 1 元 GMV 只留下 {contributionRate} 的贡献（扣除退货、增值税、货品成本、平台与支付费用和履约后），按目标投产比投放，每花 1 元都在亏钱。',
      en: '“{name}” targets a ROAS of {roas}, below its break-even ROAS of {breakEvenRoas}: the sales channels it drives keep {contributionRate} of each yuan of GMV as contribution (after returns, VAT, cost of goods, platform and payment fees and fulfilment), so at the target every yuan of spend loses money.',
    },
    hint: {
      'zh-CN': '把目标 ROAS 提到保本以上（更精准的人群、素材或出价），提高所带动渠道的毛利或降低费用，或减少该渠道预算；若为拉新有意亏损投放，请在 plan.yaml 的 assumptions.accepted 中写明理由。',
      en: 'Raise the target ROAS above break-even (sharper audiences, creative or bids), raise the driven channels’ margin or cut their fees, or cut the budget; if the channel buys new customers at a loss on purpose, accept the finding with the reason in plan.yaml assumptions.accepted.',
    },
  },
  'commission-twice': {
    title: { 'zh-CN': '佣金重复计算', en: 'Commission counted twice' },
    text: {
      'zh-CN': '「{name}」按成交付佣（佣金率 {rate}），而它带动的「{channel}」的平台费用里已有占全部净销售额 {affiliate} 的达人/淘客佣金：同一笔达人佣金被算了两次，利润被低估。',
      en: '“{name}” pays a commission on the sales it brings ({rate}), while “{channel}”, which it drives, already pays affiliates {affiliate} of all its net sales in its fees: the same commission is counted twice, understating profit.',
    },
    hint: {
      'zh-CN': '佣金只记一处：要么保留渠道 fees.affiliate（按全店净销售额摊算），去掉这里的 CPS 预算；要么把 fees.affiliate 设为 0，用这里的 CPS 预算记达人佣金。若这笔预算其实是坑位费或样品费，请把 pricing 改为 fixed。',
      en: 'Count the commission in one place: keep the channel’s fees.affiliate (spread over all its net sales) and drop this CPS budget, or set fees.affiliate to 0 and let this CPS budget carry the creators’ commission. If this budget is really slot fees or samples, make its pricing fixed.',
    },
  },
  'kpi-division-by-zero': {
    title: { 'zh-CN': '指标除以零', en: 'KPI divides by zero' },
    text: {
      'zh-CN': '指标「{name}」的公式（{formula}）在 {months} 出现除以零，这些月份显示为 0。',
      en: 'The formula of “{name}” ({formula}) divides by zero in {months}; those months show 0.',
    },
    hint: {
      'zh-CN': '这些月份没有数值；检查公式中作除数的指标。',
      en: 'Those months have no value; check the inputs the formula divides by.',
    },
  },
  'kpi-overflow': {
    title: { 'zh-CN': '指标数值溢出', en: 'KPI beyond range' },
    text: {
      'zh-CN': '指标「{name}」的公式（{formula}）{months, select, none {在全年合计上} other {在 {months}}}得出超出数值范围的结果。',
      en: 'The formula of “{name}” ({formula}) gives a number beyond what a number can hold {months, select, none {for the whole plan} other {in {months}}}.',
    },
    hint: {
      'zh-CN': '检查公式中的常数和相乘的指标：例如误写的 1e300，或漏掉的除法。',
      en: 'Check the constants and the KPIs the formula multiplies: a slip such as 1e300 or a missing division.',
    },
  },
  'out-of-range': {
    title: { 'zh-CN': '超出参考区间', en: 'Outside published range' },
    text: {
      'zh-CN': '{name}：{metric} {value}，{direction, select, above {高于} other {低于}}常见区间 {low}–{high}{typical, select, none {} other {（常见 {typical}）}}；{source}。',
      en: '{name}: {metric} {value} is {direction, select, above {above} other {below}} the usual {low}–{high}{typical, select, none {} other { (typical {typical})}}; {source}.',
    },
    hint: {
      'zh-CN': '改为有依据的数值；若确有依据，在 plan.yaml 的 assumptions.ranges 中给出自有区间及依据，或在 assumptions.accepted 中写明理由接受该发现（见 docs/plausibility.md）。',
      en: 'Use a value you can back up; if the plan has its own evidence, give its range in plan.yaml `assumptions.ranges`, or accept the finding with the reason in `assumptions.accepted` (docs/plausibility.md).',
    },
  },
  'aov-gap': {
    title: { 'zh-CN': '客单价不符', en: 'AOV gap' },
    text: {
      'zh-CN': '「{name}」计划客单价 {statedAov}，按所售商品计算为 {aov}（{direction, select, more {高} other {低}} {gap}）。',
      en: '“{name}” states an AOV of {statedAov}; the SKUs it sells give {aov} per order ({gap} {direction, select, more {more} other {less}}).',
    },
    hint: {
      'zh-CN': '客单价由所售商品算出：调整渠道的商品结构（mix）、连带率（unitsPerOrder）、日常折扣（everydayDiscount）或商品售价，或更新计划客单价（funnel.aov）。',
      en: 'The AOV is computed from the products sold: adjust the channel’s `mix`, `unitsPerOrder`, `everydayDiscount` or the SKUs’ prices until it matches what you expect, or update the stated `funnel.aov`.',
    },
  },
  'forecast-gap': {
    title: { 'zh-CN': '预测不符', en: 'Forecast gap' },
    text: {
      'zh-CN': '「{name}」各渠道合计售出 {unitsSold} 件，比预测的 {forecastUnits} 件（月销量 × 在售月数）{direction, select, more {多} other {少}} {gap}。',
      en: '“{name}”: the channels sell {unitsSold} units, {gap} {direction, select, more {more} other {fewer}} than its forecast of {forecastUnits} (monthly units × months on sale).',
    },
    hint: {
      'zh-CN': '把预测改为渠道实际能卖出的数量，或调整渠道的商品结构（mix），让该商品（或其品类）得到预期的份额。',
      en: 'Update the forecast to what the channels sell, or change the channels’ `mix` so the SKU (or its category) gets the share you expect.',
    },
  },
} as const satisfies Record<FindingKind, FindingMessages>;

/** One reason of a slow seller, joined into `{reasons}`. */
const reasons = {
  'phase-out': { 'zh-CN': '处于淘汰清仓状态', en: 'it is being phased out' },
  'months-of-cover': {
    'zh-CN': '期初库存可覆盖 {monthsOfCover} 个月的预计销量（上限 {maximum} 个月）',
    en: 'opening stock covers {monthsOfCover} months of projected sales (more than {maximum})',
  },
  'no-forecast': { 'zh-CN': '有期初库存 {openingStock} 件但没有预测销量', en: 'opening stock of {openingStock} units against no forecast sales' },
  'sell-through': { 'zh-CN': '去年售罄率 {sellThrough}，低于 {minimum}', en: 'last year’s sell-through of {sellThrough} is below {minimum}' },
} as const satisfies Record<SlowReason['reason'], Message>;

/** One period in which a risk's trigger fired, joined into `{firings}`. */
const firing = { 'zh-CN': '{period}（{basis, select, actual {实际} other {预测}}）', en: '{period} ({basis, select, actual {actual} other {projection}})' } as const satisfies Message;

/** What a plausibility range is about, as `{metric}` of the out-of-range sentence. */
const metrics = {
  cvr: { 'zh-CN': '转化率', en: 'conversion rate' },
  'return-rate': { 'zh-CN': '退货退款率', en: 'return rate' },
  'traffic-growth': { 'zh-CN': '访客月环比增长', en: 'monthly traffic growth' },
  commission: { 'zh-CN': '平台佣金率', en: 'platform commission' },
  'fee-share': { 'zh-CN': '平台与支付费用占 GMV', en: 'platform and payment fees as a share of GMV' },
  aov: { 'zh-CN': '客单价', en: 'average order value' },
  'shipping-per-order': { 'zh-CN': '每单快递费', en: 'shipping per order' },
  'warehousing-per-order': { 'zh-CN': '每单仓储操作费', en: 'warehousing per order' },
  'repurchase-rate': { 'zh-CN': '12 个月复购率', en: '12-month repurchase rate' },
  roas: { 'zh-CN': '投产比（ROAS）', en: 'ROAS (GMV ÷ spend)' },
  cac: { 'zh-CN': '获客成本（CAC）', en: 'acquisition cost (CAC)' },
  'push-cvr': { 'zh-CN': '私域群发转化率', en: 'private-domain push conversion' },
  'marketing-share': { 'zh-CN': '营销费用占 GMV', en: 'marketing spend as a share of GMV' },
  'june-peak': { 'zh-CN': '6 月 GMV 相对月均的倍数', en: 'June GMV as a multiple of the average month' },
  'october-ramp': { 'zh-CN': '双11 前 10 月 GMV 相对月均的倍数', en: 'October GMV before a Singles’ Day peak, as a multiple of the average month' },
  'november-peak': { 'zh-CN': '11 月 GMV 相对月均的倍数', en: 'November GMV as a multiple of the average month' },
  'inventory-days': { 'zh-CN': '库存周转天数', en: 'days of inventory' },
  'social-insurance': { 'zh-CN': '单位社保公积金比例', en: 'employer social insurance rate' },
  'vat-rate': { 'zh-CN': '增值税率', en: 'VAT rate' },
  'income-tax-rate': { 'zh-CN': '企业所得税率', en: 'income tax rate' },
} as const satisfies Record<PlausibilityMetric, Message>;

/** Where a range comes from, as `{source}` of the out-of-range sentence. */
const sources = {
  reference: { 'zh-CN': '来源 {id}（{year} 年）', en: 'source {id}, {year}' },
  partly: { 'zh-CN': '来源 {id}（{year} 年），部分为估计', en: 'source {id}, {year}, partly estimated' },
  estimate: { 'zh-CN': '估计值，未经来源核实', en: 'a ShopPlan estimate, not checked against a source' },
  plan: { 'zh-CN': '计划自定区间，依据：{evidence}', en: 'the plan’s own range, from {evidence}' },
} as const satisfies Record<string, Message>;

/** After the sentence of a finding the plan accepts (plan.yaml `assumptions.accepted`). */
const accepted = { 'zh-CN': '已确认：{reason}', en: 'Accepted: {reason}' } as const satisfies Message;

/** Between the reasons of a slow seller. */
const reasonSeparator = { 'zh-CN': '；', en: '; ' } as const satisfies Message;

export const FINDINGS = {
  ...prefixed('finding', Object.fromEntries(Object.entries(kinds).flatMap(([kind, m]) => [[`${kind}.title`, m.title], [`${kind}.text`, m.text], [`${kind}.hint`, m.hint]])) as Record<`${FindingKind}.${keyof FindingMessages}`, Message>),
  ...prefixed('finding.reason', reasons),
  'finding.firing': firing,
  'finding.reasonSeparator': reasonSeparator,
  ...prefixed('finding.metric', metrics),
  ...prefixed('finding.source', sources),
  'finding.accepted': accepted,
};

// "How is this calculated": each formula a model explains a figure with (src/model/result/explanation.ts),
// written with names, not ids, and the label of each input. Keys: `explain.formula.<key>`,
// `explain.input.<label>`. `satisfies Record<FormulaKey | InputLabel, …>` fails typecheck when a model
// explains with a formula or input that has no words. Arguments are formatted by ../explain.ts: `{kpi}` and
// `{target}` are names, `{formula}` a KPI formula with the KPIs' names, `{measure}` the measure's label.
import type { FormulaKey, InputLabel } from '../../model/result/explanation.ts';
import { prefixed, type Message } from './message.ts';

const formulas = {
  'risk.score': { 'zh-CN': '风险分值 = 可能性 × 影响', en: 'Risk score = likelihood × impact' },
  'system.cost': {
    'zh-CN': '成本 = 上线起每月的月费 + 上线当月的一次性实施费',
    en: 'Cost = the monthly fee from go-live + the one-off setup cost in the go-live month',
  },
  'kpi.formula': {
    'zh-CN': '{kpi} = {formula}，按各输入指标的月度数值逐月计算',
    en: '{kpi} = {formula}, computed month by month from the monthly values of its inputs',
  },
  'kpi.measure': { 'zh-CN': '{kpi} = 引擎测算的「{measure}」', en: '{kpi} = the engine’s projection of “{measure}”' },
  'kpi.external': {
    'zh-CN': '{kpi} 在计划之外衡量{source, select, none {} other {（{source}）}}，计划中只设目标',
    en: '{kpi} is measured outside the plan{source, select, none {} other { ({source})}}; the plan sets only its target',
  },
  'target.seasonal': {
    'zh-CN': '每月目标 = 「{target}」全年目标 × 当月季节性占比，按最大余数法分配到{unit, select, money {分} other {整数}}',
    en: 'Monthly target = the year’s target “{target}” × the month’s seasonality share, allocated by largest remainder to the {unit, select, money {fen} other {unit}}',
  },
  'target.even': {
    'zh-CN': '每月目标 = 「{target}」全年目标 ÷ {months} 个月，按最大余数法分配',
    en: 'Monthly target = the year’s target “{target}” ÷ {months} months, allocated by largest remainder',
  },
  'target.ramp': {
    'zh-CN': '每月目标 = 基线 + （目标 − 基线）× 已过月数 ÷ 距截止的月数',
    en: 'Monthly target = baseline + (target − baseline) × months elapsed ÷ months to the deadline',
  },
  'target.level': { 'zh-CN': '每月目标 = 「{target}」的目标水平', en: 'Monthly target = the level of “{target}”' },
  'target.judgedTotal': {
    'zh-CN': '预测 = 截至 {through} 各月「{measure}」之和；达成率 = 预测 ÷ 目标：不低于达标阈值为达标，不低于预警阈值为预警，否则未达标；高于 1 + 超额阈值为大幅超出目标',
    en: 'Projection = the sum of “{measure}” by month through {through}; attainment = projection ÷ target: on track from the green threshold, at risk from the amber one, off track below; overshot above 1 + the overshoot threshold',
  },
  'target.judgedRate': {
    'zh-CN': '预测 = 截至 {through} 的「{measure}」合计 ÷「{per}」合计（不是各月比率的平均）；达成率 = 预测 ÷ 目标：不低于达标阈值为达标，不低于预警阈值为预警，否则未达标；高于 1 + 超额阈值为大幅超出目标',
    en: 'Projection = the total of “{measure}” ÷ the total of “{per}” through {through} (not a mean of monthly rates); attainment = projection ÷ target: on track from the green threshold, at risk from the amber one, off track below; overshot above 1 + the overshoot threshold',
  },
  'target.judgedLevel': {
    'zh-CN': '预测 = {through} 当月的「{measure}」；达成率 = 预测 ÷ 目标：不低于达标阈值为达标，不低于预警阈值为预警，否则未达标；高于 1 + 超额阈值为大幅超出目标',
    en: 'Projection = “{measure}” in {through}; attainment = projection ÷ target: on track from the green threshold, at risk from the amber one, off track below; overshot above 1 + the overshoot threshold',
  },
  'org.payout': {
    'zh-CN': '奖金 = 奖金池 × 已达成的最高一档的发放比例（低于第一档为 0）',
    en: 'Payout = pool × the share of the highest step the attainment reaches (0 below the first step)',
  },
  'org.payoutUnknown': {
    'zh-CN': '奖金 = 奖金池 × 已达成档位的发放比例：目标尚无达成率，记为 0',
    en: 'Payout = pool × the share of the step reached: the target has no attainment yet, so 0',
  },
  'org.headcount': {
    'zh-CN': '人数 = 当月或之前最近一次编制中各岗位人数之和（首次编制之前为 0）',
    en: 'Headcount = the sum over roles of the latest headcount entry on or before the month (0 before the first)',
  },
  'org.salary': { 'zh-CN': '工资 = Σ 人数 × 月薪', en: 'Salary = Σ heads × monthly salary' },
  'org.salaryRaise': {
    'zh-CN': '工资 = Σ 人数 × 月薪 × （1 + 年度调薪）^已满计划年数',
    en: 'Salary = Σ heads × monthly salary × (1 + annual raise)^(full plan years elapsed)',
  },
  'org.socialInsurance': {
    'zh-CN': '社保公积金 = Σ 人数 × 缴费基数（月薪限定在基数下限与上限之间）× 费率',
    en: 'Social insurance = Σ heads × contribution base (monthly salary kept between the base floor and cap) × rate',
  },
  'org.bonus': { 'zh-CN': '年终奖计提 = 工资 × 年终奖月数 ÷ 12', en: 'Bonus accrual = salary × bonus months ÷ 12' },
  'org.payroll': { 'zh-CN': '人工成本 = 工资 + 社保公积金 + 年终奖计提', en: 'Payroll = salary + social insurance + bonus accrual' },
  'org.training': {
    'zh-CN': '培训费 = Σ 当月培训的人均费用 × 当月参训团队人数',
    en: 'Training = Σ over the month’s trainings of cost per head × heads of the audience teams that month',
  },
  'org.incentiveCost': {
    'zh-CN': '激励成本 = Σ 奖金 ÷ 计划月数，按最大余数法分配到分',
    en: 'Incentive cost = Σ payouts ÷ months of the plan, allocated by largest remainder to the fen',
  },
  'users.aarrr': {
    'zh-CN': '获取 = 计划期内访客数（来自渠道漏斗）；之后每一阶段 = 上一阶段 × 本阶段转化率（未设转化率的阶段全部进入下一阶段）',
    en: 'Acquisition = visitors over the plan (from the channel funnels); each later stage = the stage before × its rate (a stage without a rate passes everyone on)',
  },
  'users.cohorts': {
    'zh-CN': '第 m 月仍活跃的 c 月新客 = c 月新客数 × 留存率 r(m − c)；r(0) = 1，留存曲线各点之间线性插值，最后一点之后保持不变',
    en: 'Customers of month c still active in month m = new customers of month c × retention r(m − c); r(0) = 1, linear between the curve’s points, the last point held after it',
  },
  'users.activeCustomers': {
    'zh-CN': '活跃客户 = Σ 各月新客群 + 期初会员 × 留存率 r(计划开始前一个月起的月数)',
    en: 'Active customers = Σ cohorts + starting members × retention r(months since the month before the plan)',
  },
  'users.mau': { 'zh-CN': '月活（MAU）= 活跃客户数', en: 'MAU = active customers' },
  'users.dau': { 'zh-CN': '日活（DAU）= 月活 × 日活/月活比', en: 'DAU = MAU × the DAU/MAU ratio' },
  'users.dauNone': { 'zh-CN': '日活（DAU）= 月活 × 日活/月活比：未设该比例，记为 0', en: 'DAU = MAU × the DAU/MAU ratio: no ratio given, so 0' },
  'users.repurchaseStage': { 'zh-CN': '复购率 = 复购（收入）阶段的转化率', en: 'Repurchase rate = the rate of the revenue (repurchase) stage' },
  'users.repurchaseCurve': { 'zh-CN': '复购率 = 留存曲线第 12 个月的值（最后一点之后保持不变）', en: 'Repurchase rate = the retention curve at month 12 (its last point held)' },
  'users.repurchaseNone': { 'zh-CN': '复购率：未设复购阶段转化率，也没有留存曲线', en: 'Repurchase rate: neither a revenue stage rate nor a retention curve is given' },
  'users.members': { 'zh-CN': '会员数 = 期初会员 + Σ 截至当月的新客数 × 每月入会率', en: 'Members = starting members + Σ new customers so far × the monthly join rate' },
  'users.pointsIssued': {
    'zh-CN': '发放积分 = GMV × 会员 GMV 占比 × 每元积分 × 按会员等级占比加权的积分倍数',
    en: 'Points issued = GMV × members’ share of GMV × points per yuan × the tier multiplier weighted by tier shares',
  },
  'users.pointsNone': { 'zh-CN': '发放积分：计划未设积分规则，记为 0', en: 'Points issued: the plan has no points scheme, so 0' },
  'users.pointsCost': {
    'zh-CN': '积分成本 = 发放积分 × 兑换率 × 每积分价值（当月产生的预期成本）',
    en: 'Points cost = points issued × redemption rate × value per point (the expected cost created that month)',
  },
  'users.pointsLiability': { 'zh-CN': '积分负债 = 计划期内积分成本之和', en: 'Points liability = Σ points cost over the plan' },
  'users.lifetime': {
    'zh-CN': '每位新客的预期订单（折现）= Σ 首单后第 k 个月（k = 0 … 生命周期 − 1）的留存率 r(k) × 活跃客户每月订单 × (1 + 折现率)^(−k/12)；r(0) = 1 即首单',
    en: 'Expected orders per new customer (discounted) = Σ over months k = 0 … lifespan − 1 after the first purchase of retention r(k) × orders per active month × (1 + discount rate)^(−k/12); r(0) = 1 is the first order',
  },
  'marketing.ltv': {
    'zh-CN': '客户终身价值（CLV）= 客单价 × 毛利率 × 每位新客在生命周期内的预期订单（按留存曲线、折现）',
    en: 'Customer lifetime value (CLV) = AOV × gross margin rate × expected orders per new customer over the lifespan (from the retention curve, discounted)',
  },
  'marketing.ltvCac': { 'zh-CN': 'LTV/CAC = 客户终身价值 ÷ 获客成本', en: 'LTV/CAC = customer lifetime value ÷ acquisition cost' },
  'marketing.payback': {
    'zh-CN': '回本月数 = 首单后累计折现毛利（客单价 × 毛利率 × 各月预期订单）首次不低于获客成本的月份（0 = 首单当月）；生命周期内无法回本则为空',
    en: 'Payback = the first month after the first purchase (0 = that month) in which the cumulative discounted margin (AOV × gross margin rate × expected orders of each month) covers the acquisition cost; none when the lifespan never does',
  },
  'breakEven.units': {
    'zh-CN': '保本销量 = 固定成本 ÷ 单件贡献；单件贡献 = 贡献 ÷ 销量；贡献 = 经营利润 + 固定成本（净收入减去随销量变化的成本：商品成本、平台与支付费用、履约、促销、库存持有、积分）；固定成本 = 营销预算、人工、激励、培训、系统、仓库固定费用',
    en: 'Break-even units = fixed costs ÷ contribution per unit; contribution per unit = contribution ÷ units; contribution = operating profit + fixed costs (net revenue less the costs that grow with sales: COGS, platform and payment fees, fulfilment, promotions, holding cost, points); fixed costs = marketing budget, payroll, incentives, training, systems, warehouse fixed cost',
  },
  'breakEven.sales': {
    'zh-CN': '保本 GMV = 固定成本 ÷ （贡献 ÷ GMV），即按计划的产品结构与价格放大或缩小；安全边际 = （GMV − 保本 GMV）÷ GMV',
    en: 'Break-even GMV = fixed costs ÷ (contribution ÷ GMV), the plan’s mix and prices scaled; margin of safety = (GMV − break-even GMV) ÷ GMV',
  },
  'breakEven.roas': {
    'zh-CN': '保本 ROAS = 1 ÷ 贡献率；贡献率 = （净收入 − 商品成本 − 平台与支付费用 − 履约费用）÷ GMV，退货与增值税已从净收入中扣除',
    en: 'Break-even ROAS = 1 ÷ contribution rate; contribution rate = (net revenue − COGS − platform and payment fees − fulfilment) ÷ GMV, returns and VAT already out of net revenue',
  },
  'breakEven.priceChange': {
    'zh-CN': '调价 Δp 后的毛利率 = （m + Δp）÷ （1 + Δp）；保持毛利不变所需的销量变化 = −Δp ÷ （m + Δp），m 为 SKU 毛利率；降价 d 时即需多卖 d ÷ （m − d）',
    en: 'Margin after a price change Δp = (m + Δp) ÷ (1 + Δp); volume change that keeps the gross profit = −Δp ÷ (m + Δp), m the SKU’s margin rate; after a discount d that is d ÷ (m − d) more units',
  },
  'supply.orderingCycle': {
    'zh-CN': '每年订货次数 = D ÷ Q；订货成本 = D ÷ Q × S；周转库存持有成本 = Q ÷ 2 × H；订货周期（天）= 365 × Q ÷ D；Q 为经济订货量，D = 日需求 × 365.25，H = 单位成本 × 持有成本率',
    en: 'Orders a year = D ÷ Q; ordering cost = D ÷ Q × S; cycle-stock holding cost = Q ÷ 2 × H; days between orders = 365 × Q ÷ D; Q the EOQ, D = daily demand × 365.25, H = unit cost × holding cost rate',
  },
} as const satisfies Record<FormulaKey, Message>;

const inputs = {
  likelihood: { 'zh-CN': '可能性', en: 'Likelihood' },
  impact: { 'zh-CN': '影响', en: 'Impact' },
  monthlyCost: { 'zh-CN': '月费', en: 'Monthly fee' },
  setupCost: { 'zh-CN': '实施费', en: 'Setup cost' },
  formula: { 'zh-CN': '公式', en: 'Formula' },
  measure: { 'zh-CN': '引擎测算指标', en: 'Engine measure' },
  total: { 'zh-CN': '全年目标', en: 'Target for the year' },
  seasonality: { 'zh-CN': '季节性', en: 'Seasonality' },
  target: { 'zh-CN': '目标', en: 'Target' },
  baseline: { 'zh-CN': '基线', en: 'Baseline' },
  deadline: { 'zh-CN': '截止日期', en: 'Deadline' },
  pool: { 'zh-CN': '奖金池', en: 'Pool' },
  attainment: { 'zh-CN': '「{name}」达成率', en: 'Attainment of “{name}”' },
  payoutSteps: { 'zh-CN': '发放档位（达成率 → 发放比例）', en: 'Payout steps (attainment → share)' },
  roles: { 'zh-CN': '岗位数', en: 'Roles' },
  annualRaise: { 'zh-CN': '年度调薪', en: 'Annual raise' },
  socialInsuranceRate: { 'zh-CN': '社保公积金费率', en: 'Social insurance rate' },
  baseFloor: { 'zh-CN': '缴费基数下限', en: 'Base floor' },
  baseCap: { 'zh-CN': '缴费基数上限', en: 'Base cap' },
  bonusMonths: { 'zh-CN': '年终奖月数', en: 'Bonus months' },
  trainings: { 'zh-CN': '培训场次', en: 'Trainings' },
  payouts: { 'zh-CN': '奖金合计', en: 'Total payouts' },
  visitors: { 'zh-CN': '访客数', en: 'Visitors' },
  stageRate: { 'zh-CN': '「{name}」阶段转化率', en: 'Rate of the “{name}” stage' },
  retentionCurve: { 'zh-CN': '留存曲线（月: 留存率）', en: 'Retention curve (month: rate)' },
  startingMembers: { 'zh-CN': '期初会员', en: 'Starting members' },
  dauMau: { 'zh-CN': '日活/月活比', en: 'DAU/MAU ratio' },
  joinRate: { 'zh-CN': '每月入会率', en: 'Monthly join rate' },
  memberGmvShare: { 'zh-CN': '会员 GMV 占比', en: 'Members’ share of GMV' },
  pointsPerYuan: { 'zh-CN': '每元积分', en: 'Points per yuan' },
  weightedMultiplier: { 'zh-CN': '加权积分倍数', en: 'Weighted multiplier' },
  redemptionRate: { 'zh-CN': '兑换率', en: 'Redemption rate' },
  valuePerPoint: { 'zh-CN': '每积分价值', en: 'Value per point' },
  pointsCost: { 'zh-CN': '积分成本', en: 'Points cost' },
  ordersPerActiveMonth: { 'zh-CN': '活跃客户每月订单', en: 'Orders per active customer per month' },
  discountRate: { 'zh-CN': '年折现率', en: 'Yearly discount rate' },
  lifespanMonths: { 'zh-CN': '客户生命周期（月）', en: 'Customer lifespan' },
  aov: { 'zh-CN': '客单价', en: 'AOV' },
  aovOfDrivenChannels: { 'zh-CN': '客单价（所带动销售渠道的平均值）', en: 'AOV (mean of the sales channels it drives)' },
  planAov: { 'zh-CN': '全计划客单价（GMV ÷ 订单数）', en: 'The plan’s AOV (GMV ÷ orders)' },
  grossMarginRate: { 'zh-CN': '综合毛利率', en: 'Blended gross margin rate' },
  ordersPerCustomer: { 'zh-CN': '每位新客的预期订单（折现）', en: 'Expected orders per new customer (discounted)' },
  ltv: { 'zh-CN': '客户终身价值', en: 'Customer lifetime value' },
  cac: { 'zh-CN': '获客成本', en: 'Acquisition cost' },
  fixedCosts: { 'zh-CN': '固定成本', en: 'Fixed costs' },
  contribution: { 'zh-CN': '贡献（经营利润 + 固定成本）', en: 'Contribution (operating profit + fixed costs)' },
  unitsSold: { 'zh-CN': '销量', en: 'Units sold' },
  gmv: { 'zh-CN': 'GMV', en: 'GMV' },
  greenFrom: { 'zh-CN': '达标阈值（达成率）', en: 'Green from (attainment)' },
  amberFrom: { 'zh-CN': '预警阈值（达成率）', en: 'Amber from (attainment)' },
  overshootAbove: { 'zh-CN': '超额阈值', en: 'Overshoot above' },
  orderCost: { 'zh-CN': '每次订货成本', en: 'Cost per order' },
  holdingCostRate: { 'zh-CN': '年持有成本率', en: 'Yearly holding cost rate' },
} as const satisfies Record<InputLabel, Message>;

export const EXPLAIN = { ...prefixed('explain.formula', formulas), ...prefixed('explain.input', inputs) };

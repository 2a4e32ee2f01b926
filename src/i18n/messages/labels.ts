// Labels of the content model's enum values (roles, statuses, risk levels, channel models, metrics, units …)
// and of the result's named lines (P&L lines, funnel steps), one map per enum, keyed by its values: `satisfies Record<Enum, Message>` fails typecheck when the schema
// gains a value without words. Keys: `label.<enum>.<value>`.
import type { ChannelsFile, KpisFile, MarketingFile, ProductsFile, PromotionsFile, RisksFile, TargetsFile } from '../../model/plan-input.generated.ts';
import type { PnlLineKey } from '../../model/result/pnl.ts';
import type { FunnelKey } from '../../model/result/funnel.ts';
import type { DriverKind } from '../../model/result/target-verdicts.ts';
import { prefixed, type Message } from './message.ts';

type Sku = NonNullable<ProductsFile['skus']>[number];
type Kpi = NonNullable<KpisFile['kpis']>[number];
type Risk = NonNullable<RisksFile['risks']>[number];
type Promotion = NonNullable<PromotionsFile['promotions']>[number];
type MarketingChannel = NonNullable<MarketingFile['channels']>[number];

const role = {
  traffic: { 'zh-CN': '引流款', en: 'Traffic' },
  profit: { 'zh-CN': '利润款', en: 'Profit' },
  image: { 'zh-CN': '形象款', en: 'Image' },
} as const satisfies Record<Sku['role'], Message>;

const skuStatus = {
  active: { 'zh-CN': '在售', en: 'Active' },
  new: { 'zh-CN': '新品', en: 'New' },
  'phase-out': { 'zh-CN': '清仓下架', en: 'Phase-out' },
} as const satisfies Record<Sku['status'], Message>;

const pricing = {
  'cost-plus': { 'zh-CN': '成本加成定价', en: 'Cost-plus pricing' },
  competitor: { 'zh-CN': '竞争导向定价', en: 'Competitor-based pricing' },
  value: { 'zh-CN': '价值定价', en: 'Value pricing' },
} as const satisfies Record<Sku['pricing']['type'], Message>;

const channelModel = {
  marketplace: { 'zh-CN': '平台电商', en: 'Marketplace' },
  'own-site': { 'zh-CN': '独立站 / 自有应用', en: 'Own site or app' },
  social: { 'zh-CN': '社交电商', en: 'Social commerce' },
  content: { 'zh-CN': '内容电商', en: 'Content commerce' },
  livestream: { 'zh-CN': '直播电商', en: 'Livestream commerce' },
  'private-domain': { 'zh-CN': '私域', en: 'Private domain' },
} as const satisfies Record<NonNullable<ChannelsFile['channels']>[number]['model'], Message>;

const promotionKind = {
  daily: { 'zh-CN': '日常促销', en: 'Everyday' },
  festival: { 'zh-CN': '大促', en: 'Festival' },
  member: { 'zh-CN': '会员专享', en: 'Members only' },
  bundle: { 'zh-CN': '组合装', en: 'Bundle' },
  livestream: { 'zh-CN': '直播专场', en: 'Livestream special' },
  launch: { 'zh-CN': '新品首发', en: 'Launch' },
  clearance: { 'zh-CN': '清仓', en: 'Clearance' },
} as const satisfies Record<Promotion['kind'], Message>;

const mechanic = {
  'direct-discount': { 'zh-CN': '直降', en: 'Direct discount' },
  threshold: { 'zh-CN': '满减', en: 'Spend-and-save' },
  coupon: { 'zh-CN': '优惠券', en: 'Coupon' },
  'platform-subsidy': { 'zh-CN': '平台补贴', en: 'Platform subsidy' },
  gift: { 'zh-CN': '赠品', en: 'Gift' },
  presale: { 'zh-CN': '预售', en: 'Presale' },
} as const satisfies Record<Promotion['mechanics'][number]['type'], Message>;

const marketingKind = {
  content: { 'zh-CN': '内容营销', en: 'Content' },
  social: { 'zh-CN': '社交媒体', en: 'Social' },
  sem: { 'zh-CN': '搜索广告', en: 'Search ads' },
  seo: { 'zh-CN': '搜索优化', en: 'SEO' },
  'paid-ads': { 'zh-CN': '信息流/站内广告', en: 'Paid ads' },
  livestream: { 'zh-CN': '直播', en: 'Livestream' },
  affiliate: { 'zh-CN': '分销（按成交付佣）', en: 'Affiliate' },
  'private-domain': { 'zh-CN': '私域', en: 'Private domain' },
  kol: { 'zh-CN': '达人/KOL', en: 'KOL' },
} as const satisfies Record<MarketingChannel['kind'], Message>;

const marketingPricing = {
  cpc: { 'zh-CN': '按点击付费（CPC）', en: 'Cost per click (CPC)' },
  cpm: { 'zh-CN': '按千次展示付费（CPM）', en: 'Cost per mille (CPM)' },
  cps: { 'zh-CN': '按成交付佣（CPS）', en: 'Cost per sale (CPS)' },
  fixed: { 'zh-CN': '固定费用', en: 'Fixed fee' },
} as const satisfies Record<MarketingChannel['pricing']['type'], Message>;

const metric = {
  gmv: { 'zh-CN': 'GMV', en: 'GMV' },
  revenue: { 'zh-CN': '净收入', en: 'Net revenue' },
  'gross-profit': { 'zh-CN': '毛利', en: 'Gross profit' },
  'operating-profit': { 'zh-CN': '经营利润', en: 'Operating profit' },
  'new-customers': { 'zh-CN': '新客数', en: 'New customers' },
  orders: { 'zh-CN': '订单数', en: 'Orders' },
  dau: { 'zh-CN': '日活跃用户（DAU）', en: 'Daily active users (DAU)' },
  mau: { 'zh-CN': '月活跃用户（MAU）', en: 'Monthly active users (MAU)' },
  'repurchase-rate': { 'zh-CN': '复购率', en: 'Repurchase rate' },
  aov: { 'zh-CN': '客单价', en: 'Average order value' },
  cvr: { 'zh-CN': '转化率', en: 'Conversion rate' },
} as const satisfies Record<NonNullable<TargetsFile['targets']>[number]['metric'], Message>;

const measure = {
  gmv: { 'zh-CN': 'GMV', en: 'GMV' },
  orders: { 'zh-CN': '订单数', en: 'Orders' },
  visitors: { 'zh-CN': '访客数', en: 'Visitors' },
  cvr: { 'zh-CN': '转化率', en: 'Conversion rate' },
  aov: { 'zh-CN': '客单价', en: 'Average order value' },
  refunds: { 'zh-CN': '退款', en: 'Refunds' },
  return_rate: { 'zh-CN': '退货率', en: 'Return rate' },
  net_revenue: { 'zh-CN': '净收入', en: 'Net revenue' },
  gross_profit: { 'zh-CN': '毛利', en: 'Gross profit' },
  gross_margin: { 'zh-CN': '毛利率', en: 'Gross margin' },
  operating_profit: { 'zh-CN': '经营利润', en: 'Operating profit' },
  marketing_spend: { 'zh-CN': '营销费用', en: 'Marketing spend' },
  new_customers: { 'zh-CN': '新客数', en: 'New customers' },
  cac: { 'zh-CN': '获客成本', en: 'Customer acquisition cost' },
  roas: { 'zh-CN': '广告投产比', en: 'Return on ad spend' },
  repurchase_rate: { 'zh-CN': '复购率', en: 'Repurchase rate' },
  mau: { 'zh-CN': '月活跃用户', en: 'Monthly active users' },
  dau: { 'zh-CN': '日活跃用户', en: 'Daily active users' },
  inventory_value: { 'zh-CN': '库存占用资金', en: 'Inventory value' },
  inventory_days: { 'zh-CN': '库存天数', en: 'Days of inventory' },
  headcount: { 'zh-CN': '人数', en: 'Headcount' },
  payroll: { 'zh-CN': '人工成本', en: 'Payroll' },
  platform_fees: { 'zh-CN': '平台与支付费用', en: 'Platform and payment fees' },
  fulfilment_cost: { 'zh-CN': '履约费用', en: 'Fulfilment cost' },
  member_gmv_share: { 'zh-CN': '会员 GMV 占比', en: 'Member share of GMV' },
} as const satisfies Record<NonNullable<Kpi['measure']>, Message>;

const kpiUnit = {
  yuan: { 'zh-CN': '元', en: 'yuan' },
  count: { 'zh-CN': '数量', en: 'count' },
  rate: { 'zh-CN': '比率', en: 'rate' },
  ratio: { 'zh-CN': '倍数', en: 'ratio' },
  days: { 'zh-CN': '天', en: 'days' },
  score: { 'zh-CN': '分', en: 'score' },
  minutes: { 'zh-CN': '分钟', en: 'minutes' },
} as const satisfies Record<Kpi['unit'], Message>;

const direction = {
  'higher-better': { 'zh-CN': '越高越好 ↑', en: 'Higher is better ↑' },
  'lower-better': { 'zh-CN': '越低越好 ↓', en: 'Lower is better ↓' },
} as const satisfies Record<Kpi['direction'], Message>;

const status = {
  green: { 'zh-CN': '达标', en: 'On track' },
  amber: { 'zh-CN': '预警', en: 'At risk' },
  red: { 'zh-CN': '未达标', en: 'Off track' },
} as const satisfies Record<'green' | 'amber' | 'red', Message>;

const riskLevel = {
  low: { 'zh-CN': '低', en: 'Low' },
  medium: { 'zh-CN': '中', en: 'Medium' },
  high: { 'zh-CN': '高', en: 'High' },
  critical: { 'zh-CN': '极高', en: 'Critical' },
} as const satisfies Record<'low' | 'medium' | 'high' | 'critical', Message>;

const riskCategory = {
  market: { 'zh-CN': '市场', en: 'Market' },
  operational: { 'zh-CN': '运营', en: 'Operational' },
  supply: { 'zh-CN': '供应', en: 'Supply' },
  financial: { 'zh-CN': '财务', en: 'Financial' },
  legal: { 'zh-CN': '法律', en: 'Legal' },
  'data-security': { 'zh-CN': '数据安全', en: 'Data security' },
  platform: { 'zh-CN': '平台', en: 'Platform' },
} as const satisfies Record<Risk['category'], Message>;

const complianceStatus = {
  done: { 'zh-CN': '已完成', en: 'Done' },
  'in-progress': { 'zh-CN': '进行中', en: 'In progress' },
  todo: { 'zh-CN': '待办', en: 'To do' },
  'not-applicable': { 'zh-CN': '不适用', en: 'Not applicable' },
} as const satisfies Record<NonNullable<RisksFile['compliance']>[number]['status'], Message>;

const basis = {
  projection: { 'zh-CN': '预测', en: 'projection' },
  actual: { 'zh-CN': '实际', en: 'actual' },
} as const satisfies Record<'projection' | 'actual', Message>;

const triggerWindow = {
  month: { 'zh-CN': '按月', en: 'per month' },
  quarter: { 'zh-CN': '按季度', en: 'per quarter' },
  year: { 'zh-CN': '全年', en: 'over the year' },
} as const satisfies Record<NonNullable<NonNullable<Risk['trigger']>['window']>, Message>;

// Lines of the P&L (PlanResult.pnl).
const pnl = {
  gmv: { 'zh-CN': 'GMV', en: 'GMV' },
  refunds: { 'zh-CN': '退款', en: 'Refunds' },
  netSales: { 'zh-CN': '净销售额', en: 'Net sales' },
  vat: { 'zh-CN': '增值税', en: 'VAT' },
  netRevenue: { 'zh-CN': '净收入', en: 'Net revenue' },
  cogs: { 'zh-CN': '货品成本', en: 'Cost of goods' },
  grossProfit: { 'zh-CN': '毛利', en: 'Gross profit' },
  platformFees: { 'zh-CN': '平台佣金', en: 'Platform fees' },
  paymentFees: { 'zh-CN': '支付手续费', en: 'Payment fees' },
  fulfilment: { 'zh-CN': '履约费用', en: 'Fulfilment' },
  marketing: { 'zh-CN': '营销费用', en: 'Marketing' },
  promotions: { 'zh-CN': '促销费用', en: 'Promotions' },
  payroll: { 'zh-CN': '人工成本', en: 'Payroll' },
  incentives: { 'zh-CN': '激励', en: 'Incentives' },
  training: { 'zh-CN': '培训', en: 'Training' },
  systems: { 'zh-CN': '系统费用', en: 'Systems' },
  warehousing: { 'zh-CN': '仓储', en: 'Warehousing' },
  holdingCost: { 'zh-CN': '库存持有成本', en: 'Holding cost' },
  pointsCost: { 'zh-CN': '积分成本', en: 'Points cost' },
  operatingExpenses: { 'zh-CN': '运营费用合计', en: 'Operating expenses' },
  operatingProfit: { 'zh-CN': '经营利润', en: 'Operating profit' },
} as const satisfies Record<PnlLineKey, Message>;

// Steps and amounts of a sales channel's funnel (PlanResult.channels).
const funnel = {
  visitors: { 'zh-CN': '访客数', en: 'Visitors' },
  orders: { 'zh-CN': '订单数', en: 'Orders' },
  gmv: { 'zh-CN': 'GMV', en: 'GMV' },
  refunds: { 'zh-CN': '退款', en: 'Refunds' },
  netSales: { 'zh-CN': '净销售额', en: 'Net sales' },
  vat: { 'zh-CN': '增值税', en: 'VAT' },
  netRevenue: { 'zh-CN': '净收入', en: 'Net revenue' },
  platformFees: { 'zh-CN': '平台佣金', en: 'Platform fees' },
  paymentFees: { 'zh-CN': '支付手续费', en: 'Payment fees' },
  fulfilment: { 'zh-CN': '履约费用', en: 'Fulfilment' },
  newCustomers: { 'zh-CN': '新客数', en: 'New customers' },
  returningCustomers: { 'zh-CN': '老客数', en: 'Returning customers' },
} as const satisfies Record<FunnelKey, Message>;

// What it would take: the single inputs a missed target can be closed with (PlanResult.verdicts[].toClose).
const driver = {
  cvr: { 'zh-CN': '{channel}转化率', en: '{channel} CVR' },
  visitors: { 'zh-CN': '访客数（全部渠道）', en: 'Visitors (all channels)' },
  price: { 'zh-CN': '价格水平（客单价）', en: 'Price level (AOV)' },
  marketing: { 'zh-CN': '营销投入（按当前获客成本）', en: 'Marketing spend at today’s CAC' },
  'new-customer-share': { 'zh-CN': '新客占比', en: 'New-customer share' },
  repurchase: { 'zh-CN': '复购率', en: 'Repurchase rate' },
  retention: { 'zh-CN': '留存率（第 12 个月）', en: 'Retention (month 12)' },
  'dau-mau': { 'zh-CN': '日活/月活', en: 'DAU/MAU' },
  payroll: { 'zh-CN': '人力成本', en: 'Payroll' },
  'fulfilment-cost': { 'zh-CN': '履约成本', en: 'Fulfilment cost' },
} as const satisfies Record<DriverKind, Message>;

export const LABELS = {
  ...prefixed('label.role', role),
  ...prefixed('label.skuStatus', skuStatus),
  ...prefixed('label.pricing', pricing),
  ...prefixed('label.channelModel', channelModel),
  ...prefixed('label.promotionKind', promotionKind),
  ...prefixed('label.mechanic', mechanic),
  ...prefixed('label.marketingKind', marketingKind),
  ...prefixed('label.marketingPricing', marketingPricing),
  ...prefixed('label.metric', metric),
  ...prefixed('label.measure', measure),
  ...prefixed('label.kpiUnit', kpiUnit),
  ...prefixed('label.direction', direction),
  ...prefixed('label.status', status),
  ...prefixed('label.riskLevel', riskLevel),
  ...prefixed('label.riskCategory', riskCategory),
  ...prefixed('label.complianceStatus', complianceStatus),
  ...prefixed('label.basis', basis),
  ...prefixed('label.triggerWindow', triggerWindow),
  ...prefixed('label.pnl', pnl),
  ...prefixed('label.funnel', funnel),
  ...prefixed('label.driver', driver),
};

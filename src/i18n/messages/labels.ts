// Labels of the content model's enum values (roles, statuses, risk levels, channel models, metrics, units …)
// and of the result's named lines (P&L lines, funnel steps), one map per enum, keyed by its values: `satisfies Record<Enum, Message>` fails typecheck when the schema
// gains a value without words. Keys: `label.<enum>.<value>`.
import type { ChannelsFile, KpisFile, MarketingFile, ProductsFile, PromotionsFile, ReviewFile, RisksFile, StrategyFile, SupplyFile, SystemsFile, TargetsFile, UsersFile } from '../../model/plan-input.generated.ts';
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
  everyday_orders: { 'zh-CN': '日常订单数（不含促销提升）', en: 'Everyday orders (before promotion uplift)' },
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
  clv: { 'zh-CN': '客户终身价值', en: 'Customer lifetime value' },
  ltv_cac: { 'zh-CN': 'LTV/CAC', en: 'LTV/CAC' },
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

const platform = {
  tmall: { 'zh-CN': '天猫', en: 'Tmall' },
  taobao: { 'zh-CN': '淘宝', en: 'Taobao' },
  jd: { 'zh-CN': '京东', en: 'JD' },
  douyin: { 'zh-CN': '抖音', en: 'Douyin' },
  kuaishou: { 'zh-CN': '快手', en: 'Kuaishou' },
  pinduoduo: { 'zh-CN': '拼多多', en: 'Pinduoduo' },
  xiaohongshu: { 'zh-CN': '小红书', en: 'Xiaohongshu' },
  'mini-program': { 'zh-CN': '微信小程序', en: 'WeChat mini-program' },
  'own-site': { 'zh-CN': '独立站', en: 'Own site' },
  other: { 'zh-CN': '其他', en: 'Other' },
} as const satisfies Record<NonNullable<ChannelsFile['channels']>[number]['platform'], Message>;

const kpiCategory = {
  traffic: { 'zh-CN': '流量', en: 'Traffic' },
  conversion: { 'zh-CN': '转化', en: 'Conversion' },
  user: { 'zh-CN': '用户', en: 'User' },
  product: { 'zh-CN': '商品', en: 'Product' },
  marketing: { 'zh-CN': '营销', en: 'Marketing' },
  finance: { 'zh-CN': '财务', en: 'Finance' },
  supply: { 'zh-CN': '供应链', en: 'Supply' },
  service: { 'zh-CN': '服务', en: 'Service' },
} as const satisfies Record<Kpi['category'], Message>;

const kpiDimension = {
  people: { 'zh-CN': '人（用户）', en: 'People (customers)' },
  goods: { 'zh-CN': '货（商品与供应）', en: 'Goods (products and supply)' },
  place: { 'zh-CN': '场（渠道与流量）', en: 'Place (channels and traffic)' },
} as const satisfies Record<NonNullable<Kpi['dimension']>, Message>;

// How often: KPI reporting, review meetings and data-source refreshes share one set of words.
const frequency = {
  realtime: { 'zh-CN': '实时', en: 'Real time' },
  daily: { 'zh-CN': '每日', en: 'Daily' },
  weekly: { 'zh-CN': '每周', en: 'Weekly' },
  biweekly: { 'zh-CN': '每两周', en: 'Every two weeks' },
  monthly: { 'zh-CN': '每月', en: 'Monthly' },
  quarterly: { 'zh-CN': '每季度', en: 'Quarterly' },
  yearly: { 'zh-CN': '每年', en: 'Yearly' },
} as const satisfies Record<
  NonNullable<Kpi['frequency']> | NonNullable<ReviewFile['cadence']>[number]['frequency'] | NonNullable<NonNullable<SystemsFile['dataSources']>[number]['refresh']>,
  Message
>;

const contentFormat = {
  article: { 'zh-CN': '文章', en: 'Article' },
  'short-video': { 'zh-CN': '短视频', en: 'Short video' },
  livestream: { 'zh-CN': '直播', en: 'Livestream' },
  'image-post': { 'zh-CN': '图文', en: 'Image post' },
  note: { 'zh-CN': '笔记', en: 'Note' },
  community: { 'zh-CN': '社群', en: 'Community' },
  email: { 'zh-CN': '邮件', en: 'Email' },
  sms: { 'zh-CN': '短信', en: 'SMS' },
} as const satisfies Record<NonNullable<MarketingChannel['content']>[number]['format'], Message>;

const complianceArea = {
  pipl: { 'zh-CN': '个人信息保护', en: 'Personal information (PIPL)' },
  'advertising-law': { 'zh-CN': '广告法', en: 'Advertising Law' },
  'consumer-protection': { 'zh-CN': '消费者权益保护', en: 'Consumer protection' },
  'e-commerce-law': { 'zh-CN': '电子商务法', en: 'E-commerce Law' },
  ip: { 'zh-CN': '知识产权', en: 'Intellectual property' },
  tax: { 'zh-CN': '税务', en: 'Tax' },
  'product-quality': { 'zh-CN': '产品质量', en: 'Product quality' },
  'data-security': { 'zh-CN': '数据安全', en: 'Data security' },
  'platform-rules': { 'zh-CN': '平台规则', en: 'Platform rules' },
} as const satisfies Record<NonNullable<RisksFile['compliance']>[number]['area'], Message>;

const pestDimension = {
  political: { 'zh-CN': '政策', en: 'Political' },
  economic: { 'zh-CN': '经济', en: 'Economic' },
  social: { 'zh-CN': '社会', en: 'Social' },
  technological: { 'zh-CN': '技术', en: 'Technological' },
} as const satisfies Record<NonNullable<StrategyFile['pest']>[number]['dimension'], Message>;

const pestImpact = {
  positive: { 'zh-CN': '正面', en: 'Positive' },
  negative: { 'zh-CN': '负面', en: 'Negative' },
  mixed: { 'zh-CN': '正负兼有', en: 'Mixed' },
} as const satisfies Record<NonNullable<NonNullable<StrategyFile['pest']>[number]['impact']>, Message>;

const trendKind = {
  growth: { 'zh-CN': '市场增长', en: 'Market growth' },
  technology: { 'zh-CN': '技术', en: 'Technology' },
  'consumer-habit': { 'zh-CN': '消费习惯', en: 'Consumer habit' },
} as const satisfies Record<NonNullable<StrategyFile['trends']>[number]['kind'], Message>;

const cityTier = {
  'tier-1': { 'zh-CN': '一线', en: 'Tier 1' },
  'new-tier-1': { 'zh-CN': '新一线', en: 'New tier 1' },
  'tier-2': { 'zh-CN': '二线', en: 'Tier 2' },
  'tier-3': { 'zh-CN': '三线', en: 'Tier 3' },
  lower: { 'zh-CN': '下沉市场', en: 'Lower-tier' },
} as const satisfies Record<NonNullable<NonNullable<NonNullable<StrategyFile['personas']>[number]['demographics']>['cityTiers']>[number], Message>;

const supplierKind = {
  manufacturer: { 'zh-CN': '工厂', en: 'Manufacturer' },
  'farm-cooperative': { 'zh-CN': '产地合作社', en: 'Farm cooperative' },
  packaging: { 'zh-CN': '包材', en: 'Packaging' },
  oem: { 'zh-CN': '代工', en: 'Contract manufacturer' },
  distributor: { 'zh-CN': '经销商', en: 'Distributor' },
} as const satisfies Record<NonNullable<SupplyFile['suppliers']>[number]['kind'], Message>;

const warehouseKind = {
  own: { 'zh-CN': '自营仓', en: 'Own warehouse' },
  '3pl': { 'zh-CN': '第三方仓', en: 'Third-party (3PL)' },
  platform: { 'zh-CN': '平台仓', en: 'Platform warehouse' },
} as const satisfies Record<NonNullable<SupplyFile['warehouses']>[number]['kind'], Message>;

const logisticsService = {
  'same-day': { 'zh-CN': '当日达', en: 'Same day' },
  'next-day': { 'zh-CN': '次日达', en: 'Next day' },
  standard: { 'zh-CN': '标准快递', en: 'Standard' },
  economy: { 'zh-CN': '经济快递', en: 'Economy' },
} as const satisfies Record<NonNullable<SupplyFile['logistics']>[number]['service'], Message>;

const systemKind = {
  erp: { 'zh-CN': 'ERP（企业资源计划）', en: 'ERP' },
  crm: { 'zh-CN': 'CRM（客户关系管理）', en: 'CRM' },
  oms: { 'zh-CN': 'OMS（订单管理）', en: 'OMS' },
  wms: { 'zh-CN': 'WMS（仓储管理）', en: 'WMS' },
  bi: { 'zh-CN': 'BI（商业智能）', en: 'BI' },
  cdp: { 'zh-CN': 'CDP（客户数据平台）', en: 'CDP' },
  'marketing-automation': { 'zh-CN': '营销自动化', en: 'Marketing automation' },
  'customer-service': { 'zh-CN': '客服系统', en: 'Customer service' },
  livestream: { 'zh-CN': '直播工具', en: 'Livestream' },
  other: { 'zh-CN': '其他', en: 'Other' },
} as const satisfies Record<NonNullable<SystemsFile['systems']>[number]['kind'], Message>;

const systemStatus = {
  live: { 'zh-CN': '在用', en: 'Live' },
  rollout: { 'zh-CN': '上线中', en: 'Rolling out' },
  planned: { 'zh-CN': '计划中', en: 'Planned' },
  retire: { 'zh-CN': '下线', en: 'Retiring' },
} as const satisfies Record<NonNullable<SystemsFile['systems']>[number]['status'], Message>;

const lifecycleStage = {
  acquisition: { 'zh-CN': '拉新', en: 'Acquisition' },
  activation: { 'zh-CN': '激活', en: 'Activation' },
  retention: { 'zh-CN': '留存', en: 'Retention' },
  conversion: { 'zh-CN': '转化', en: 'Conversion' },
  revenue: { 'zh-CN': '复购', en: 'Revenue (repurchase)' },
  referral: { 'zh-CN': '推荐', en: 'Referral' },
} as const satisfies Record<NonNullable<NonNullable<UsersFile['lifecycle']>['stages']>[number]['stage'], Message>;

const touchpoint = {
  'front-end': { 'zh-CN': '前端页面', en: 'Front end' },
  search: { 'zh-CN': '搜索', en: 'Search' },
  checkout: { 'zh-CN': '结算', en: 'Checkout' },
  payment: { 'zh-CN': '支付', en: 'Payment' },
  logistics: { 'zh-CN': '物流', en: 'Logistics' },
  'after-sales': { 'zh-CN': '售后', en: 'After-sales' },
  complaints: { 'zh-CN': '投诉', en: 'Complaints' },
  returns: { 'zh-CN': '退换货', en: 'Returns' },
} as const satisfies Record<NonNullable<NonNullable<UsersFile['cx']>['standards']>[number]['touchpoint'], Message>;

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
  units: { 'zh-CN': '件数', en: 'Units' },
  gmv: { 'zh-CN': 'GMV', en: 'GMV' },
  refunds: { 'zh-CN': '退款', en: 'Refunds' },
  netSales: { 'zh-CN': '净销售额', en: 'Net sales' },
  vat: { 'zh-CN': '增值税', en: 'VAT' },
  netRevenue: { 'zh-CN': '净收入', en: 'Net revenue' },
  cogs: { 'zh-CN': '货品成本', en: 'Cost of goods' },
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
  ...prefixed('label.platform', platform),
  ...prefixed('label.kpiCategory', kpiCategory),
  ...prefixed('label.kpiDimension', kpiDimension),
  ...prefixed('label.frequency', frequency),
  ...prefixed('label.contentFormat', contentFormat),
  ...prefixed('label.complianceArea', complianceArea),
  ...prefixed('label.pestDimension', pestDimension),
  ...prefixed('label.pestImpact', pestImpact),
  ...prefixed('label.trendKind', trendKind),
  ...prefixed('label.cityTier', cityTier),
  ...prefixed('label.supplierKind', supplierKind),
  ...prefixed('label.warehouseKind', warehouseKind),
  ...prefixed('label.logisticsService', logisticsService),
  ...prefixed('label.systemKind', systemKind),
  ...prefixed('label.systemStatus', systemStatus),
  ...prefixed('label.lifecycleStage', lifecycleStage),
  ...prefixed('label.touchpoint', touchpoint),
};

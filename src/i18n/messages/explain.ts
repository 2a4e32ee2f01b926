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
} as const satisfies Record<InputLabel, Message>;

export const EXPLAIN = { ...prefixed('explain.formula', formulas), ...prefixed('explain.input', inputs) };

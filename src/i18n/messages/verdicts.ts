// Words of the targets judged and of what it would take to close a missed one (PlanResult.verdicts), on the
// site and in `shopplan compute`. Keys: `verdict.<name>`. Status names are `label.status.*`, driver names `label.driver.*`.
import { prefixed } from './message.ts';

export const VERDICTS = prefixed('verdict', {
  value: { 'zh-CN': '目标值', en: 'Value' },
  status: { 'zh-CN': '状态', en: 'Status' },
  attainment: { 'zh-CN': '达成率', en: 'Attainment' },
  notProjected: { 'zh-CN': '无预测', en: 'Not projected' },
  statusWithAttainment: { 'zh-CN': '{status}（{attainment}）', en: '{status} ({attainment})' },
  overshoot: { 'zh-CN': '超出目标 {share}', en: '{share} above target' },
  toClose: { 'zh-CN': '达成目标需要（任选一项）', en: 'What it would take (any one of)' },
  toCloseOf: { 'zh-CN': '{target}：目标 {value}，预测 {projection}', en: '{target}: target {value}, projection {projection}' },
  change: { 'zh-CN': '{driver}：{from} → {to}（{change}）', en: '{driver}: {from} → {to} ({change})' },
  implausible: { 'zh-CN': '超出合理范围（上限 {limit}）', en: 'implausible (limit {limit})' },
  unreachable: { 'zh-CN': '{driver}：单靠这一项无法达成', en: '{driver}: cannot close it alone' },
  allMet: { 'zh-CN': '所有目标均已达成或无预测，无需调整。', en: 'Every target is met or not projected: nothing to close.' },
  scenario: { 'zh-CN': '情景：{name}（{id}）', en: 'Scenario: {name} ({id})' },
  byQuarter: { 'zh-CN': '按季度和年度', en: 'By quarter and year' },
  pnl: { 'zh-CN': '损益汇总', en: 'P&L summary' },
  breakEven: { 'zh-CN': '盈亏平衡月份：{month}', en: 'Break-even month: {month}' },
  noBreakEven: { 'zh-CN': '计划期内未实现盈亏平衡', en: 'No break-even within the plan' },
});

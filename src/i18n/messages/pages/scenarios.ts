// Words of the scenarios page (src/site/pages/[...locale]/scenarios.astro). P&L line names are label.pnl.*.
import { prefixed } from '../message.ts';

export const SCENARIOS_PAGE = prefixed('page.scenarios', {
  scenarios: { 'zh-CN': '情景分析', en: 'Scenarios' },
  scenariosNote: { 'zh-CN': '每个情景都按其参数调整完整重算一遍计划。', en: 'Each scenario recomputes the whole plan with its overrides applied.' },
  scenario: { 'zh-CN': '情景', en: 'Scenario' },
  probability: { 'zh-CN': '概率', en: 'Probability' },
  delta: { 'zh-CN': '经营利润 Δ（对比计划）', en: 'Δ operating profit vs plan' },
  overrides: { 'zh-CN': '参数调整', en: 'Overrides' },
  overridesOf: { 'zh-CN': '参数调整：{scenario}', en: 'Overrides: {scenario}' },
  change: { 'zh-CN': '调整', en: 'Change' },
  note: { 'zh-CN': '说明', en: 'Note' },
  noOverrides: { 'zh-CN': '不调整任何参数：即计划本身。', en: 'No overrides: the plan as written.' },
  set: { 'zh-CN': '{name} 设为 {value}', en: '{name} set to {value}' },
  factor: { 'zh-CN': '{name} × {factor}', en: '{name} × {factor}' },
  tornado: { 'zh-CN': '敏感性分析（龙卷风图）', en: 'Sensitivity (tornado)' },
  tornadoNote: {
    'zh-CN': '每次只把一个驱动因素上下浮动 {range}，看经营利润如何变化；计划的经营利润为 {base}。按摆幅从大到小排列。',
    en: 'Each driver is moved down and up by {range}, one at a time, to see how operating profit changes; the plan’s operating profit is {base}. Longest swing first.',
  },
  chartTitle: { 'zh-CN': '经营利润：驱动因素 {range}', en: 'Operating profit with each driver {range}' },
  moved: { 'zh-CN': '驱动因素 {change} 时', en: 'Driver {change}' },
  profitWhen: { 'zh-CN': '经营利润（驱动因素 {change}）', en: 'Operating profit (driver {change})' },
  driver: { 'zh-CN': '驱动因素', en: 'Driver' },
  base: { 'zh-CN': '当前取值', en: 'Current value' },
  swing: { 'zh-CN': '摆幅', en: 'Swing' },
  none: { 'zh-CN': '暂无情景。', en: 'No scenarios yet.' },
});

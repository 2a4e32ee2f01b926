// Words of the changes page (src/site/pages/[...locale]/changes.astro): what changed between plan versions.
import { prefixed } from '../message.ts';

export const CHANGES_PAGE = prefixed('page.changes', {
  title: { 'zh-CN': '版本变更', en: 'Changes between versions' },
  lead: {
    'zh-CN': '相邻两个版本之间改了哪些输入，以及这些改动对目标、损益、GMV 与利润、指标和风险触发的影响。',
    en: 'What changed in the inputs between consecutive versions, and what that does to targets, the P&L, GMV and profit, KPIs and risk triggers.',
  },
  versions: { 'zh-CN': '全部版本', en: 'All versions' },
  latest: { 'zh-CN': '最新（未发布）', en: 'latest (unreleased)' },
  none: { 'zh-CN': '输入没有变化。', en: 'No input changed.' },
  count: {
    'zh-CN': '{n} 处输入变更，涉及 {f} 个文件',
    en: '{n, plural, one {# input change} other {# input changes}} in {f, plural, one {# file} other {# files}}',
  },
  headline: { 'zh-CN': '核心数字', en: 'Headline figures' },
  inputs: { 'zh-CN': '输入变更', en: 'Input changes' },
  targets: { 'zh-CN': '目标', en: 'Targets' },
  pnl: { 'zh-CN': '损益（全周期合计）', en: 'Profit and loss (horizon totals)' },
  quarters: { 'zh-CN': '按季度', en: 'By quarter' },
  months: { 'zh-CN': '按月', en: 'By month' },
  kpis: { 'zh-CN': '指标预测（全周期）', en: 'KPI projections (horizon)' },
  risks: { 'zh-CN': '风险触发', en: 'Risk triggers' },
  withCount: { 'zh-CN': '{title}（{n}）', en: '{title} ({n})' },
  figure: { 'zh-CN': '项目', en: 'Figure' },
  input: { 'zh-CN': '输入', en: 'Input' },
  period: { 'zh-CN': '期间', en: 'Period' },
  before: { 'zh-CN': '之前', en: 'Before' },
  after: { 'zh-CN': '之后', en: 'After' },
  delta: { 'zh-CN': 'Δ', en: 'Δ' },
  pct: { 'zh-CN': 'Δ%', en: 'Δ%' },
  projection: { 'zh-CN': '预测', en: 'Projection' },
  projectionDelta: { 'zh-CN': '预测 Δ', en: 'Projection Δ' },
  added: { 'zh-CN': '新增', en: 'added' },
  removed: { 'zh-CN': '删除', en: 'removed' },
  changed: { 'zh-CN': '已修改', en: 'edited' },
  settings: { 'zh-CN': '{n} 项设置', en: '{n, plural, one {# setting} other {# settings}}' },
  fired: { 'zh-CN': '新触发：{name}（{period}，{basis}）', en: 'now fires: {name} ({period}, {basis})' },
  cleared: { 'zh-CN': '不再触发：{name}（{period}，{basis}）', en: 'no longer fires: {name} ({period}, {basis})' },
  // Headline rows whose words differ from their P&L line's (label.pnl.*), by their key in the diff
  // (versions/diff-outputs.ts); the other headline rows are P&L lines and read as the P&L names them.
  'headline.targets.gmv': { 'zh-CN': 'GMV 目标', en: 'GMV target' },
  'headline.pnl.gmv': { 'zh-CN': 'GMV（预测）', en: 'GMV (projected)' },
});

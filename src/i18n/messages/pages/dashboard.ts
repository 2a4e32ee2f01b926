// Words of the dashboard (src/site/pages/[...locale]/index.astro). Its verdict sections share the board's words.
import { prefixed } from '../message.ts';

export const DASHBOARD_PAGE = prefixed('page.dashboard', {
  planVsActual: { 'zh-CN': '计划 vs 实际（最新月份）', en: 'Plan vs actual (latest month)' },
  kpi: { 'zh-CN': '指标', en: 'KPI' },
  plan: { 'zh-CN': '计划', en: 'Plan' },
  actual: { 'zh-CN': '实际', en: 'Actual' },
  attainment: { 'zh-CN': '达成', en: 'Attainment' },
  profitTotal: { 'zh-CN': '经营利润合计：{value}', en: 'Operating profit in all: {value}' },
});

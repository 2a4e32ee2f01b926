// Words of the P&L page (src/site/pages/[...locale]/pnl.astro). Line names are label.pnl.*.
import { prefixed } from '../message.ts';

export const PNL_PAGE = prefixed('page.pnl', {
  statement: { 'zh-CN': '损益表（按季度）', en: 'Profit and loss by quarter' },
  statementTable: { 'zh-CN': '损益表：各季度与全年', en: 'P&L by quarter and for the year' },
  monthly: { 'zh-CN': '损益表（按月）', en: 'Profit and loss by month' },
  monthlyTable: { 'zh-CN': '损益表：全年各月（元）', en: 'P&L for each month of the plan (¥)' },
  line: { 'zh-CN': '项目', en: 'Line' },
  less: { 'zh-CN': '减：{line}', en: 'Less: {line}' },
  opex: { 'zh-CN': '经营费用', en: 'Operating expenses' },
  operatingProfitTotal: { 'zh-CN': '全年经营利润', en: 'Operating profit for the year' },
  grossProfitTotal: { 'zh-CN': '全年毛利', en: 'Gross profit for the year' },
  netRevenueTotal: { 'zh-CN': '全年净收入', en: 'Net revenue for the year' },
  breakEven: { 'zh-CN': '盈亏平衡月份', en: 'Break-even month' },
  breakEvenNote: { 'zh-CN': '累计经营利润自该月起不再低于 0', en: 'cumulative operating profit stays at or above 0 from this month on' },
  notReached: { 'zh-CN': '计划期内未达到', en: 'not reached within the plan' },
  howCalculated: { 'zh-CN': '各行如何计算', en: 'How the lines are calculated' },
  cumulative: { 'zh-CN': '累计经营利润（月）', en: 'Cumulative operating profit (monthly)' },
  cumulativeLabel: { 'zh-CN': '累计经营利润', en: 'Cumulative operating profit' },
  opexChart: { 'zh-CN': '经营费用构成（按季度）', en: 'Operating expenses by quarter' },
  cash: { 'zh-CN': '损益表之外的现金', en: 'Cash outside the P&L' },
  cashNote: {
    'zh-CN': '损益表之外的现金：库存占用资金（月末库存成本），以及促销成交按实际收款月份（预售定金与尾款）的现金流入。',
    en: 'Cash the P&L does not show: money tied up in stock (inventory at cost at month end), and promotion sales by the month the cash comes in (pre-sale deposits and balances).',
  },
  cashChart: { 'zh-CN': '库存占用资金与促销现金（月）', en: 'Cash in inventory and promotion cash (monthly)' },
  inventoryCapital: { 'zh-CN': '库存占用资金', en: 'Cash tied in inventory' },
  promotionCash: { 'zh-CN': '促销现金收入', en: 'Promotion cash received' },
});

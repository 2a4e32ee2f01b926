// Every UI string of the site, per locale. Plan content brings its own translations ({ zh-CN, en }).
import type { Locale } from '../../i18n/locale.ts';

const zh = {
  siteName: '经营计划',
  skip: '跳到正文',
  menu: '目录',
  language: '语言',
  switchTo: 'English',
  search: '搜索',
  searchPlaceholder: '搜索计划……',
  dashboard: '总览',
  chapters: '章节',
  data: '数据',
  howCalculated: '如何计算',
  formula: '公式',
  inputs: '输入',
  source: '来源',
  viewSource: '查看 YAML 第 {line} 行',
  dataTable: '数据表',
  month: '月份',
  quarter: '季度',
  total: '合计',
  target: '目标',
  baseline: '基线',
  growth: '增长',
  projection: '预测',
  gap: '差距',
  warnings: '预警',
  noWarnings: '没有预警。',
  headlineKpis: '核心指标',
  gmvByChannel: '各渠道 GMV（月）',
  operatingProfit: '经营利润',
  version: '版本',
  generated: '由 ShopPlan 生成',
  notFound: '页面不存在',
  print: '打印',
} as const;

type Strings = Record<keyof typeof zh, string>;

const en: Strings = {
  siteName: 'Operating plan',
  skip: 'Skip to content',
  menu: 'Contents',
  language: 'Language',
  switchTo: '中文',
  search: 'Search',
  searchPlaceholder: 'Search the plan…',
  dashboard: 'Dashboard',
  chapters: 'Chapters',
  data: 'Data',
  howCalculated: 'How is this calculated',
  formula: 'Formula',
  inputs: 'Inputs',
  source: 'Source',
  viewSource: 'View YAML line {line}',
  dataTable: 'Data table',
  month: 'Month',
  quarter: 'Quarter',
  total: 'Total',
  target: 'Target',
  baseline: 'Baseline',
  growth: 'Growth',
  projection: 'Projection',
  gap: 'Gap',
  warnings: 'Warnings',
  noWarnings: 'No warnings.',
  headlineKpis: 'Headline KPIs',
  gmvByChannel: 'GMV by channel (monthly)',
  operatingProfit: 'Operating profit',
  version: 'Version',
  generated: 'Made with ShopPlan',
  notFound: 'Page not found',
  print: 'Print',
};

export const STRINGS: Record<Locale, Strings> = { 'zh-CN': zh, en };

/** Fills `{name}` placeholders of a UI sentence. */
export function fill(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

export function ui(locale: Locale, key: keyof Strings, vars: Record<string, string | number> = {}): string {
  return fill(STRINGS[locale][key], vars);
}

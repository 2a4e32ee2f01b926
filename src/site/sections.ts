// The data pages of the site, in the order of the plan outline (§1–§8), each shown only when the plan has
// the inputs it needs.
import type { SiteData } from './site-data.ts';
import type { Text } from '../model/plan-input.generated.ts';
import { invariant } from '../model/invariant.ts';

export interface Section {
  slug: string;
  outline: string;
  title: Text;
  available: (d: SiteData) => boolean;
}

const has = (n: unknown) => Array.isArray(n) ? n.length > 0 : n !== undefined && n !== null && (typeof n !== 'object' || Object.keys(n).length > 0);

export const SECTIONS: readonly Section[] = [
  { slug: 'strategy', outline: '1.1–1.3', title: { 'zh-CN': '战略与市场', en: 'Strategy and market' }, available: (d) => has(d.input.strategy) },
  { slug: 'targets', outline: '1.4', title: { 'zh-CN': '核心目标', en: 'Targets' }, available: (d) => has(d.result.targets) },
  { slug: 'baseline', outline: '1.4 · 3.2', title: { 'zh-CN': '上年基线（订单数据）', en: "Last year's baseline (orders)" }, available: (d) => d.result.baseline !== null && d.result.baseline !== undefined },
  { slug: 'channels', outline: '1.3 · 4', title: { 'zh-CN': '渠道与漏斗', en: 'Channels and funnel' }, available: (d) => has(d.result.channels) },
  { slug: 'products', outline: '2.1–2.2', title: { 'zh-CN': '产品与定价', en: 'Products and pricing' }, available: (d) => has(d.result.products.skus) },
  { slug: 'promotions', outline: '2.2', title: { 'zh-CN': '促销日历', en: 'Promotions' }, available: (d) => has(d.result.promotions) },
  { slug: 'supply', outline: '2.3', title: { 'zh-CN': '供应链与库存', en: 'Supply and inventory' }, available: (d) => has(d.result.supply.skus) },
  { slug: 'users', outline: '3.1–3.3', title: { 'zh-CN': '用户与会员', en: 'Users and membership' }, available: (d) => has(d.input.users) },
  { slug: 'marketing', outline: '4.1–4.5', title: { 'zh-CN': '营销与投放', en: 'Marketing' }, available: (d) => has(d.result.marketing.channels) },
  { slug: 'kpis', outline: '5.1–5.3', title: { 'zh-CN': '指标体系与系统', en: 'KPIs and systems' }, available: (d) => has(d.result.kpis) || has(d.input.systems) },
  { slug: 'pnl', outline: '5.2', title: { 'zh-CN': '损益预测', en: 'Profit and loss' }, available: (d) => d.result.pnl.total.gmv !== 0 || has(d.result.channels) },
  { slug: 'org', outline: '6.1–6.3', title: { 'zh-CN': '组织与人才', en: 'Organisation' }, available: (d) => has(d.input.org?.teams) },
  { slug: 'risks', outline: '7.1–7.3', title: { 'zh-CN': '风险与合规', en: 'Risks and compliance' }, available: (d) => has(d.input.risks) },
  { slug: 'scenarios', outline: '—', title: { 'zh-CN': '情景与敏感性', en: 'Scenarios and sensitivity' }, available: (d) => has(d.result.scenarios) || d.result.sensitivity !== null },
  { slug: 'review', outline: '8', title: { 'zh-CN': '复盘与迭代', en: 'Review and iteration' }, available: (d) => has(d.input.review) },
];

export function section(slug: string): Section {
  const s = SECTIONS.find((x) => x.slug === slug);
  invariant(s, `unknown section ${slug}`);
  return s;
}

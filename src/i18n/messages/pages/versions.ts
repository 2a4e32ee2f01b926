// Words of the plan versions page (src/site/pages/[...locale]/versions.astro).
import { prefixed } from '../message.ts';

export const VERSIONS_PAGE = prefixed('page.versions', {
  title: { 'zh-CN': '计划版本', en: 'Plan versions' },
  lead: {
    'zh-CN': '每个版本是计划仓库的一个 git 标签，用当前的 ShopPlan 重新计算和发布。“最新”是主分支上的工作版本。',
    en: 'Each version is a git tag of the plan repository, recomputed and published with the current ShopPlan. “Latest” is the working plan on the main branch.',
  },
  version: { 'zh-CN': '版本', en: 'Version' },
  date: { 'zh-CN': '日期', en: 'Date' },
  message: { 'zh-CN': '说明', en: 'Message' },
  gmvTarget: { 'zh-CN': 'GMV 目标', en: 'GMV target' },
  gmv: { 'zh-CN': 'GMV（预测）', en: 'GMV (projected)' },
  op: { 'zh-CN': '经营利润', en: 'Operating profit' },
  changes: { 'zh-CN': '变更', en: 'Changes' },
  latest: { 'zh-CN': '最新', en: 'latest' },
  unreleased: { 'zh-CN': '未发布的变更', en: 'unreleased changes' },
  since: { 'zh-CN': '相对上一版本', en: 'since the version before' },
  migrated: { 'zh-CN': '由 schemaVersion {v} 迁移', en: 'migrated from schemaVersion {v}' },
});

// Words of the review page (src/site/pages/[...locale]/review.astro). Frequencies are label.frequency.*.
import { prefixed } from '../message.ts';

export const REVIEW_PAGE = prefixed('page.review', {
  cadence: { 'zh-CN': '复盘机制', en: 'Review cadence' },
  meeting: { 'zh-CN': '会议', en: 'Review' },
  frequency: { 'zh-CN': '频率', en: 'Frequency' },
  participants: { 'zh-CN': '参加团队', en: 'Teams' },
  inputs: { 'zh-CN': '输入', en: 'Inputs' },
  outputs: { 'zh-CN': '产出', en: 'Outputs' },
  owner: { 'zh-CN': '负责团队', en: 'Owner' },
  changelog: { 'zh-CN': '变更记录', en: 'Change log' },
  version: { 'zh-CN': '版本', en: 'Version' },
  date: { 'zh-CN': '日期', en: 'Date' },
  author: { 'zh-CN': '作者', en: 'Author' },
  summary: { 'zh-CN': '变更内容', en: 'Summary' },
  current: { 'zh-CN': '当前版本', en: 'Current version' },
  currentIs: { 'zh-CN': '当前版本：{version}', en: 'Current version: {version}' },
  experiments: { 'zh-CN': '快速试错规则', en: 'Experiments policy' },
  howTitle: { 'zh-CN': '版本与变更如何管理', en: 'How versions and changes are managed' },
  how1: { 'zh-CN': '本计划以 YAML 和 MDX 文件保存在 git 仓库中，网站和 PDF 都由这些文件自动生成。', en: 'The plan lives in a git repository as YAML and MDX files; this site and the PDF are generated from them.' },
  how2: {
    'zh-CN': '每个正式版本是仓库中的一个 git 标签（如 v2027.1），对应上面变更记录里的一行；任何人都可以检出某个标签，重新生成当时的计划。',
    en: 'Each released version is a git tag in the repository (e.g. v2027.1) and a line in the change log above; anyone can check out a tag and rebuild the plan exactly as it was.',
  },
  how3: {
    'zh-CN': '修改计划通过拉取请求（PR）提交：先在分支上改动，检查通过后由负责人评审、合并，再打新的版本标签并在变更记录中写明原因。',
    en: 'Changes go through pull requests: edit on a branch, let the checks pass, have the owner review and merge, then tag the new version and record why in the change log.',
  },
  none: { 'zh-CN': '暂无。', en: 'None yet.' },
});

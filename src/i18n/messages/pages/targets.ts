// Words of the targets page (src/site/pages/[...locale]/targets.astro). Status words are verdict.* and label.status.*.
import { prefixed } from '../message.ts';

export const TARGETS_PAGE = prefixed('page.targets', {
  smartCaption: { 'zh-CN': '核心目标（SMART）：基线、目标值、预测与差距', en: 'Core targets (SMART): baseline, target, projection and gap' },
  goal: { 'zh-CN': '目标', en: 'Target' },
  period: { 'zh-CN': '期间', en: 'Period' },
  monthlyChart: { 'zh-CN': '{target}：按月目标与预测', en: '{target}: target and projection by month' },
  gapCaption: { 'zh-CN': '各渠道差距：合计 {gap}（{share}）', en: 'Gap by channel: {gap} in all ({share})' },
  channel: { 'zh-CN': '渠道', en: 'Channel' },
  milestones: { 'zh-CN': '里程碑', en: 'Milestones' },
  milestonesCaption: { 'zh-CN': '{target}的里程碑：预测与目标', en: 'Milestones of {target}: projection against target' },
  milestone: { 'zh-CN': '里程碑', en: 'Milestone' },
});

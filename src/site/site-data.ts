// What pages receive: the computed result plus the plan's own texts. Built once per build by the
// integration; pages import it from the virtual module and never compute numbers themselves.
import type { PlanCheck } from '../pipeline/check-plan.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { PlanResult } from '../engine/plan-result.ts';

export interface ChapterSummary {
  slug: string;
  locale: string | null;
  title: string;
  order: number;
  summary: string | null;
}

export interface SiteData {
  input: PlanInput;
  result: PlanResult;
  chapters: ChapterSummary[];
}

export function siteData(check: PlanCheck): SiteData {
  if (!check.input || !check.result || !check.sources) throw new Error('siteData needs a plan that validated and computed');
  const chapters = check.sources.chapters
    .map((c) => {
      const fm = c.frontmatter as { title: string; order: number; summary?: string };
      return { slug: c.slug, locale: c.locale ?? null, title: fm.title, order: fm.order, summary: fm.summary ?? null };
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  return { input: check.input, result: check.result, chapters };
}

// Chapters: front matter matches its schema; `:kpi[…]` names a KPI. (`:value[…]` is checked after compute.)
import type { ValidateFunction } from 'ajv';
import { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ChapterSource } from '../../load/parse-mdx.ts';
import type { PlanInput } from '../../model/plan-input.generated.ts';
import { closest } from '../closest.ts';

export function checkChapterFrontmatter(chapter: ChapterSource, validate: ValidateFunction): Diagnostic[] {
  if (chapter.frontmatter === undefined || validate(chapter.frontmatter)) return [];
  return (validate.errors ?? []).map((e) => {
    const field = e.instancePath.slice(1) || (e.params as { missingProperty?: string; additionalProperty?: string }).missingProperty || (e.params as { additionalProperty?: string }).additionalProperty || 'front matter';
    return new Diagnostic('mdx-frontmatter', `Front matter "${field}" ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` ("${(e.params as { additionalProperty: string }).additionalProperty}")` : ''}.`, {
      file: chapter.file,
      place: chapter.frontmatterPlace,
      path: field,
    });
  });
}

export function checkKpiCitations(chapter: ChapterSource, input: PlanInput): Diagnostic[] {
  const ids = new Set((input.kpis?.kpis ?? []).map((k) => k.id));
  return chapter.citations
    .filter((c) => c.kind === 'kpi' && !ids.has(c.ref))
    .map((c) => {
      const guess = closest(c.ref, ids);
      return new Diagnostic('mdx-unknown-kpi', `:kpi[${c.ref}] names no KPI in kpis.yaml.${guess ? ` Did you mean "${guess}"?` : ''}`, { file: chapter.file, place: c.place });
    });
}

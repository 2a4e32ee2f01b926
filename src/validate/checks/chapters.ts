// Chapters: front matter matches its schema; `:kpi[…]` names a KPI. (`:value[…]` is checked after compute.)
import type { ValidateFunction } from 'ajv';
import { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ChapterSource } from '../../load/parse-mdx.ts';
import type { PlanInput } from '../../model/plan-input.generated.ts';
import { closest } from '../../model/closest.ts';

export function checkChapterFrontmatter(chapter: ChapterSource, validate: ValidateFunction): Diagnostic[] {
  if (chapter.frontmatter === undefined || validate(chapter.frontmatter)) return [];
  return (validate.errors ?? []).map((e) => {
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    const field = e.instancePath.slice(1);
    const message =
      e.keyword === 'required'
        ? `The front matter of ${chapter.file} needs "${params.missingProperty}".`
        : e.keyword === 'additionalProperties'
          ? `The front matter of ${chapter.file} has an unknown key "${params.additionalProperty}" (allowed: title, order, summary, sections).`
          : field
            ? `Front matter "${field}" ${e.message ?? 'is invalid'}.`
            : `The front matter of ${chapter.file} must be key: value lines (title, order …).`;
    return new Diagnostic('mdx-frontmatter', message, { file: chapter.file, place: chapter.frontmatterPlace, path: field });
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

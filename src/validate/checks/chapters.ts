// Chapters: front matter matches its schema; links and images pass the URL allow-list; `:kpi[…]` names a
// KPI; `::chart{…}` and `::table{…}` name a chart or table of the registry. (`:value[…]` is checked after compute.)
import { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { misplacedFigure, type ChapterSource } from '../../load/parse-mdx.ts';
import type { PlanInput } from '../../model/plan-input.generated.ts';
import { closest, didYouMean } from '../../model/closest.ts';
import { FIGURE_DIRECTIVES } from '../../model/chapter-figures.ts';
import { checkUrl } from '../../model/url-policy.ts';
import { schemaErrors } from '../validators.ts';

export function checkChapterFrontmatter(chapter: ChapterSource): Diagnostic[] {
  if (chapter.frontmatter === undefined) return [];
  return schemaErrors('chapter', chapter.frontmatter).map((e) => {
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

/** Each `::chart{…}` / `::table{…}` stands on its own line and takes only the attribute that names a known figure. */
export function checkChapterFigures(chapter: ChapterSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { kind, attributes, standalone, place } of chapter.figures) {
    const { attribute, names } = FIGURE_DIRECTIVES[kind];
    const known = Object.keys(names);
    const listed = `${kind === 'chart' ? 'Charts' : 'Tables'} a chapter can place: ${known.join(', ')} (docs/chapters.md).`;
    const at = (message: string, hint: string) => out.push(new Diagnostic('mdx-unknown-figure', message, { file: chapter.file, place, hint }));
    if (!standalone) {
      out.push(misplacedFigure(chapter.file, kind, place));
      continue;
    }
    const unknown = Object.keys(attributes).filter((a) => a !== attribute);
    for (const other of unknown) at(`::${kind}{…} has no attribute "${other}"; it takes only ${attribute}=….${didYouMean(other, [attribute])}`, `Name the ${kind} with ${attribute}, e.g. ::${kind}{${attribute}=${known[0]}}.`);
    const name = attributes[attribute];
    // A misspelt attribute (`for=` for `of=`) is the one error to fix, not also a missing name.
    if (name === undefined || name === '') {
      if (unknown.length === 0) at(`::${kind}{…} needs ${attribute}=… to name the ${kind} it places.`, listed);
    } else if (!Object.hasOwn(names, name)) at(`::${kind}{${attribute}=${name}} names no ${kind} ShopPlan can place.${didYouMean(name, known)}`, listed);
  }
  return out;
}

const URL_KINDS = { link: 'The link', definition: 'The link definition', image: 'The image', element: 'The address in the HTML element' } as const;

export function checkChapterUrls(chapter: ChapterSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { url, use, kind, place } of chapter.urls) {
    const verdict = checkUrl(url, use);
    const shown = JSON.stringify(url.length > 60 ? `${url.slice(0, 57)}…` : url);
    // A relative image would be a broken picture: the site publishes no file of the plan folder but its pages.
    if (verdict.ok && use === 'image') out.push(new Diagnostic('image-unsupported', `${URL_KINDS[kind]} ${shown} would not show: the site publishes no files from the plan folder, so chapters cannot show images.`, { file: chapter.file, place }));
    if (verdict.ok) continue;
    out.push(
      verdict.reason === 'off-origin'
        ? new Diagnostic('image-off-origin', `${URL_KINDS[kind]} ${shown} loads from another site; pages show only images of the site itself.`, { file: chapter.file, place })
        : new Diagnostic('link-scheme', `${URL_KINDS[kind]} ${shown} uses the scheme "${verdict.scheme}:"; chapters may link only to https:, http:, mailto: or a relative address.`, { file: chapter.file, place }),
    );
  }
  return out;
}

// What pages receive: the computed result, the plan's own texts, chapters rendered per locale, and the
// YAML line of every plan input a figure was computed from. Built once per build by the integration;
// pages import it from the virtual module and never compute numbers themselves.
import type { PlanCheck } from '../pipeline/check-plan.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { PlanResult } from '../model/result/plan-result.ts';
import { locate } from '../load/locate.ts';
import { parsePath } from '../model/data-path.ts';
import type { PlanFileKey } from '../model/plan-files.ts';
import { renderChapter, type ChapterPart } from './render-chapter.ts';
import { DEFAULT_LOCALE, LOCALES, siteLocales, type Locale } from '../i18n/locale.ts';
import type { SiteVersions } from '../versions/site-versions.ts';
import { invariant } from '../model/invariant.ts';
import { isWebAddress } from '../model/url-policy.ts';
import { planFields, type PlanField } from './plan-fields.ts';

export interface ChapterPage {
  slug: string;
  /** The locale the text is written in; a chapter missing in a locale falls back to the default one. */
  lang: Locale;
  title: string;
  order: number;
  summary: string | null;
  sections: string[];
  /** The chapter's HTML, cut where it places a chart or a table. */
  parts: ChapterPart[];
}

export interface SiteData {
  input: PlanInput;
  result: PlanResult;
  locales: Locale[];
  /** Chapters per site locale, in reading order. */
  chapters: Record<Locale, ChapterPage[]>;
  /** `targets.yaml#targets[0].value` → its line in the YAML file. */
  sourceLines: Record<string, number>;
  repository: { url: string; branch: string; contentPath: string } | null;
  /** The field each plan path of the scenarios (overrides, sensitivity drivers) and of the changes between
   *  versions names, for their names in words. */
  planFields: Record<string, PlanField>;
  /** Plan versions (git tags) when the site is built with them; null otherwise (dev, no repository). */
  versions: SiteVersions | null;
}

// `shopplan dev` builds the site data again after every edit: a chapter whose text, locale and figures (the
// same computed result of the same input) are unchanged keeps its rendering, so an edit to one chapter renders
// that one only. The result is the same object when the pipeline reused its compute (pipeline/compute-memo.ts).
const rendered = new WeakMap<PlanResult, { input: string; parts: Map<string, ChapterPart[]> }>();
/** The MDX text each chapter page is rendered from (siteDataKey). */
const sourceTexts = new WeakMap<ChapterPage, string>();

function chapterRenderer(input: PlanInput, result: PlanResult): (text: string, lang: Locale) => ChapterPart[] {
  const key = JSON.stringify(input);
  let memo = rendered.get(result);
  if (memo?.input !== key) rendered.set(result, (memo = { input: key, parts: new Map() }));
  const parts = memo.parts;
  // Edits to a chapter under the same result each leave a rendering behind: bounded.
  if (parts.size > 256) parts.clear();
  return (text, lang) => {
    const at = `${lang}\0${text}`;
    let out = parts.get(at);
    if (!out) parts.set(at, (out = renderChapter(text, { input, result }, lang)));
    return out;
  };
}

export function siteData(check: PlanCheck, versions: SiteVersions | null = null): SiteData {
  invariant(check.input && check.result && check.sources, 'siteData needs a plan that validated and computed');
  const { input, result, sources } = check;
  const render = chapterRenderer(input, result);
  const locales = siteLocales(input.plan.locales ?? []);
  const chapters = Object.fromEntries(LOCALES.map((l) => [l, [] as ChapterPage[]])) as Record<Locale, ChapterPage[]>;
  const bySlug = new Map<string, Map<Locale, (typeof sources.chapters)[number]>>();
  for (const c of sources.chapters) {
    const lang = ((c.locale as Locale | undefined) ?? DEFAULT_LOCALE) as Locale;
    if (!bySlug.has(c.slug)) bySlug.set(c.slug, new Map());
    bySlug.get(c.slug)!.set(lang, c);
  }
  for (const locale of locales) {
    for (const [slug, versions] of bySlug) {
      const chapter = versions.get(locale) ?? versions.get(DEFAULT_LOCALE) ?? [...versions.values()][0]!;
      const lang = ((chapter.locale as Locale | undefined) ?? DEFAULT_LOCALE) as Locale;
      const fm = chapter.frontmatter as { title: string; order: number; summary?: string; sections?: string[] };
      // Rendered when a page (or the build's JSON) first reads it: `shopplan dev` renders only the chapter shown.
      const text = chapter.text;
      chapters[locale].push({ slug, lang, title: fm.title, order: fm.order, summary: fm.summary ?? null, sections: fm.sections ?? [], get parts() { return render(text, lang); } });
      sourceTexts.set(chapters[locale].at(-1)!, text);
    }
    chapters[locale].sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  }
  const repo = input.plan.repository;
  return {
    input,
    result,
    locales,
    chapters,
    sourceLines: sourceLines(check),
    // Source links are built on this address: one that is not a web address (it failed validation) gives none.
    repository: repo && isWebAddress(repo.url) ? { url: repo.url.replace(/\/$/, ''), branch: repo.branch ?? 'main', contentPath: repo.contentPath ?? 'content' } : null,
    planFields: planFields(input, [...scenarioPaths(input), ...(versions?.changes ?? []).flatMap((c) => c.diff.inputs.map((i) => i.path))]),
    versions,
  };
}

/**
 * A text that differs whenever what `data` shows differs (`shopplan dev` reloads only then) — without
 * rendering a chapter: a chapter shows its text rendered with the input and result, so its text stands in.
 * The result is compared by identity: an unchanged input computes to the same object (pipeline/compute-memo.ts).
 */
export function siteDataKey(data: SiteData): { text: string; result: PlanResult } {
  const chapters = Object.fromEntries(
    Object.entries(data.chapters).map(([locale, pages]) => [
      locale,
      pages.map((page) => [...Object.keys(page).filter((k) => k !== 'parts').map((k) => page[k as keyof ChapterPage]), sourceTexts.get(page)]),
    ]),
  );
  return { text: JSON.stringify({ ...data, result: undefined, chapters }), result: data.result };
}

function scenarioPaths(input: PlanInput): string[] {
  const s = input.scenarios;
  return [...(s?.scenarios ?? []).flatMap((x) => (x.overrides ?? []).map((o) => o.path)), ...(s?.sensitivity?.drivers ?? []).map((d) => d.path)];
}

/** Finds every `source: { file, path }` in the result's explanations and looks up its YAML line. */
function sourceLines(check: PlanCheck): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === 'object') {
      const source = (node as { source?: { file?: unknown; path?: unknown } }).source;
      if (source && typeof source.file === 'string' && typeof source.path === 'string') {
        const key = `${source.file}#${source.path}`;
        if (!(key in out)) {
          const file = check.sources?.files[source.file.replace(/\.ya?ml$/, '') as PlanFileKey];
          if (file) out[key] = locate(file, parsePath(source.path)).place.start.line;
        }
      }
      for (const v of Object.values(node)) walk(v);
    }
  };
  walk(check.result);
  return out;
}

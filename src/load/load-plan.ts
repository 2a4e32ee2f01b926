// A plan folder's files (already read) → parsed sources with positions, plus what was wrong with them.
import { posix } from 'node:path';
import { Diagnostic } from '../diagnostics/diagnostic.ts';
import { PLAN_FILES, REQUIRED_FILES, type PlanFileKey } from '../model/plan-files.ts';
import { didYouMean } from '../model/closest.ts';
import { decodePlanFile } from './decode.ts';
import { MAX_FILE_BYTES, MAX_PLAN_BYTES, textSource, type TextSource } from './source-file.ts';
import { parseYaml, type YamlSource } from './parse-yaml.ts';
import { parseMdx, type ChapterSource } from './parse-mdx.ts';
import { ChapterBudget } from './mdx-limits.ts';
import { parseActuals, type ActualsSource } from './parse-actuals.ts';
import { memoParse } from './parse-memo.ts';

export interface RawFile {
  /** Path inside the plan folder, with `/` separators, e.g. `targets.yaml` or `chapters/01-strategy.mdx`. */
  name: string;
  bytes: Uint8Array;
  /** Set when the file was listed but not read (it leads outside the plan folder, is no regular file, …): why. */
  refused?: Diagnostic;
}

export interface PlanSources {
  /** The plan folder as the user named it, e.g. `content`. */
  dir: string;
  files: Partial<Record<PlanFileKey, YamlSource>>;
  chapters: ChapterSource[];
  actuals: ActualsSource[];
  /** Plan files that decoded as text but could not be parsed: kept for the code frames of their diagnostics. */
  unparsed: TextSource[];
}

export interface LoadResult {
  sources: PlanSources;
  diagnostics: Diagnostic[];
}

const KNOWN = new Set<string>(PLAN_FILES);
/** A chapter's name becomes its page address: `NN-slug.mdx`, or `NN-slug.<locale>.mdx` for a translation. */
const CHAPTER_NAME = /^chapters\/[A-Za-z0-9][A-Za-z0-9_-]*(\.[a-z]{2}(-[A-Z]{2})?)?\.mdx$/;

/** How a plan file is named in messages and parse memos: the plan folder as given, then the file, e.g. `content/targets.yaml`. */
export function planFileLabel(dir: string, name: string): string {
  return posix.join(dir.replace(/\\/g, '/'), name);
}

export function loadPlan(dir: string, files: readonly RawFile[]): LoadResult {
  const sources: PlanSources = { dir, files: {}, chapters: [], actuals: [], unparsed: [] };
  const diagnostics: Diagnostic[] = [];
  const label = (name: string) => planFileLabel(dir, name);
  const budget = new ChapterBudget();
  let total = 0;
  for (const raw of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    if (raw.refused) {
      diagnostics.push(raw.refused);
      continue;
    }
    const file = label(raw.name);
    const yaml = /^([^/]+)\.ya?ml$/.exec(raw.name);
    const mdx = /^chapters\/[^/]+\.mdx$/.test(raw.name);
    const csv = /^actuals\/[^/]+\.csv$/.test(raw.name);
    if (!yaml && !mdx && !csv) continue;
    if (yaml && !KNOWN.has(yaml[1]!)) {
      diagnostics.push(
        new Diagnostic('file-unknown', `${file} is not a plan file.${didYouMean(yaml[1]!, PLAN_FILES).replace(/"([^"]+)"/, '"$1.yaml"')}`, {
          file,
          place: { start: { line: 1, column: 1 } },
          hint: `Plan files are: ${PLAN_FILES.map((k) => `${k}.yaml`).join(', ')}.`,
        }),
      );
      continue;
    }
    if (mdx && !CHAPTER_NAME.test(raw.name)) {
      diagnostics.push(
        new Diagnostic('file-name', `${file}: a chapter's file name becomes its page address, so it may hold only letters, digits, "-" and "_" before .mdx (and a locale such as .en).`, {
          file,
          place: { start: { line: 1, column: 1 } },
          hint: 'Rename it like 01-strategy.mdx (Chinese, the default locale) or 01-strategy.en.mdx (English); the title shown comes from the front matter.',
        }),
      );
      continue;
    }
    // A file over the per-file limit is refused on its own (decode); the rest count towards the total,
    // which is reported once, at the file that goes past it.
    if (raw.bytes.length <= MAX_FILE_BYTES && (total += raw.bytes.length) > MAX_PLAN_BYTES) {
      if (total - raw.bytes.length > MAX_PLAN_BYTES) continue;
      diagnostics.push(
        new Diagnostic('file-too-large', `The plan's files are more than ${MAX_PLAN_BYTES / 1024 / 1024} MiB together; ${file} goes past that.`, {
          file,
          place: { start: { line: 1, column: 1 } },
          hint: 'Split the plan (e.g. one plan per brand or region), or move bulk data such as orders into order files (data.yaml).',
        }),
      );
      continue;
    }
    const decoded = decodePlanFile(file, raw.bytes);
    if (!decoded.ok) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    if (yaml) {
      const key = yaml[1] as PlanFileKey;
      if (sources.files[key]) {
        diagnostics.push(new Diagnostic('file-unknown', `${file} repeats ${key}: a plan has one ${key}.yaml (not both .yaml and .yml).`, { file, place: { start: { line: 1, column: 1 } }, hint: 'Merge the two files into one.' }));
        continue;
      }
      const parsed = memoParse('yaml', file, decoded.text, () => parseYaml(file, decoded.text));
      diagnostics.push(...parsed.diagnostics);
      if (parsed.diagnostics.length === 0) sources.files[key] = parsed.source;
      else sources.unparsed.push(parsed.source);
    } else if (csv) {
      const parsed = parseActuals(file, decoded.text);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.source) sources.actuals.push(parsed.source);
    } else {
      const parsed = parseMdx(file, raw.name, decoded.text, budget);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.chapter) sources.chapters.push(parsed.chapter);
      else sources.unparsed.push(textSource(file, decoded.text));
    }
  }
  for (const key of REQUIRED_FILES) {
    const present = files.some((f) => f.name === `${key}.yaml` || f.name === `${key}.yml`);
    if (!present) {
      diagnostics.push(new Diagnostic('file-missing', `${label(`${key}.yaml`)} is missing: every plan needs it.`, { file: label(`${key}.yaml`) }));
    }
  }
  return { sources, diagnostics };
}

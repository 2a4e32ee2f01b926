// What a build does to the outside world — file system, Astro, the search index, Chromium — passed in
// so tests can run the build without disk or Astro (node-effects.ts is the real one).
import type { PlanCheck } from '../pipeline/check-plan.ts';
import type { VersionsOptions } from '../versions/plan-versions.ts';
import type { SiteVersions } from '../versions/site-versions.ts';
import type { JsonDiagnostic } from '../diagnostics/format/json.ts';
import type { RawFile } from '../load/load-plan.ts';

/** File-system and tool effects, passed in so tests can run the build without disk or Astro. */
export interface BuildEffects {
  log(message: string): void;
  /** Builds the Astro site for a checked plan into `outDir`. */
  buildSite(check: PlanCheck, planDir: string, outDir: string, site?: SiteBuildOptions): Promise<void>;
  /** Writes the search index of a built site into `<outDir>/pagefind/`; returns how many pages it holds. */
  indexSite(outDir: string): Promise<{ pages: number }>;
  writeFile(path: string, content: string): Promise<void>;
  /** A fresh empty folder to build the output in (the run's temp folder), never inside `target`. */
  staging(target: string): Promise<string>;
  /** Puts the complete `staging` folder in place of `target`, which stays untouched until then. */
  replace(staging: string, target: string): Promise<void>;
  /** Removes a staging folder that will not be used. */
  discard(staging: string): Promise<void>;
  /** Copies a folder (a cached site into the output); without it nothing is cached. */
  copyDir?(from: string, to: string): Promise<void>;
  /** Plan versions from git tags, and the build cache; without it only the working tree is built. */
  versions?: VersionsOptions;
  /** The Chromium binary that prints the PDFs; undefined when there is none (or no PDF support). */
  findChromium?(): string | undefined;
  /** Prints the PDFs of the site built in `siteDir` into `<siteDir>/pdf/` (src/pdf). */
  printPdfs?(siteDir: string, request: PdfRequest): Promise<PdfFile[]>;
  /** Tells whether the output in place was built from the same inputs; without it every build runs. */
  upToDate?: UpToDate;
}

export interface PdfRequest {
  chromium: string;
  locales: string[];
  /** The plan folder: its last git commit dates the PDFs. */
  planDir: string;
  /** The URL path the site was built for (`--base`), e.g. `/operating-plan/`. */
  base?: string;
}

export interface PdfFile {
  locale: string;
  kind: 'plan' | 'board';
  file: string;
  pages: number;
  bytes: number;
}

/** How one site is built: its base URL and what it knows about plan versions. */
export interface SiteBuildOptions {
  base?: string;
  versions?: SiteVersions | null;
}

// Up-to-date builds (up-to-date.ts, build-key.ts).
export interface BuildStamp {
  /** The inputs' key when the output was built. */
  key: string;
  diagnostics: JsonDiagnostic[];
  /** The PDFs in the output, their `file` relative to it. */
  pdfs: PdfFile[];
}

export interface BuildInputs {
  key: string;
  /** The plan folder's files as read for the key: the text behind the diagnostics' code frames. */
  files: RawFile[];
}

/** What the build asks about its inputs and remembers of its output (node-effects.ts gives the real one). */
export interface UpToDate {
  /** The key of a build of `planDir` into `outDir` now; null when it cannot be told (then the build runs). */
  inputs(planDir: string, outDir: string, options: { base?: string; pdf: 'auto' | 'always' | 'never'; locale?: string }): Promise<BuildInputs | null>;
  /** The stamp of the output in `outDir`; null when there is none, or no output (its `index.html` gone). */
  read(outDir: string): Promise<BuildStamp | null>;
  write(outDir: string, stamp: BuildStamp): Promise<void>;
}

// The layer order of src/: one table for the lint rules (eslint.config.js), the import-graph test
// (test/architecture/) and docs/architecture.md.

export interface Layer {
  folder: string;
  does: string;
  /** What the folder may import, when less than every layer below it. */
  only?: readonly string[];
}

/**
 * The stages of src/, lowest first. A folder may import the folders before it, never one after it
 * (docs/architecture.md draws the same order). `only` narrows what a folder may import.
 */
export const LAYERS: readonly Layer[] = [
  { folder: 'model', does: 'shared vocabulary: plan-input and result types, plan files, paths, calendar, formulas' },
  { folder: 'diagnostics', does: 'Diagnostic, codes, errors, formatters' },
  { folder: 'i18n', does: 'locales, catalog, number and date formats' },
  { folder: 'load', does: 'files → documents with positions' },
  { folder: 'validate', does: 'schemas and semantic checks' },
  { folder: 'data', does: 'order files via DuckDB' },
  { folder: 'engine', does: 'pure compute', only: ['model'] },
  { folder: 'pipeline', does: 'read → load → validate → data → compute' },
  { folder: 'browser', does: 'finding and starting Chromium' },
  { folder: 'versions', does: 'git tags, diffs, CODEOWNERS' },
  { folder: 'site', does: 'Astro pages and integration' },
  { folder: 'pdf', does: 'printing the site' },
  { folder: 'build', does: 'the whole build' },
  { folder: 'xlsx', does: 'Excel export and import' },
  { folder: 'cli', does: 'the shopplan command' },
];

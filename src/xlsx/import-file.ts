// `shopplan import`: a spreadsheet → one plan file, checked as a whole plan before anything is written.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { QUIET_YAML } from '../load/yaml-options.ts';
import { posix, relative, resolve } from 'node:path';
import { Diagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.ts';
import { readPlanFolder } from '../load/read-folder.ts';
import type { RawFile } from '../load/load-plan.ts';
import { parsePath } from '../model/data-path.ts';
import { SCHEMA_DIR } from '../validate/schema-registry.ts';
import { checkPlanFiles, type PlanCheck } from '../pipeline/check-plan.ts';
import { writeAtomic } from '../data/files.ts';
import { readSheet, type ReadProblem } from './read-sheet.ts';
import { importSheet, type ImportTarget } from './import-sheet.ts';

export interface ImportRequest {
  /** The spreadsheet as the user named it. */
  file: string;
  target: ImportTarget;
  planDir: string;
  sheet?: string;
  dryRun?: boolean;
}

export interface ImportReport {
  /** Problems to show: cells, columns, and the plan's own errors. */
  diagnostics: Diagnostic[];
  /** The plan check the diagnostics come from, for code frames of plan files. */
  check?: PlanCheck;
  /** Whether the plan file was (or, in a dry run, would be) written. */
  written: boolean;
  /** The plan file, as `<dir>/products.yaml`. */
  planFile: string;
  counts: { added: number; updated: number; unchanged: number };
  /** The plan had errors before the import: nothing was tried. */
  planInvalid: boolean;
}

export async function importFile(request: ImportRequest): Promise<ImportReport> {
  const { target, planDir } = request;
  const planFile = posix.join(planDir, `${target.file}.yaml`);
  const report = (diagnostics: Diagnostic[], extra: Partial<ImportReport> = {}): ImportReport => ({ diagnostics: sortDiagnostics(diagnostics), written: false, planFile, counts: { added: 0, updated: 0, unchanged: 0 }, planInvalid: false, ...extra });

  const bytes = await readFile(request.file).catch((error: NodeJS.ErrnoException) => error);
  if (bytes instanceof Error) return report([fileProblem(request.file, bytes.code === 'ENOENT' ? 'the file does not exist' : bytes.code === 'EISDIR' ? 'it is a folder' : (bytes.message ?? 'unreadable'))]);
  const read = await readSheet(request.file, new Uint8Array(bytes), request.sheet);
  if (!read.ok) return report([readDiagnostic(request.file, read.problem)]);

  const folder = await readPlanFolder(planDir);
  if (!folder.ok) return report([folder.diagnostic]);
  const existing = folder.files.find((f) => f.name === `${target.file}.yaml` || f.name === `${target.file}.yml`);
  const name = existing?.name ?? `${target.file}.yaml`;
  const text = existing ? new TextDecoder().decode(existing.bytes) : newFileHeader(planDir, target);
  const outcome = importSheet(read.grid, target, text, { locales: planLocales(folder.files) });
  const counts = { added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged };
  if (hasErrors(outcome.diagnostics)) return report(outcome.diagnostics, { counts, planFile: posix.join(planDir, name) });

  const files: RawFile[] = [...folder.files.filter((f) => f.name !== name), { name, bytes: new TextEncoder().encode(outcome.text) }];
  const after = checkPlanFiles(planDir, files, { compute: false });
  const relevant = after.diagnostics.flatMap((d) => {
    // A problem in an imported row is reported at its cell; other new errors where the plan has them.
    const cell = d.file === posix.join(planDir, name) ? outcome.cellOf(parsePath(d.path)) : undefined;
    if (cell) return [new Diagnostic(d.code, d.reason, { file: request.file, cell: cell.cell, place: { start: { line: cell.row, column: cell.col } }, path: d.path, hint: d.code === 'schema-required' ? REQUIRED_HINT : d.hint, severity: d.severity })];
    return d.fatal ? [d] : [];
  });
  if (relevant.some((d) => d.fatal && !d.cell)) {
    // Errors outside the imported rows: when the plan had them before, it must be fixed first.
    const before = checkPlanFiles(planDir, folder.files, { compute: false });
    if (hasErrors(before.diagnostics)) return report(before.diagnostics.filter((d) => d.fatal), { check: before, planInvalid: true });
  }
  const diagnostics = [...outcome.diagnostics, ...relevant];
  const changed = outcome.text !== text;
  if (hasErrors(diagnostics)) return report(diagnostics, { counts, check: after, planFile: posix.join(planDir, name) });
  if (changed && !request.dryRun) await writeAtomic(posix.join(planDir, name), outcome.text);
  return report(diagnostics, { counts, check: after, written: changed, planFile: posix.join(planDir, name) });
}

/** `locales` of plan.yaml (the first is the language of a text column without one); zh-CN when unreadable. */
function planLocales(files: readonly RawFile[]): string[] {
  const plan = files.find((f) => f.name === 'plan.yaml' || f.name === 'plan.yml');
  try {
    const locales = (parse(new TextDecoder().decode(plan?.bytes), QUIET_YAML) as { locales?: unknown } | null)?.locales;
    return Array.isArray(locales) && locales.length && locales.every((l) => typeof l === 'string') ? locales : ['zh-CN'];
  } catch {
    return ['zh-CN'];
  }
}

const REQUIRED_HINT = 'Add a column for the missing field (its name or title; docs/excel.md lists them) and fill it in for this row.';

/** A plan file that does not exist yet starts with the line that gives editors its schema. */
function newFileHeader(planDir: string, target: ImportTarget): string {
  const schemas = relative(resolve(planDir), SCHEMA_DIR).split('\\').join('/');
  return `# yaml-language-server: $schema=${schemas}/${target.file}.schema.json\n\n`;
}

function fileProblem(file: string, detail: string, hint?: string): Diagnostic {
  return new Diagnostic('import-file', `${file} cannot be read: ${detail}.`, { file, ...(hint ? { hint } : {}) });
}

function readDiagnostic(file: string, p: ReadProblem): Diagnostic {
  const mib = (n: number) => `${Math.ceil(n / 1024 / 1024)} MiB`;
  switch (p.kind) {
    case 'too-large':
      return fileProblem(file, `it holds ${mib(p.bytes)}, more than the ${mib(p.limit)} a sheet may`, 'Import the sheet on its own: copy it into a new workbook, or save it as CSV.');
    case 'too-many-rows':
      return fileProblem(file, `the sheet has ${p.rows} rows, more than ${p.limit}`, 'Import the rows in parts, or delete empty formatted rows below the data.');
    case 'format':
      return fileProblem(file, `"${p.extension || '(no extension)'}" files are not spreadsheets ShopPlan reads`, 'Save it as .xlsx (Excel workbook) or .csv; older .xls files must be saved as .xlsx first.');
    case 'unreadable':
      return fileProblem(file, p.detail);
    case 'sheet-missing':
      return new Diagnostic('import-sheet', `${file} has no sheet "${p.sheet}". Its sheets: ${p.sheets.map((s) => `"${s}"`).join(', ')}.`, { file });
  }
}

// Fixture cases: discovery, the plan files of a case (base + overlay), and diagnostics in the shape
// expected.json records. Shared by test/fixtures.test.ts and scripts/update-fixtures.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawFile } from '../src/load/load-plan.ts';
import type { Diagnostic } from '../src/diagnostics/diagnostic.ts';
import { formatText, summaryLine } from '../src/diagnostics/format/text.ts';
import { sourceLookup, type PlanCheck } from '../src/pipeline/check-plan.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const BASE_DIR = join(FIXTURES, 'base');
/** The plan folder name passed to checkPlanFiles; diagnostics name files as `plan/<name>`. */
export const PLAN_DIR = 'plan';

export type CaseKind = 'invalid' | 'valid';

export interface FixtureCase {
  kind: CaseKind;
  name: string;
  dir: string;
}

/** One diagnostic as expected.json records it: file relative to the plan folder, 1-based line. */
export interface ExpectedDiagnostic {
  code: string;
  file: string;
  line: number;
}

export interface ValidExpectation {
  diagnostics: ExpectedDiagnostic[];
  /** Dotted paths into the PlanResult (see `valueAt`) → expected value. */
  values: Record<string, unknown>;
}

/** `generate.json`: a file written by the runner instead of being committed (e.g. one larger than 1 MiB). */
export interface GenerateSpec {
  file: string;
  repeat: string;
  times: number;
  prefix?: string;
  suffix?: string;
}

/** `source.json`: take the plan from another folder (relative to the project root) instead of the base. */
export interface SourceSpec {
  from: string;
}

/** Files in a case folder that describe the case rather than being plan files. */
const CONTROL_FILES = new Set(['expected.json', 'expected.txt', 'generate.json', 'source.json', 'NOTES.md', '.keep']);
const DELETE_SUFFIX = '.delete';

export function listCases(): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const kind of ['invalid', 'valid'] as const) {
    const parent = join(FIXTURES, kind);
    if (!existsSync(parent)) continue;
    for (const name of readdirSync(parent).sort()) {
      const dir = join(parent, name);
      if (statSync(dir).isDirectory()) out.push({ kind, name, dir });
    }
  }
  return out;
}

/** Every file under `dir`, as `/`-separated paths relative to it. */
function walk(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  visit(dir);
  return out.sort();
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The folder a case starts from: the base, or what `source.json` names. */
export function sourceDir(c: FixtureCase): string {
  const spec = join(c.dir, 'source.json');
  if (!existsSync(spec)) return BASE_DIR;
  const { from } = readJson<SourceSpec>(spec);
  const dir = join(ROOT, from);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${c.kind}/${c.name}/source.json: "${from}" is not a folder in the project`);
  return dir;
}

/** The plan files of a case: its source folder, overlaid by the case's files, minus `.delete`d ones, plus generated ones. */
export function caseFiles(c: FixtureCase): RawFile[] {
  const files = new Map<string, Uint8Array>();
  const from = sourceDir(c);
  for (const name of walk(from)) files.set(name, new Uint8Array(readFileSync(join(from, name))));
  for (const name of walk(c.dir)) {
    if (CONTROL_FILES.has(name)) continue;
    if (name.endsWith(DELETE_SUFFIX)) {
      const target = name.slice(0, -DELETE_SUFFIX.length);
      if (!files.delete(target)) throw new Error(`${c.kind}/${c.name}/${name}: there is no ${target} to delete`);
      continue;
    }
    files.set(name, new Uint8Array(readFileSync(join(c.dir, name))));
  }
  const generate = join(c.dir, 'generate.json');
  if (existsSync(generate)) {
    const raw = readJson<GenerateSpec | GenerateSpec[]>(generate);
    for (const spec of Array.isArray(raw) ? raw : [raw]) {
      const text = (spec.prefix ?? '') + spec.repeat.repeat(spec.times) + (spec.suffix ?? '');
      files.set(spec.file, new TextEncoder().encode(text));
    }
  }
  return [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, bytes]) => ({ name, bytes }));
}

/** `plan/targets.yaml` → `targets.yaml`. */
export function relativeFile(file: string): string {
  const prefix = `${PLAN_DIR}/`;
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

export function compareExpected(a: ExpectedDiagnostic, b: ExpectedDiagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** Errors and warnings in expected.json's shape, sorted by file, line and code. */
export function toExpected(diagnostics: readonly Diagnostic[]): ExpectedDiagnostic[] {
  return diagnostics
    .filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map((d) => ({ code: d.code, file: relativeFile(d.file), line: d.startLine }))
    .sort(compareExpected);
}

export function sortExpected(list: readonly ExpectedDiagnostic[]): ExpectedDiagnostic[] {
  return list.map(({ code, file, line }) => ({ code, file, line })).sort(compareExpected);
}

export function readExpected(c: FixtureCase): ExpectedDiagnostic[] | ValidExpectation {
  return readJson(join(c.dir, 'expected.json'));
}

/**
 * What `shopplan validate` prints for a case (without colour): each diagnostic with its code frame and hint,
 * then the summary line. Kept in an invalid case's expected.txt so a change of wording shows up in review.
 * File names are already relative (`plan/…`), so the text holds no machine path.
 */
export function printedText(check: PlanCheck): string {
  return `${formatText(check.diagnostics, { sourceOf: sourceLookup(check) })}\n\n${summaryLine(check.diagnostics, 'The plan')}\n`;
}

// The one pipeline every command runs: read → load → validate → order data → compute → the engine's findings as
// diagnostics at their lines (in the caller's language), and checks of the `:value[…]` citations.
import { Diagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.ts';
import { loadPlan, type PlanSources, type RawFile } from '../load/load-plan.ts';
import { migratePlan } from '../load/migrate.ts';
import { readPlanFolder } from '../load/read-folder.ts';
import { validatePlan, type ValidationResult } from '../validate/validate-plan.ts';
import { checkOrderData, mergeActuals, type OrderDataOptions, type OrderDataResult } from '../data/check-data.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import { computeOnce } from './compute-memo.ts';
import { diagnosticAt } from '../load/diagnostic-at.ts';
import type { PlanResult } from '../model/result/plan-result.ts';
import { closest } from '../model/closest.ts';
import type { Finding } from '../model/findings.ts';
import { findingHint, findingText } from '../i18n/findings.ts';
import type { Locale } from '../i18n/locale.ts';
import { planNames } from '../i18n/names.ts';
import { cacheRoot, tempFolder } from './run-temp.ts';
import { checkResultRange } from './result-range.ts';
import { openParseCache } from './parse-cache.ts';
import { join } from 'node:path';

export interface PlanCheck {
  sources?: PlanSources;
  input?: PlanInput;
  result?: PlanResult;
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  /** Compute the result too, report its findings and check the `:value[…]` citations against it. Default true. */
  compute?: boolean;
  /** The language of the findings' messages and hints (default English). */
  locale?: Locale;
  scenario?: string;
  /**
   * The order-data stage's result (data.yaml). checkPlanFolder runs the stage itself (it reads the order
   * files); checkPlanFiles does no I/O and computes without order data unless it is given here.
   */
  orders?: OrderDataResult;
  /** Options of the order-data stage: the SQL engine, the cache folder (default `<cache>/orders`), the temp folder. */
  data?: OrderDataOptions;
  /**
   * Start from the parses the last run kept, and keep this run's (parse-cache.ts). Default true; `shopplan dev`
   * keeps its parses in memory instead.
   */
  keepParses?: boolean;
}

export async function checkPlanFolder(dir: string, options: CheckOptions = {}): Promise<PlanCheck> {
  const read = await readPlanFolder(dir);
  if (!read.ok) return { diagnostics: [read.diagnostic] };
  const parses = options.keepParses === false ? undefined : await openParseCache(dir);
  const prepared = prepare(dir, read.files);
  await parses?.save();
  // Order files are read and analysed between validation and compute: compute stays pure.
  const data = { cacheDir: join(cacheRoot(), 'orders'), tempFolder: () => tempFolder('orders'), ...options.data };
  const orders = options.orders ?? (prepared.input?.data && !hasErrors(prepared.diagnostics) ? await checkOrderData(prepared.sources, prepared.input, data) : undefined);
  return finish(prepared, { ...options, orders });
}

export function checkPlanFiles(dir: string, files: readonly RawFile[], options: CheckOptions = {}): PlanCheck {
  return finish(prepare(dir, files), options);
}

interface Prepared {
  sources: PlanSources;
  validated: ValidationResult;
  input?: PlanInput;
  diagnostics: Diagnostic[];
}

function prepare(dir: string, files: readonly RawFile[]): Prepared {
  // A plan written for an older schemaVersion is brought to today's first (positions are kept); one written
  // for a newer version is reported at its schemaVersion line and not validated against today's schemas.
  const migration = migratePlan(dir, files);
  const loaded = loadPlan(dir, migration.files);
  if (migration.diagnostics.length) return { sources: loaded.sources, validated: { diagnostics: [] }, diagnostics: [...loaded.diagnostics, ...migration.diagnostics] };
  const validated = validatePlan(loaded.sources, { loadFailed: hasErrors(loaded.diagnostics) });
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics];
  return { sources: loaded.sources, validated, ...(validated.input ? { input: validated.input } : {}), diagnostics };
}

function finish(prepared: Prepared, options: CheckOptions): PlanCheck {
  const { sources, validated } = prepared;
  const diagnostics = [...prepared.diagnostics];
  if (hasErrors(diagnostics) || !prepared.input) return { sources, diagnostics: sortDiagnostics(diagnostics) };
  const input = prepared.input;
  const orders = options.orders;
  if (orders) diagnostics.push(...orders.diagnostics);
  if (hasErrors(diagnostics)) return { sources, diagnostics: sortDiagnostics(diagnostics) };
  if (options.compute === false) return { sources, input, diagnostics: sortDiagnostics(diagnostics) };
  const actuals = mergeActuals(validated.actuals, orders?.actuals, sources.files.data?.file);
  diagnostics.push(...actuals.diagnostics);
  const computeOptions = { actuals: actuals.table, ...(orders?.baseline ? { baseline: orders.baseline } : {}) };
  const result = computeOnce(input, { ...computeOptions, scenario: options.scenario });
  // Diagnostics judge the plan as written, not a scenario of it (the scenario's own findings are in its result).
  const judged = options.scenario ? computeOnce(input, computeOptions) : result;
  diagnostics.push(...checkResultRange(sources, input, judged));
  diagnostics.push(...findingDiagnostics(sources, input, judged.findings, options.locale ?? 'en'));
  diagnostics.push(...checkValueCitations(sources, result));
  return { sources, input, result, diagnostics: sortDiagnostics(diagnostics) };
}

export { sourceLookup } from './source-lookup.ts';

/** Looks up a dotted path in the computed result, e.g. `targets.gmv.quarterly.2027-Q4`. */
export function valueAt(result: PlanResult, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined), result);
}

function checkValueCitations(sources: PlanSources, result: PlanResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const chapter of sources.chapters) {
    for (const c of chapter.citations) {
      if (c.kind !== 'value') continue;
      const value = valueAt(result, c.ref);
      if (typeof value === 'number') continue;
      let message: string;
      if (value && typeof value === 'object') {
        const first = Object.entries(value).find(([, v]) => typeof v === 'number')?.[0];
        message = `:value[${c.ref}] names a group of values, not one number.${first ? ` Add one of its keys, e.g. :value[${c.ref}.${first}].` : ''}`;
      } else {
        const parent = c.ref.split('.').slice(0, -1).join('.');
        const siblings = parent ? valueAt(result, parent) : result;
        const guess = siblings && typeof siblings === 'object' ? closest(c.ref.split('.').pop()!, Object.keys(siblings)) : undefined;
        message = `:value[${c.ref}] names no computed value.${guess ? ` Did you mean "${parent ? `${parent}.` : ''}${guess}"?` : ''}`;
      }
      out.push(new Diagnostic('mdx-unknown-value', message, { file: chapter.file, place: c.place }));
    }
  }
  return out;
}

/** Each finding becomes a diagnostic at the line of its subject, code = kind, in words of the locale. */
export function findingDiagnostics(sources: PlanSources, input: PlanInput, findings: readonly Finding[], locale: Locale): Diagnostic[] {
  const names = planNames(input);
  return findings.map((f) =>
    diagnosticAt(sources.files[f.subject.file], f.subject.path, f.kind, findingText(f, locale, names), { key: f.subject.key, hint: findingHint(f, locale), severity: f.severity }),
  );
}

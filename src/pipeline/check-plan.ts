// The one pipeline every command runs: read → load → validate → compute → check citations.
import { Diagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.ts';
import { loadPlan, type PlanSources, type RawFile } from '../load/load-plan.ts';
import { readPlanFolder } from '../load/read-folder.ts';
import { validatePlan } from '../validate/validate-plan.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import { compute } from '../engine/compute.ts';
import { locate, formatPath } from '../load/locate.ts';
import type { PlanFileKey } from '../validate/schema-registry.ts';
import type { PlanResult } from '../engine/plan-result.ts';
import { closest } from '../validate/closest.ts';

export interface PlanCheck {
  sources?: PlanSources;
  input?: PlanInput;
  result?: PlanResult;
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  /** Compute the result too (and check `:value[…]` citations against it). Default true. */
  compute?: boolean;
  scenario?: string;
}

export async function checkPlanFolder(dir: string, options: CheckOptions = {}): Promise<PlanCheck> {
  const read = await readPlanFolder(dir);
  if (!read.ok) return { diagnostics: [read.diagnostic] };
  return checkPlanFiles(dir, read.files, options);
}

export function checkPlanFiles(dir: string, files: readonly RawFile[], options: CheckOptions = {}): PlanCheck {
  const loaded = loadPlan(dir, files);
  const validated = validatePlan(loaded.sources, { loadFailed: hasErrors(loaded.diagnostics) });
  const diagnostics = [...loaded.diagnostics, ...validated.diagnostics];
  if (hasErrors(diagnostics) || !validated.input) return { sources: loaded.sources, diagnostics: sortDiagnostics(diagnostics) };
  const input = validated.input;
  if (options.compute === false) return { sources: loaded.sources, input, diagnostics: sortDiagnostics(diagnostics) };
  const result = compute(input, { scenario: options.scenario, actuals: validated.actuals });
  diagnostics.push(...warningDiagnostics(loaded.sources, result));
  diagnostics.push(...checkValueCitations(loaded.sources, result));
  return { sources: loaded.sources, input, result, diagnostics: sortDiagnostics(diagnostics) };
}

/** Looks up a dotted path in the computed result, e.g. `targets.gmv.quarterly.2027-Q4`. */
export function valueAt(result: PlanResult, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' && key in node ? (node as Record<string, unknown>)[key] : undefined), result);
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

/** Engine findings that belong to a YAML line (e.g. a KPI formula dividing by zero) become diagnostics there. */
function warningDiagnostics(sources: PlanSources, result: PlanResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const w of result.warnings) {
    if (!w.source || w.kind !== 'kpi-division-by-zero') continue;
    const source = sources.files[w.source.file as PlanFileKey];
    out.push(new Diagnostic('kpi-division-by-zero', w.message, { file: source?.file, place: source ? locate(source, w.source.path).place : undefined, path: formatPath(w.source.path) }));
  }
  return out;
}

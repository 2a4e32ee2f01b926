// Loaded sources → typed PlanInput plus diagnostics: JSON Schemas first, then what no schema can say.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import type { PlanSources } from '../load/load-plan.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import { withoutPrototypes } from '../model/dict.ts';
import { schemaErrors, type ValidationContext } from './validators.ts';
import { PLAN_FILES, type PlanFileKey } from '../model/plan-files.ts';
import { schemaDiagnostics } from './schema-errors.ts';
import { CheckContext, type Check } from './check-context.ts';
import { checkUniqueIds } from './checks/unique-ids.ts';
import { checkReferences } from './checks/references.ts';
import { checkShares } from './checks/shares.ts';
import { checkCalendar } from './checks/calendar.ts';
import { checkScores } from './checks/scores.ts';
import { checkKpiFormulas } from './checks/kpi-formulas.ts';
import { checkText } from './checks/text.ts';
import { checkScenarios } from './checks/scenarios.ts';
import { checkWork } from './checks/work.ts';
import { checkAssumptions } from './checks/assumptions.ts';
import { checkChapterFigures, checkChapterFrontmatter, checkChapterUrls, checkKpiCitations } from './checks/chapters.ts';
import { checkActuals } from './checks/actuals.ts';
import { checkDataPaths } from './checks/data-paths.ts';
import type { ActualsTable } from '../model/actuals.ts';

export interface ValidationResult {
  /** The plan, present when nothing is in error (warnings allowed). */
  input?: PlanInput;
  /** Monthly actuals from `actuals/*.csv`, when the plan has any. */
  actuals?: ActualsTable;
  diagnostics: Diagnostic[];
}

const CHECKS: readonly Check[] = [checkUniqueIds, checkReferences, checkShares, checkCalendar, checkScores, checkKpiFormulas, checkText, checkScenarios, checkWork, checkAssumptions, checkDataPaths];


/** `loadFailed`: some file could not be read, so cross-file checks would report it as missing. */
export function validatePlan(sources: PlanSources, options: { loadFailed?: boolean } = {}): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const copyPaths: Partial<Record<PlanFileKey, string[]>> = {};
  const data: Record<string, unknown> = {};
  for (const key of PLAN_FILES) {
    const source = sources.files[key];
    if (!source) continue;
    const context: ValidationContext = { copyPaths: [] };
    const errors = schemaErrors(key, source.data, context);
    if (errors.length) diagnostics.push(...schemaDiagnostics(source, errors));
    copyPaths[key] = context.copyPaths;
    data[key] = source.data;
  }
  for (const chapter of sources.chapters) diagnostics.push(...checkChapterFrontmatter(chapter), ...checkChapterUrls(chapter), ...checkChapterFigures(chapter));
  // Meaning is checked only on well-formed data: checks may then trust the types.
  if (hasErrors(diagnostics) || options.loadFailed || !sources.files.plan) return { diagnostics };

  // Checks look entries up by id: without prototypes, an id such as `constructor` is an ordinary key.
  const input = withoutPrototypes(data) as unknown as PlanInput;
  const ctx = new CheckContext(input, sources, copyPaths);
  for (const check of CHECKS) check(ctx);
  diagnostics.push(...ctx.diagnostics);
  for (const chapter of sources.chapters) diagnostics.push(...checkKpiCitations(chapter, input));
  const actuals = checkActuals(sources.actuals, input);
  diagnostics.push(...actuals.diagnostics);
  return hasErrors(diagnostics) ? { diagnostics } : { input, diagnostics, ...(sources.actuals.length ? { actuals: actuals.table } : {}) };
}

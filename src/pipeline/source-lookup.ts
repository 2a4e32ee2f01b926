// The text of a checked plan's files for code frames, in a module of its own so that printing diagnostics
// does not load the pipeline.
import type { PlanSources } from '../load/load-plan.ts';

/** The text of each plan file of a check (`PlanCheck`) by its diagnostic file label, for code frames. */
export function sourceLookup(check: { sources?: PlanSources }): (file: string) => string | undefined {
  const texts = new Map([...Object.values(check.sources?.files ?? {}), ...(check.sources?.chapters ?? []), ...(check.sources?.unparsed ?? [])].map((s) => [s.file, s.text]));
  return (file) => texts.get(file);
}

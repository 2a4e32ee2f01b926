// The text of a checked plan's files for code frames, in a module of its own so that printing diagnostics
// does not load the pipeline.
import type { PlanCheck } from './check-plan.ts';

/** The text of each plan file by its diagnostic file label, for code frames. */
export function sourceLookup(check: PlanCheck): (file: string) => string | undefined {
  const texts = new Map([...Object.values(check.sources?.files ?? {}), ...(check.sources?.chapters ?? [])].map((s) => [s.file, s.text]));
  return (file) => texts.get(file);
}

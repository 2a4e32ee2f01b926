// What a semantic check sees: the typed plan, where each file's data came from, and a way to report.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Code } from '../diagnostics/codes.ts';
import { diagnosticAt, type AtOptions } from '../load/diagnostic-at.ts';
import type { PathSegment } from '../model/data-path.ts';
import type { PlanSources } from '../load/load-plan.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { PlanFileKey } from '../model/plan-files.ts';

export class CheckContext {
  readonly input: PlanInput;
  readonly sources: PlanSources;
  /** Instance paths (JSON Pointer) of marketing copy, per file, as ajv's `adCopy` keyword found them. */
  readonly copyPaths: Partial<Record<PlanFileKey, string[]>>;
  readonly diagnostics: Diagnostic[] = [];

  constructor(input: PlanInput, sources: PlanSources, copyPaths: Partial<Record<PlanFileKey, string[]>>) {
    this.input = input;
    this.sources = sources;
    this.copyPaths = copyPaths;
  }

  report(code: Code, message: string, file: PlanFileKey, segments: readonly PathSegment[], options: AtOptions = {}): void {
    this.diagnostics.push(diagnosticAt(this.sources.files[file], segments, code, message, options));
  }
}

export type Check = (ctx: CheckContext) => void;

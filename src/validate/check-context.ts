// What a semantic check sees: the typed plan, where each file's data came from, and a way to report.
import { Diagnostic, type Severity } from '../diagnostics/diagnostic.ts';
import type { Code } from '../diagnostics/codes.ts';
import { formatPath, locate, type PathSegment } from '../load/locate.ts';
import type { PlanSources } from '../load/load-plan.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import type { PlanFileKey } from './schema-registry.ts';

export interface ReportOptions {
  /** Point at the key rather than the value (for mapping keys). */
  key?: boolean;
  hint?: string;
  severity?: Severity;
}

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

  report(code: Code, message: string, file: PlanFileKey, segments: readonly PathSegment[], options: ReportOptions = {}): void {
    const source = this.sources.files[file];
    this.diagnostics.push(
      new Diagnostic(code, message, {
        file: source?.file,
        place: source ? locate(source, segments, { key: options.key }).place : undefined,
        path: formatPath(segments),
        hint: options.hint,
        severity: options.severity,
      }),
    );
  }
}

export type Check = (ctx: CheckContext) => void;

// A diagnostic about a value in a plan file, placed at the value's YAML line (or its key's).
import { Diagnostic, type Severity } from '../diagnostics/diagnostic.ts';
import type { Code } from '../diagnostics/codes.ts';
import { formatPath, type PathSegment } from '../model/data-path.ts';
import { locate } from './locate.ts';
import type { YamlSource } from './parse-yaml.ts';

export interface AtOptions {
  /** Point at the key rather than the value (for mapping keys and whole lists). */
  key?: boolean;
  hint?: string;
  severity?: Severity;
}

/** `source` is undefined when the file is not part of the plan: the diagnostic then has a path but no file. */
export function diagnosticAt(source: YamlSource | undefined, segments: readonly PathSegment[], code: Code, message: string, options: AtOptions = {}): Diagnostic {
  return new Diagnostic(code, message, {
    file: source?.file,
    place: source ? locate(source, segments, { key: options.key }).place : undefined,
    path: formatPath(segments),
    hint: options.hint,
    severity: options.severity,
  });
}

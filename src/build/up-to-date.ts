// A build whose inputs are those of the output already in place does nothing: `shopplan build` run twice
// on an unchanged plan checks, builds and prints nothing the second time, and reports the plan's
// diagnostics as the first build found them. The inputs are summed up in one key (build-key.ts): the plan
// folder, ShopPlan's code, the options, the version tags and the plan's date, and Chromium. The key and
// the diagnostics are kept in the build cache after each complete build (a stamp per output folder).
import { Diagnostic, type Severity } from '../diagnostics/diagnostic.ts';
import { toJson } from '../diagnostics/format/json.ts';
import type { Code } from '../diagnostics/codes.ts';
import { decodePlanFile } from '../load/decode.ts';
import type { RawFile } from '../load/load-plan.ts';
import type { BuildStamp, PdfFile } from './effects.ts';
import { posix } from 'node:path';

export function stampOf(key: string, diagnostics: readonly Diagnostic[], pdfs: readonly PdfFile[]): BuildStamp {
  return { key, diagnostics: diagnostics.map(toJson), pdfs: [...pdfs] };
}

/** The diagnostics a stamp recorded, as the check made them. */
export function diagnosticsOf(stamp: BuildStamp): Diagnostic[] {
  return stamp.diagnostics.map(
    (d) =>
      new Diagnostic(d.code as Code, d.message, {
        file: d.file,
        place: { start: { line: d.line, column: d.column }, end: { line: d.endLine, column: d.endColumn } },
        path: d.path,
        hint: d.hint,
        severity: d.severity as Severity,
      }),
  );
}

/** The text of the plan's files by the name diagnostics give them (`content/targets.yaml`), for code frames. */
export function sourceTexts(planDir: string, files: readonly RawFile[]): (file: string) => string | undefined {
  const label = (name: string) => posix.join(planDir.replace(/\\/g, '/'), name);
  const texts = new Map<string, string>();
  for (const f of files) {
    const decoded = decodePlanFile(label(f.name), f.bytes);
    if (decoded.ok) texts.set(label(f.name), decoded.text);
  }
  return (file) => texts.get(file);
}

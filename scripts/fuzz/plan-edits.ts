// Random small edits to a plan's text — the slips of a careless operator — and what `validate` must do
// with each: never fail, never leak a stack, and point at the edit when the file no longer parses.
// Shared by test/load/fuzz.test.ts (a bounded run in `npm test`) and scripts/fuzz.ts (`npm run fuzz`).
import fc from 'fast-check';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import type { RawFile } from '../../src/load/load-plan.ts';
import { parseYaml } from '../../src/load/parse-yaml.ts';
import { parseMdx } from '../../src/load/parse-mdx.ts';
import { FORMATS, renderDiagnostics } from '../../src/cli/report.ts';

export type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'full-width-colon'; nth: number }
  | { kind: 'tab'; line: number }
  | { kind: 'truncate'; at: number };

export interface EditCase {
  file: string;
  edits: Edit[];
}

/** Characters operators slip in: punctuation that means something to YAML or MDX, full-width forms, tabs, newlines. */
const INSERTS = [':', '：', '\t', ',', '，', '[', ']', '{', '}', '"', "'", ' ', '\n', '- ', '#', '<', '>', '*', '&', '!', '|', '%', '@', '`', '\\', '~', '?', 'x', '中', '0', '3.5%', '120万', ': '];

/** How far (in lines) the first syntax diagnostic may be from the edit. */
export const NEAR_LINES = 3;

export function editArbitrary(files: readonly string[]): fc.Arbitrary<EditCase> {
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...INSERTS) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('full-width-colon' as const), nth: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('tab' as const), line: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  );
  return fc.record({ file: fc.constantFrom(...files), edits: fc.array(edit, { minLength: 1, maxLength: 1 }) });
}

/** The text after one edit, and the 1-based line where it happened (in the new text). */
export function applyEdit(text: string, edit: Edit): { text: string; line: number } {
  const lineAt = (t: string, offset: number) => t.slice(0, offset).split('\n').length;
  switch (edit.kind) {
    case 'insert': {
      const at = edit.at % (text.length + 1);
      return { text: text.slice(0, at) + edit.text + text.slice(at), line: lineAt(text, at) };
    }
    case 'delete': {
      const at = edit.at % Math.max(1, text.length);
      return { text: text.slice(0, at) + text.slice(at + edit.length), line: lineAt(text, at) };
    }
    case 'full-width-colon': {
      const colons = [...text.matchAll(/:/g)].map((m) => m.index ?? 0);
      if (!colons.length) return { text, line: 1 };
      const at = colons[edit.nth % colons.length]!;
      return { text: `${text.slice(0, at)}：${text.slice(at + 1)}`, line: lineAt(text, at) };
    }
    case 'tab': {
      const lines = text.split('\n');
      const indented = lines.map((l, i) => (/^ +\S/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (!indented.length) return { text, line: 1 };
      const i = indented[edit.line % indented.length]!;
      lines[i] = lines[i]!.replace(/^ +/, '\t');
      return { text: lines.join('\n'), line: i + 1 };
    }
    case 'truncate': {
      const at = edit.at % (text.length + 1);
      const cut = text.slice(0, at);
      return { text: cut, line: lineAt(cut, cut.length) };
    }
  }
}

export interface CaseOutcome {
  /** What went wrong; empty when the case passed. */
  problems: string[];
  ms: number;
}

const STACK = / {4}at |Cannot read properties|is not a function|undefined \(reading/;

/**
 * Applies the edits to one file of the plan and checks it in process, as `validate` does. Other chapters
 * are left out when a chapter is edited or not: chapters do not affect one another, and parsing all of
 * them would multiply the cost of each case.
 */
/**
 * Whether a diagnostic leads to an edit: it is placed within NEAR_LINES of one, or (a slip that breaks a reference
 * shows where the name is used) its message names such a line ("set at line 57").
 */
function nearAnEdit(d: { startLine: number; reason: string }, lines: readonly number[]): boolean {
  const named = [...d.reason.matchAll(/\bline (\d+)\b/g)].map((m) => Number(m[1]));
  return [d.startLine, ...named].some((at) => lines.some((line) => Math.abs(at - line) <= NEAR_LINES));
}

export function runCase(dir: string, files: readonly RawFile[], c: EditCase): CaseOutcome {
  const decoder = new TextDecoder();
  const original = files.find((f) => f.name === c.file);
  if (!original) return { problems: [`no file ${c.file}`], ms: 0 };
  let text = decoder.decode(original.bytes);
  const lines: number[] = [];
  for (const edit of c.edits) {
    const applied = applyEdit(text, edit);
    text = applied.text;
    lines.push(applied.line);
  }
  const planFiles = files
    .filter((f) => f.name === c.file || !f.name.startsWith('chapters/'))
    .map((f) => (f.name === c.file ? { name: f.name, bytes: new TextEncoder().encode(text) } : f));
  const problems: string[] = [];
  const started = performance.now();
  // A library's process warning is printed by Node as `(node:PID) [CODE] …` beside the diagnostics: noise the
  // operator cannot act on (the yaml parser's own warning for an unknown tag was one). Caught where it is raised,
  // since Node delivers it on a later tick.
  const warnings: string[] = [];
  const emitWarning = process.emitWarning;
  process.emitWarning = ((w: string | Error) => void warnings.push(typeof w === 'string' ? w : w.message)) as typeof process.emitWarning;
  let check;
  try {
    check = checkPlanFiles(dir, planFiles);
  } catch (error) {
    return { problems: [`threw: ${(error as Error).stack ?? String(error)}`], ms: performance.now() - started };
  } finally {
    process.emitWarning = emitWarning;
  }
  for (const w of warnings) problems.push(`Node prints a process warning: ${w.slice(0, 200)}`);
  // What `validate` prints, in every format: rendering must not fail either.
  for (const format of FORMATS) {
    try {
      const printed = renderDiagnostics(check, format, false, `The plan in ${dir}`);
      if (STACK.test(printed)) problems.push(`--format ${format} prints internals: ${printed.slice(0, 300)}`);
    } catch (error) {
      problems.push(`--format ${format} threw: ${(error as Error).stack ?? String(error)}`);
    }
  }
  const ms = performance.now() - started;
  const fileLabel = `${dir}/${c.file}`;
  for (const d of check.diagnostics) {
    const where = `${d.code} at ${d.file}:${d.startLine}`;
    if (!d.reason.trim() || !d.hint.trim()) problems.push(`${where}: empty message or hint`);
    if (STACK.test(d.reason) || STACK.test(d.hint)) problems.push(`${where}: internals in the message: ${d.reason}`);
    if (!d.file.startsWith(`${dir}/`)) problems.push(`${where}: not a file of the plan`);
    if (!(d.startLine >= 1) || !(d.startColumn >= 1)) problems.push(`${where}: no line and column`);
  }
  // When the edited file no longer parses on its own, the first thing reported about it is near an edit.
  const alone = c.file.endsWith('.mdx') ? parseMdx(fileLabel, c.file, text).diagnostics : c.file.endsWith('.yaml') ? parseYaml(fileLabel, text).diagnostics : [];
  if (alone.some((d) => d.fatal)) {
    const mine = check.diagnostics.filter((d) => d.file === fileLabel && d.fatal);
    if (!mine.length) problems.push(`${c.file} does not parse, but no error names it`);
    else if (!mine.some((d) => nearAnEdit(d, lines))) {
      problems.push(`${c.file}: reported at line ${mine.map((d) => d.startLine).join(', ')}, edited at line ${lines.join(', ')}: ${mine[0]!.reason}`);
    }
  }
  return { problems, ms };
}

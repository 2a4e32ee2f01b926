// Fixture tests: every folder under test/fixtures/invalid and test/fixtures/valid is one case.
// A case is the base plan (test/fixtures/base, or the folder its source.json names) overlaid by the
// case's files; its expected.json lists every error and warning it must produce. See test/fixtures/README.md.
import { describe, expect, it } from 'vitest';
import { checkPlanFiles, valueAt } from '../src/pipeline/check-plan.ts';
import type { Diagnostic } from '../src/diagnostics/diagnostic.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceLookup } from '../src/pipeline/source-lookup.ts';
import { caseFiles, listCases, PLAN_DIR, printedText, readExpected, sortExpected, toExpected, type FixtureCase, type ValidExpectation } from './fixture-cases.ts';

const cases = listCases();

/** What every diagnostic must be, whatever the case: located, explained, and free of internals. */
function expectWellFormed(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const where = `${d.code} at ${d.file}:${d.startLine}`;
    expect(d.reason.trim(), `${where}: message`).not.toBe('');
    expect(d.hint.trim(), `${where}: hint`).not.toBe('');
    expect(d.reason, `${where}: message holds a stack trace`).not.toMatch(/ {4}at /);
    expect(d.hint, `${where}: hint holds a stack trace`).not.toMatch(/ {4}at /);
    expect(d.startLine, `${where}: line`).toBeGreaterThanOrEqual(1);
    expect(d.startColumn, `${where}: column`).toBeGreaterThanOrEqual(1);
    expect(d.file.startsWith(`${PLAN_DIR}/`), `${where}: file is inside the plan folder`).toBe(true);
  }
}

function run(c: FixtureCase) {
  return checkPlanFiles(PLAN_DIR, caseFiles(c));
}

/** The full diagnostics, printed when a comparison fails. */
function listing(diagnostics: readonly Diagnostic[]): string {
  return ['reported:', ...diagnostics.map((d) => `  ${d.file}:${d.startLine}:${d.startColumn} ${d.severity} [${d.code}] ${d.reason}`)].join('\n');
}

describe('fixtures', () => {
  it('has cases', () => {
    expect(cases.filter((c) => c.kind === 'invalid').length).toBeGreaterThanOrEqual(45);
    expect(cases.filter((c) => c.kind === 'valid').length).toBeGreaterThanOrEqual(3);
  });

  describe('invalid', () => {
    for (const c of cases.filter((k) => k.kind === 'invalid')) {
      it(c.name, () => {
        const expected = readExpected(c);
        expect(Array.isArray(expected), 'expected.json of an invalid case is a list of diagnostics').toBe(true);
        expect((expected as []).length, 'an invalid case expects at least one error or warning').toBeGreaterThan(0);
        const check = run(c);
        expectWellFormed(check.diagnostics);
        expect(toExpected(check.diagnostics), listing(check.diagnostics)).toEqual(sortExpected(expected as []));
        const printed = join(c.dir, 'expected.txt');
        expect(existsSync(printed), `${c.name}/expected.txt is missing: write it with node scripts/update-fixtures.ts ${c.name}`).toBe(true);
        expect(printedText(check), 'printed text (regenerate on purpose with scripts/update-fixtures.ts)').toBe(readFileSync(printed, 'utf8'));
        // A slip in a file that reads as text is shown where it is: the code frame, whether or not the file parsed.
        for (const d of check.diagnostics.filter((x) => /^(yaml|mdx)-/.test(x.code) && x.file && x.startLine)) {
          expect(sourceLookup(check)(d.file!), `${d.code} at ${d.file}:${d.startLine} has no text for its code frame`).toBeDefined();
        }
      });
    }
  });

  describe('valid', () => {
    for (const c of cases.filter((k) => k.kind === 'valid')) {
      it(c.name, () => {
        const expected = readExpected(c) as ValidExpectation;
        expect(Array.isArray(expected.diagnostics), 'expected.json of a valid case has "diagnostics"').toBe(true);
        const check = run(c);
        expectWellFormed(check.diagnostics);
        expect(toExpected(check.diagnostics), listing(check.diagnostics)).toEqual(sortExpected(expected.diagnostics));
        expect(check.result, 'a valid plan is computed').toBeDefined();
        const values = Object.fromEntries(Object.keys(expected.values ?? {}).map((path) => [path, valueAt(check.result!, path)]));
        expect(values).toEqual(expected.values ?? {});
      });
    }
  });
});

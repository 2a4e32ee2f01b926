// One error type: every failure that stops a command is a ShopPlanError with a documented code, its exit code
// and a hint; anything else that reaches the CLI's one catch is wrapped, never printed raw.
import { afterEach, describe, expect, it } from 'vitest';
import { ERRORS, InternalError, PlanInvalidError, ShopPlanError, UsageError } from '../../src/diagnostics/errors.ts';
import { CODES } from '../../src/diagnostics/codes.ts';
import { EXIT } from '../../src/diagnostics/exit-codes.ts';
import { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { invariant, InvariantViolation } from '../../src/model/invariant.ts';
import { main } from '../../src/cli/main.ts';

const debug = process.env.SHOPPLAN_DEBUG;
afterEach(() => {
  if (debug === undefined) delete process.env.SHOPPLAN_DEBUG;
  else process.env.SHOPPLAN_DEBUG = debug;
});

describe('ShopPlanError', () => {
  it('has codes apart from the diagnostic codes, each with an exit code of the CLI and a title and fix', () => {
    for (const [code, info] of Object.entries(ERRORS)) {
      expect(Object.keys(CODES), code).not.toContain(code);
      expect(Object.values(EXIT), code).toContain(info.exitCode);
      expect(info.exitCode, code).not.toBe(EXIT.ok);
      expect(info.title.length, code).toBeGreaterThan(10);
      expect(info.fix.length, code).toBeGreaterThan(10);
    }
  });

  it('takes its exit code and default hint from its code, and prints message then hint', () => {
    const e = new ShopPlanError('git-failed', 'git tag failed: no message');
    expect([e.code, e.exitCode, e.hint]).toEqual(['git-failed', 3, ERRORS['git-failed'].fix]);
    expect(e.report()).toBe(`shopplan: git tag failed: no message\n${ERRORS['git-failed'].fix}`);
    expect(new ShopPlanError('pdf-failed', 'x', { hint: 'Do y.' }).report()).toBe('shopplan: x\nDo y.');
  });

  it('a usage error exits 2 and points at the command’s help', () => {
    const e = new UsageError('--port must be a number from 1 to 65535, got "x".', 'dev');
    expect(e.exitCode).toBe(EXIT.usage);
    expect(e.report()).toBe('shopplan: --port must be a number from 1 to 65535, got "x".\nRun `shopplan dev --help` for usage.');
  });

  it('an invalid plan exits 1 and prints its errors before the message', () => {
    const d = new Diagnostic('ref-unresolved', 'Nope.', { file: 'v1:content/targets.yaml', place: { start: { line: 3, column: 1 } } });
    const w = new Diagnostic('score-missing', 'Only a warning.', { file: 'v1:content/products.yaml' });
    const e = new PlanInvalidError('v1', [d, w], { outDir: 'dist' });
    expect([e.code, e.exitCode, e.message]).toEqual(['plan-invalid', 1, 'The plan at v1 has 1 error. Nothing was written to dist.']);
    expect(e.report()).toMatch(/^v1:content\/targets\.yaml:3:1 {2}error {2}Nope\. {2}\[ref-unresolved\][\s\S]*\n\nshopplan: The plan at v1 has 1 error\. Nothing was written to dist\.$/);
    expect(e.report()).not.toContain('Only a warning');
  });
});

describe('InternalError.from: what the CLI does with anything else', () => {
  it('passes a ShopPlanError through', () => {
    const e = new UsageError('bad');
    expect(InternalError.from(e)).toBe(e);
  });

  it('wraps a bug or a tool’s error as internal (exit 3), with the trace only under SHOPPLAN_DEBUG', () => {
    delete process.env.SHOPPLAN_DEBUG;
    const e = InternalError.from(new TypeError('x is undefined'));
    expect([e.code, e.exitCode, e.message]).toEqual(['internal', 3, 'x is undefined']);
    expect(e.report()).toBe(`shopplan: x is undefined\n${ERRORS.internal.fix}`);
    process.env.SHOPPLAN_DEBUG = '1';
    expect(e.report()).toMatch(/\nTypeError: x is undefined\n {4}at /);
  });

  it('reports a broken invariant as internal', () => {
    let caught: unknown;
    try {
      invariant(1 > 2, 'one is more than two');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvariantViolation);
    expect(InternalError.from(caught)).toMatchObject({ code: 'internal', exitCode: 3, message: 'Invariant violated: one is more than two' });
  });

  it('reports a failing file-system call as file-system, not as a bug', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open 'dist/x'"), { code: 'ENOENT', syscall: 'open' });
    expect(InternalError.from(enoent)).toMatchObject({ code: 'file-system', exitCode: 3 });
  });

  it('keeps a long tool message to its first 20 lines', () => {
    const long = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    expect(InternalError.from(new Error(long)).message.split('\n')).toHaveLength(20);
  });

  it('is what main() prints for a usage error, with its exit code', async () => {
    const err: string[] = [];
    const code = await main(['frobnicate'], { stdout: () => {}, stderr: (s) => err.push(s), color: false, env: {} });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/^shopplan: Unknown command "frobnicate"\. Commands: .*\nRun `shopplan --help` for usage\.$/);
  });
});

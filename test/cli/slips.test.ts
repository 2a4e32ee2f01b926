// Common slips, run through the real CLI: every command reports them as located diagnostics, exit 1,
// in every output format — never exit 3, never a stack trace (issue #10 §2).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shopplan } from '../helpers/cli.ts';

const BASE = new URL('../fixtures/base/', import.meta.url);
const tmp = mkdtempSync(join(tmpdir(), 'shopplan-slips-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the fixture base plan with one edit; returns its folder and the edited line. */
function slip(name: string, file: string, edit: (text: string) => string): { dir: string; line: number } {
  const dir = join(tmp, name);
  cpSync(BASE, dir, { recursive: true });
  const before = readFileSync(join(dir, file), 'utf8');
  const after = edit(before);
  writeFileSync(join(dir, file), after);
  const line = after.split('\n').findIndex((l, i) => l !== before.split('\n')[i]) + 1;
  return { dir, line };
}

const NO_STACK = / {4}at |Cannot read properties|TypeError/;

// Each case spawns the CLI; on a busy machine one spawn can take ten seconds.
describe('slips through the CLI', { timeout: 180_000 }, () => {
  const comma = slip('comma', 'plan.yaml', (t) => t.replace('  name: Base Tea', '  name: { zh-CN: 中山茶社, en: Zhongshan, Guangdong }'));

  it('validate: text with the file, line, code frame and the quoting hint', () => {
    const r = shopplan(['validate', comma.dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`plan.yaml:${comma.line}:`);
    expect(r.stdout).toContain('en: "Zhongshan, Guangdong"');
    expect(r.stdout + r.stderr).not.toMatch(NO_STACK);
  });

  it('validate --format json: located, exit 1', () => {
    const json = shopplan(['validate', comma.dir, '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; diagnostics: Array<{ code: string; file: string; line: number; hint: string }> };
    expect(report.ok).toBe(false);
    expect(report.diagnostics.map((d) => [d.code, d.file.endsWith('plan.yaml'), d.line])).toEqual([['yaml-syntax', true, comma.line]]);
    expect(json.stderr).not.toMatch(NO_STACK);
  });

  it('compute, build and diff report the slip with exit 1 instead of crashing', () => {
    for (const args of [['compute', comma.dir], ['build', comma.dir, '--out', join(tmp, 'out'), '--no-pdf'], ['diff', new URL(BASE).pathname, comma.dir]]) {
      const r = shopplan(args);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(1);
      expect(r.stdout + r.stderr, args[0]).toContain('plan.yaml');
      expect(r.stdout + r.stderr, args[0]).not.toMatch(NO_STACK);
    }
  });

  it.each([
    ['a tab', 'channels.yaml', (t: string) => t.replace('      cvr: 0.03', '\tcvr: 0.03')],
    ['a stray line', 'targets.yaml', (t: string) => `${t}oops\n`],
    ['a full-width colon', 'plan.yaml', (t: string) => t.replace('currency: CNY', 'currency：CNY')],
  ])('%s: a GitHub annotation at the edited line', (name, file, edit) => {
    const s = slip(name.replace(/\W/g, '-'), file, edit);
    const r = shopplan(['validate', s.dir, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`::error file=[^,]*${file.replace('.', '\\.')},line=${s.line},`));
    expect(r.stdout + r.stderr).not.toMatch(NO_STACK);
  });
});

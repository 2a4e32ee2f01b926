// Rewrites the diagnostics in every fixture's expected.json, and an invalid case's printed text in
// expected.txt, from what ShopPlan reports now.
// For deliberate, local use only: review `git diff test/fixtures` afterwards: every changed line is a
// change in behaviour. Valid cases keep their hand-checked `values`; only `diagnostics` is rewritten.
//
//   node scripts/update-fixtures.ts                 all cases
//   node scripts/update-fixtures.ts dup-key tabs    cases whose name contains one of the words
//   node scripts/update-fixtures.ts --dry-run       print what would change (with messages), write nothing
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkPlanFiles } from '../src/pipeline/check-plan.ts';
import { caseFiles, listCases, PLAN_DIR, printedText, ROOT, relativeFile, toExpected, type ValidExpectation } from '../test/fixture-cases.ts';

if (process.env.CI) {
  console.error('update-fixtures: refusing to run in CI (CI is set). Expected diagnostics are updated on purpose, locally, and reviewed in the diff.');
  process.exit(2);
}

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const filters = args.filter((a) => !a.startsWith('--'));
let changed = 0;
let failed = 0;

for (const c of listCases()) {
  if (filters.length && !filters.some((f) => c.name.includes(f))) continue;
  const label = `${c.kind}/${c.name}`;
  let check;
  try {
    check = checkPlanFiles(PLAN_DIR, caseFiles(c));
  } catch (error) {
    failed++;
    console.error(`✖ ${label}: checkPlanFiles threw, expected.json left as it is\n${(error as Error).stack ?? String(error)}`);
    continue;
  }
  const diagnostics = toExpected(check.diagnostics);
  const file = join(c.dir, 'expected.json');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  let next: unknown = diagnostics;
  if (c.kind === 'valid') {
    const old = (before ? JSON.parse(before) : {}) as Partial<ValidExpectation>;
    next = { diagnostics, values: old.values ?? {} };
  }
  const text = `${JSON.stringify(next, null, 2)}\n`;
  if (dryRun) {
    console.log(`${text === before ? ' ' : '~'} ${label}`);
    for (const d of check.diagnostics) console.log(`    ${relativeFile(d.file)}:${d.startLine}:${d.startColumn} ${d.severity} [${d.code}] ${d.reason}\n      → ${d.hint}`);
    continue;
  }
  const outputs: [string, string][] = [[file, text]];
  if (c.kind === 'invalid') outputs.push([join(c.dir, 'expected.txt'), printedText(check)]);
  for (const [path, content] of outputs) {
    if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
    writeFileSync(path, content);
    changed++;
    console.log(`~ ${relative(ROOT, path)}`);
  }
}

console.log(dryRun ? 'Dry run: nothing written.' : `${changed} expected file(s) rewritten.${failed ? ` ${failed} case(s) failed.` : ''}`);
if (failed) process.exitCode = 1;

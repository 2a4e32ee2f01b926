// Vitest global setup: analyses the example plan's order files once, before any test runs. In a fresh clone
// the analysis cache is empty, and every test file whose first command reads the example would otherwise
// analyse the same 436,000 orders at the same time (a minute of CPU each on a busy 2-core machine), pushing
// an ordinary `validate` past its test's time limit. Tests of the analysis itself use their own cache folders.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, userEnv } from './cli.ts';

export default function primeOrderCache(): void {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/shopplan.js'), 'validate', 'content'], { cwd: ROOT, encoding: 'utf8', env: userEnv(), timeout: 300_000 });
  // A failure here is the example's own, and the tests that read it report it where it belongs.
  if (run.status !== 0) console.warn(`global setup: shopplan validate content exited ${run.status}; the tests will say why.`);
}

// The work a plan asks for is bounded before anything is computed (issue #10 §3): too many scenarios or
// drivers are an error at their list, and the estimate of entries × months × passes counts what compute does.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPlanFolder } from '../../src/load/read-folder.ts';
import type { RawFile } from '../../src/load/load-plan.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { estimateWork, MAX_DRIVERS, MAX_SCENARIOS } from '../../src/validate/checks/work.ts';
import { ROOT } from '../helpers/cli.ts';

const DIR = join(ROOT, 'content');
let files: RawFile[] = [];

beforeAll(async () => {
  const read = await readPlanFolder(DIR);
  if (!read.ok) throw new Error(read.diagnostic.reason);
  files = read.files;
});

/** The example plan with scenarios.yaml edited; validated only (nothing is computed when a bound is broken). */
function withScenarios(edit: (text: string) => string) {
  const changed = files.map((f) => (f.name === 'scenarios.yaml' ? { name: f.name, bytes: new TextEncoder().encode(edit(new TextDecoder().decode(f.bytes))) } : f));
  return checkPlanFiles(DIR, changed, { compute: false }).diagnostics.filter((d) => d.code === 'plan-too-large').map((d) => [d.file.slice(DIR.length + 1), d.startLine]);
}

describe('work bounds', { timeout: 60_000 }, () => {
  it(`more than ${MAX_SCENARIOS} scenarios with overrides: plan-too-large at the scenarios list`, () => {
    const extra = Array.from({ length: MAX_SCENARIOS }, (_, i) => `  - id: extra-${i}\n    name: Extra ${i}\n    overrides:\n      - path: channels.tmall.funnel.cvr\n        factor: 1.01\n`).join('\n');
    // The example has 2 scenarios with overrides; 2 + 20 = 22 > 20. `scenarios:` is line 5.
    expect(withScenarios((t) => t.replace('\nsensitivity:', `\n${extra}\nsensitivity:`))).toEqual([['scenarios.yaml', 5]]);
  });

  it(`more than ${MAX_DRIVERS} sensitivity drivers: plan-too-large at the drivers list`, () => {
    const extra = Array.from({ length: MAX_DRIVERS }, (_, i) => `    - id: extra-${i}\n      name: Extra ${i}\n      path: channels.tmall.funnel.cvr\n`).join('');
    const line = (t: string) => t.slice(0, t.indexOf('  drivers:')).split('\n').length;
    let at = 0;
    expect(
      withScenarios((t) => {
        at = line(t);
        return `${t.trimEnd()}\n${extra}`;
      }),
    ).toEqual([['scenarios.yaml', at]]);
  });

  it('estimates entries × months × passes as compute does them', () => {
    const w = estimateWork({
      plan: { horizon: { months: 12 } },
      channels: { channels: [{ id: 'a' }, { id: 'b' }] },
      products: { skus: [{ id: 'x' }, { id: 'y' }, { id: 'z' }], tags: ['not', 'entries'] },
      scenarios: { scenarios: [{ overrides: [{ path: 'p' }] }, {}], sensitivity: { drivers: [{}, {}] } },
    });
    // entries: 2 channels + 3 SKUs + 2 scenarios + 1 override + 2 drivers = 10 (the strings are not entries);
    // passes: the plan + 1 scenario with overrides + 2 drivers × 2 = 6; work = 10 × 12 × 6 = 720.
    expect(w).toMatchObject({ entries: 10, months: 12, passes: 6, scenarios: 1, drivers: 2, work: 720, largest: { file: 'products', path: ['skus'], entries: 3 } });
  });
});

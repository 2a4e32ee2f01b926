// Ids such as `constructor` are ordinary ids (issue #10 §7): ids become object keys in validation, the
// engine and the result, and a key that is also a member of Object.prototype must neither crash a lookup
// nor be found where nothing was defined. Renaming an entry of the example plan to `constructor`
// everywhere gives the same diagnostics and the same numbers under the new name; `__proto__`, `toString`
// and `constructor` as actuals columns are unknown KPIs like any other name.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPlanFolder } from '../../src/load/read-folder.ts';
import type { RawFile } from '../../src/load/load-plan.ts';
import { checkPlanFiles, type PlanCheck } from '../../src/pipeline/check-plan.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { ROOT } from '../helpers/cli.ts';

const DIR = join(ROOT, 'content');
let files: RawFile[] = [];
let base: PlanCheck;

const codes = (c: PlanCheck) => c.diagnostics.map((d) => `${d.code} ${d.file.slice(DIR.length)}:${d.startLine}`);
/** `id` as a whole word (not part of another id such as `tmall-flagship`), except as a platform name (`platform: tmall`). */
const word = (id: string) => new RegExp(`(?<![\\w-]|platform: )${id.replace(/[-]/g, '\\-')}(?![\\w-])`, 'g');
const withText = (edit: (name: string, text: string) => string) =>
  files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(edit(f.name, new TextDecoder().decode(f.bytes))) }));

beforeAll(async () => {
  const read = await readPlanFolder(DIR);
  if (!read.ok) throw new Error(read.diagnostic.reason);
  files = read.files;
  base = checkPlanFiles(DIR, files);
}, 120_000);

// One id of each kind that other entries refer to or that becomes a key of the result; KPI and scenario
// ids whose word the engine's own text does not use (`gmv`, `base` are also words of its formulas' text).
const KINDS: Array<[string, (i: PlanInput) => string | undefined]> = [
  ['channel', (i) => i.channels?.channels?.[0]?.id],
  ['SKU', (i) => i.products?.skus?.[0]?.id],
  ['KPI with a formula', (i) => i.kpis?.kpis?.find((k) => k.id === 'gross_margin' && k.formula)?.id],
  ['team', (i) => i.org?.teams?.[0]?.id],
  ['promotion', (i) => i.promotions?.promotions?.[0]?.id],
  ['scenario', (i) => i.scenarios?.scenarios?.find((s) => s.id === 'optimistic')?.id],
];

describe('an id named constructor', { timeout: 120_000 }, () => {
  it.each(KINDS)('%s: same diagnostics and the same numbers under the new name', (_kind, pick) => {
    const id = pick(base.input!);
    expect(id).toBeTruthy();
    const renamed = checkPlanFiles(DIR, withText((_name, text) => text.replace(word(id!), 'constructor')));
    expect(codes(renamed)).toEqual(codes(base));
    const expected = JSON.parse(JSON.stringify(base.result).replace(word(id!), 'constructor')) as unknown;
    expect(JSON.parse(JSON.stringify(renamed.result)) as unknown).toEqual(expected);
  });
});

describe('actuals columns named like members of Object.prototype', { timeout: 120_000 }, () => {
  it.each(['__proto__', 'constructor', 'toString'])('%s is an unknown KPI at its column, nothing else changes', (name) => {
    const check = checkPlanFiles(DIR, withText((file, text) => (file.startsWith('actuals/') ? text.replace(/^month,/, `month,${name},`).replace(/^(\d{4}-\d{2}),/gm, '$1,1,') : text)));
    const added = codes(check).filter((c) => !codes(base).includes(c));
    expect(added).toEqual([expect.stringMatching(/^actuals-unknown-kpi \/actuals\/2027\.csv:1$/)]);
  });
});

// npm run bench: how long reading, parsing, validating and computing a plan take, and how that grows
// with the plan. Generates a small and a large synthetic plan (scripts/gen-large-plan.ts) in a temp
// folder, times each pipeline stage in this process, and prints median and min per stage, the ratios
// compute/parse and validate/parse, and the growth large/small.
// Goal (issue): compute costs no more than parsing the YAML, and grows linearly with the plan.
// The goal lines are informative: this script asserts nothing and exits 0 whatever the figures.
// It also runs `shopplan validate` and `compute` of the example as a user does (scripts/bench/cli.ts, goal ≤ 1 s each).
// It also times `shopplan dev` from a plan file written (the numbers changed) to the page's reload event in Chromium
// (scripts/bench/dev.ts, goal median ≤ 300 ms), to the server's reload and to the page showing the new number.
// Usage: npm run bench [-- --runs N] [-- --json] [-- --skip-cli] [-- --skip-versions] [-- --skip-pdf] [-- --skip-orders] [-- --skip-site] [-- --skip-dev]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptArgs } from './script-args.ts';
import { generateLargePlan, type LargePlanOptions } from './gen-large-plan.ts';
import { measure, type Timing } from './bench/measure.ts';
import { formatTable, int, mb, ms, times } from './bench/format.ts';
import { readPlanFolder } from '../src/load/read-folder.ts';
import { loadPlan } from '../src/load/load-plan.ts';
import { forgetParses } from '../src/load/parse-memo.ts';
import { validatePlan } from '../src/validate/validate-plan.ts';
import { compute, computeCore } from '../src/engine/compute.ts';
import { hasErrors, type Diagnostic } from '../src/diagnostics/diagnostic.ts';
import { benchVersions, formatVersionsBench } from './bench/versions.ts';
import { benchPdf, formatPdfBench } from './bench/pdf.ts';
import { benchOrders, formatOrdersBench } from './bench/orders.ts';
import { benchSite, formatSiteBench } from './bench/site.ts';
import { benchCli, formatCliBench } from './bench/cli.ts';
import { benchDev, formatDevBench } from './bench/dev.ts';

const STAGES = ['read', 'parse', 'validate', 'compute-core', 'compute', 'compute-missed'] as const;
type Stage = (typeof STAGES)[number];

/** What each stage covers, printed under the table so the figures are not misread. */
const STAGE_NOTES: Record<Stage, string> = {
  read: 'readPlanFolder: the files’ bytes from disk',
  parse: 'loadPlan: decode + YAML parse with positions (+ MDX chapters)',
  validate: 'validatePlan: JSON Schemas (ajv) + semantic checks',
  'compute-core': 'computeCore: one model pass, no scenarios, no tornado',
  compute: 'compute: the model + every scenario + the tornado (+ what it would take for targets missed)',
  'compute-missed': 'compute with every target raised by 30 %: what it would take solved for each',
};

/**
 * Within this factor of the plan's growth, a stage counts as growing (near) linearly. Validation is held
 * tighter (≤ 11× for a 10× plan, issue #11): it runs on every keystroke in `shopplan dev` and editors.
 */
const LINEAR_SLACK = { parse: 1.5, validate: 1.1, compute: 1.5 } as const;
type LinearStage = keyof typeof LINEAR_SLACK;

interface PlanSpec {
  name: 'small' | 'large';
  size: LargePlanOptions;
  runs: number;
}

interface PlanReport {
  name: PlanSpec['name'];
  size: LargePlanOptions & { scenarios: number };
  bytes: { total: number; products: number };
  runs: number;
  stages: Record<Stage, Timing>;
  /** Highest RSS sampled after each run while this plan was benchmarked. */
  peakRssBytes: number;
}

const { values: args } = scriptArgs('Usage: npm run bench [-- --runs N] [--json] [--skip-cli] [--skip-versions] [--skip-pdf] [--skip-orders] [--skip-site] [--skip-dev]', { options: { runs: { type: 'string' }, json: { type: 'boolean', default: false }, 'skip-cli': { type: 'boolean', default: false }, 'skip-versions': { type: 'boolean', default: false }, 'skip-pdf': { type: 'boolean', default: false }, 'skip-orders': { type: 'boolean', default: false }, 'skip-site': { type: 'boolean', default: false }, 'skip-dev': { type: 'boolean', default: false } } });
const runsOverride = args.runs === undefined ? undefined : Number(args.runs);
if (runsOverride !== undefined && !(Number.isInteger(runsOverride) && runsOverride >= 1)) {
  console.error(`--runs wants a whole number ≥ 1, not "${args.runs}".`);
  process.exit(2);
}

// Fewer runs for the large plan: one compute of it takes seconds, and the whole bench should stay
// under about two minutes on a 2-core machine. The small plan is 10× smaller in SKUs and channels.
const PLANS: PlanSpec[] = [
  { name: 'small', size: { skus: 500, channels: 4, months: 36 }, runs: runsOverride ?? 7 },
  { name: 'large', size: { skus: 5000, channels: 40, months: 36 }, runs: runsOverride ?? 5 },
];

const progress = (line: string) => process.stderr.write(`${line}\n`);

const root = mkdtempSync(join(tmpdir(), 'shopplan-bench-'));
try {
  const reports: PlanReport[] = [];
  for (const spec of PLANS) {
    const dir = join(root, spec.name);
    progress(`generating ${spec.name} plan (${int(spec.size.skus)} SKUs, ${spec.size.channels} channels, ${spec.size.months} months) …`);
    generateLargePlan(dir, spec.size);
    reports.push(await benchPlan(spec, dir));
  }
  const [small, large] = reports as [PlanReport, PlanReport];
  const summary = summarise(small, large);
  // The example plan through the CLI in fresh processes (scripts/bench/cli.ts): validate and compute ≤ 1 s.
  const cli = args['skip-cli'] ? null : await benchCli(progress);
  // Plan versions (scripts/bench/versions.ts): rebuild with 5 versions and nothing changed vs cold.
  const versions = args['skip-versions'] ? null : await benchVersions(progress);
  // PDFs (scripts/bench/pdf.ts): printing the example plan's PDFs, when Chromium is found.
  const site = args['skip-site'] ? null : await benchSite(progress);
  const pdf = args['skip-pdf'] ? null : await benchPdf(progress);
  // shopplan dev (scripts/bench/dev.ts): a plan file written → the page's reload event, the server's reload, the new number shown.
  const dev = args['skip-dev'] ? null : await benchDev(progress);
  // Order analysis (scripts/bench/orders.ts): 1 M and 10 M synthetic orders through embedded DuckDB.
  const orders = args['skip-orders'] ? null : await benchOrders(progress);
  console.log(args.json ? JSON.stringify({ ...summary, cli, versions, site, pdf, dev, orders }, null, 2) : `${formatReport(small, large, summary)}${cli ? `\n\n${formatCliBench(cli)}` : ''}${site ? `\n\n${formatSiteBench(site)}` : ''}${versions ? `\n\n${formatVersionsBench(versions)}` : ''}${pdf ? `\n\n${formatPdfBench(pdf)}` : ''}${dev ? `\n\n${formatDevBench(dev)}` : ''}${orders ? `\n\n${formatOrdersBench(orders)}` : ''}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}

/** Times every stage on one plan folder. Each stage runs on the last result of the stage before. */
async function benchPlan(spec: PlanSpec, dir: string): Promise<PlanReport> {
  let peakRssBytes = 0;
  const hooks = (stage: Stage) => ({
    beforeRun: (run: number, runs: number) => progress(`  ${spec.name}: ${stage} ${run === 0 ? 'warm-up' : `${run}/${runs}`} …`),
    // Sampled between runs, so a peak inside one run can be missed; the OS high-water mark
    // (process.resourceUsage().maxRSS) is printed too.
    afterRun: () => (peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss)),
  });

  const read = await measure(async () => {
    const r = await readPlanFolder(dir);
    if (!r.ok) throw new Error(r.diagnostic.message);
    return r.files;
  }, spec.runs, hooks('read'));
  const files = read.value;

  const parse = await measure(() => {
    // A fresh parse each run, as a `validate` or `compute` process does (dev and the fuzzer reuse parses).
    forgetParses();
    const loaded = loadPlan(dir, files);
    if (hasErrors(loaded.diagnostics)) throw planError('load', loaded.diagnostics);
    return loaded.sources;
  }, spec.runs, hooks('parse'));
  const sources = parse.value;

  const validate = await measure(() => validatePlan(sources), spec.runs, hooks('validate'));
  const { input, actuals, diagnostics } = validate.value;
  if (!input) throw planError('validate', diagnostics);

  const core = await measure(() => computeCore(input, actuals ?? {}), spec.runs, hooks('compute-core'));
  const full = await measure(() => compute(input, { actuals }), spec.runs, hooks('compute'));
  // The worst case for what it would take: every target missed, every driver searched.
  const raised = { ...input, targets: { ...input.targets, targets: (input.targets?.targets ?? []).map((t) => ({ ...t, value: t.value * 1.3 })) } };
  const missed = await measure(() => compute(raised, { actuals }), spec.runs, hooks('compute-missed'));

  const products = files.find((f) => f.name === 'products.yaml' || f.name === 'products.yml');
  return {
    name: spec.name,
    size: { ...spec.size, scenarios: input.scenarios?.scenarios?.length ?? 0 },
    bytes: { total: files.reduce((sum, f) => sum + f.bytes.length, 0), products: products?.bytes.length ?? 0 },
    runs: spec.runs,
    stages: { read: read.timing, parse: parse.timing, validate: validate.timing, 'compute-core': core.timing, compute: full.timing, 'compute-missed': missed.timing },
    peakRssBytes,
  };
}

/** The generated plan must be valid, or there is nothing to compute: say why, with the first errors. */
function planError(stage: string, diagnostics: readonly Diagnostic[]): Error {
  const errors = diagnostics.filter((d) => d.fatal).slice(0, 5);
  return new Error(`The generated plan fails to ${stage}:\n${errors.map((d) => `  ${d.file}: ${d.code}: ${d.message}`).join('\n')}`);
}

function summarise(small: PlanReport, large: PlanReport) {
  const median = (r: PlanReport, s: Stage) => r.stages[s].median;
  const ratios = (r: PlanReport) => ({
    computeOverParse: median(r, 'compute') / median(r, 'parse'),
    computeMissedOverParse: median(r, 'compute-missed') / median(r, 'parse'),
    validateOverParse: median(r, 'validate') / median(r, 'parse'),
    // How many single model passes one compute() costs: the rest of compute is scenarios + tornado.
    computeOverCore: median(r, 'compute') / median(r, 'compute-core'),
  });
  const size = {
    skus: large.size.skus / small.size.skus,
    channels: large.size.channels / small.size.channels,
    months: large.size.months / small.size.months,
    bytes: large.bytes.total / small.bytes.total,
  };
  // "The plan grows 10×": SKUs and channels both ×10. Linear cost grows by that factor, not by
  // SKUs × channels (×100), which is what a cost per (SKU, channel) pair would give.
  const planFactor = Math.max(size.skus, size.channels, size.months);
  const growth = Object.fromEntries(STAGES.map((s) => [s, median(large, s) / median(small, s)])) as Record<Stage, number>;
  const limit = (s: LinearStage) => planFactor * LINEAR_SLACK[s];
  return {
    node: process.version,
    cpus: cpus().length,
    plans: { small, large },
    ratios: { small: ratios(small), large: ratios(large) },
    growth: { planFactor, size, stages: growth },
    goals: {
      computeAtMostParse: { small: median(small, 'compute') <= median(small, 'parse'), large: median(large, 'compute') <= median(large, 'parse') },
      computeMissedAtMostParse: { small: median(small, 'compute-missed') <= median(small, 'parse'), large: median(large, 'compute-missed') <= median(large, 'parse') },
      nearLinear: Object.fromEntries(
        (Object.keys(LINEAR_SLACK) as LinearStage[]).map((s) => [s, { limit: limit(s), ok: growth[s] <= limit(s) }]),
      ) as Record<LinearStage, { limit: number; ok: boolean }>,
    },
    // The OS high-water mark for the whole process, peaks inside a run included.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

type Summary = ReturnType<typeof summarise>;

function formatReport(small: PlanReport, large: PlanReport, summary: Summary): string {
  const out: string[] = [`ShopPlan bench — Node ${summary.node}, ${summary.cpus} CPUs; median and min of N runs after one warm-up`, ''];
  for (const r of [small, large]) {
    out.push(
      `${r.name} plan: ${int(r.size.skus)} SKUs, ${r.size.channels} channels, ${r.size.months} months, ${r.size.scenarios} scenarios — ` +
        `${mb(r.bytes.total)} MB read (products.yaml ${mb(r.bytes.products)} MB), N = ${r.runs}`,
    );
    out.push(formatTable([['stage', 'median ms', 'min ms'], ...STAGES.map((s) => [s, ms(r.stages[s].median), ms(r.stages[s].min)])]));
    out.push(`  peak RSS (sampled after each run): ${mb(r.peakRssBytes)} MB`, '');
  }
  out.push('stages:', formatTable(STAGES.map((s) => [s, STAGE_NOTES[s]]), { numbers: false }), '');

  const { ratios, growth, goals } = summary;
  out.push('ratios (of medians)');
  out.push(
    formatTable([
      ['', 'small', 'large'],
      ['compute / parse', times(ratios.small.computeOverParse), times(ratios.large.computeOverParse)],
      ['compute-missed / parse', times(ratios.small.computeMissedOverParse), times(ratios.large.computeMissedOverParse)],
      ['validate / parse', times(ratios.small.validateOverParse), times(ratios.large.validateOverParse)],
      ['compute / compute-core', times(ratios.small.computeOverCore), times(ratios.large.computeOverCore)],
    ]),
    '',
  );
  out.push(
    `growth large / small (plan: SKUs ${times(growth.size.skus)}, channels ${times(growth.size.channels)}, months ${times(growth.size.months)}; ` +
      `bytes read ${times(growth.size.bytes)})`,
  );
  out.push(formatTable((['parse', 'validate', 'compute-core', 'compute', 'compute-missed'] as const).map((s) => [s, times(growth.stages[s])])), '');

  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const m = (r: PlanReport, s: Stage) => `${ms(r.stages[s].median)} ms`;
  out.push(`goals (informative, not asserted)`);
  for (const r of [small, large]) {
    const ok = goals.computeAtMostParse[r.name];
    out.push(`  ${mark(ok)} compute ≤ parse (${r.name}): compute ${m(r, 'compute')} ${ok ? '≤' : '>'} parse ${m(r, 'parse')}`);
    const okMissed = goals.computeMissedAtMostParse[r.name];
    out.push(`  ${mark(okMissed)} compute with every target missed ≤ parse (${r.name}): ${m(r, 'compute-missed')} ${okMissed ? '≤' : '>'} parse ${m(r, 'parse')}`);
  }
  for (const s of Object.keys(LINEAR_SLACK) as LinearStage[]) {
    const { ok, limit } = goals.nearLinear[s];
    out.push(
      `  ${mark(ok)} ${s} grows near linearly: ${times(growth.stages[s])} ${ok ? '≤' : '>'} ${times(limit)} ` +
        `(${LINEAR_SLACK[s]} × plan growth ${times(growth.planFactor)})`,
    );
  }
  out.push('', `process max RSS (OS high-water mark): ${mb(summary.maxRssBytes)} MB`);
  return out.join('\n');
}

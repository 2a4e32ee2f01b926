// `npm run fuzz`: random small edits to the example plan (scripts/fuzz/plan-edits.ts), checked in process
// as `validate` does, spread over worker threads. Prints the cases run, failures with the smallest edit
// that shows each, and time per case.
//
//   node scripts/fuzz.ts [--runs 10000] [--seed N] [--workers 2] [--dir content] [--minutes M]
// --minutes stops each worker after M minutes and reports the cases it ran (a busy machine may not finish).
import { availableParallelism } from 'node:os';
import { scriptArgs } from './script-args.ts';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { readPlanFolder } from '../src/load/read-folder.ts';
import { editArbitrary, runCase, type EditCase } from './fuzz/plan-edits.ts';

interface Job {
  dir: string;
  runs: number;
  seed: number;
  minutes?: number;
}

interface Report {
  runs: number;
  failed: boolean;
  counterexample?: EditCase;
  problems?: string[];
  times: number[];
}

async function work(job: Job): Promise<Report> {
  const read = await readPlanFolder(job.dir);
  if (!read.ok) throw new Error(`cannot read ${job.dir}: ${read.diagnostic.reason}`);
  const files = read.files;
  const names = files.map((f) => f.name).filter((n) => n.endsWith('.yaml') || n.endsWith('.mdx'));
  const times: number[] = [];
  const details = fc.check(
    fc.property(editArbitrary(names), (c) => {
      const outcome = runCase(job.dir, files, c);
      times.push(outcome.ms);
      if (times.length % 250 === 0) parentPort?.postMessage({ progress: 250 });
      return outcome.problems.length === 0;
    }),
    { numRuns: job.runs, seed: job.seed, ...(job.minutes ? { interruptAfterTimeLimit: job.minutes * 60_000, markInterruptAsFailure: false } : {}) },
  );
  return {
    runs: details.numRuns,
    failed: details.failed,
    // The problems of the smallest failing case (shrinking ran other cases after it).
    ...(details.counterexample ? { counterexample: details.counterexample[0], problems: runCase(job.dir, files, details.counterexample[0]).problems } : {}),
    times,
  };
}

if (!isMainThread) {
  parentPort!.postMessage({ report: await work(workerData as Job) });
} else {
  const { values } = scriptArgs('Usage: node scripts/fuzz.ts [--runs 10000] [--seed N] [--workers 2] [--dir content] [--minutes M]', { options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' }, workers: { type: 'string' }, dir: { type: 'string', default: 'content' }, minutes: { type: 'string' } } });
  const runs = Number(values.runs);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const workers = Math.max(1, Math.min(Number(values.workers ?? availableParallelism()), runs));
  const started = performance.now();
  let done = 0;
  console.log(`fuzz: ${runs} cases on ${values.dir}, ${workers} worker(s), seed ${seed}`);
  const reports = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const share = Math.floor(runs / workers) + (i < runs % workers ? 1 : 0);
      return new Promise<Report>((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { dir: values.dir, runs: share, seed: seed + i, ...(values.minutes ? { minutes: Number(values.minutes) } : {}) } satisfies Job });
        worker.on('message', (m: { progress?: number; report?: Report }) => {
          if (m.report) resolve(m.report);
          else if ((done += m.progress ?? 0) % 1000 === 0) console.log(`fuzz: ${done} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`);
        });
        worker.once('error', reject);
      });
    }),
  );
  const times = reports.flatMap((r) => r.times).sort((a, b) => a - b);
  const total = reports.reduce((n, r) => n + r.runs, 0);
  const seconds = (performance.now() - started) / 1000;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]?.toFixed(0);
  if (total < runs && !reports.some((r) => r.failed)) console.log(`fuzz: stopped after ${values.minutes} minutes, ${total} of ${runs} cases run.`);
  console.log(`fuzz: ${total} cases in ${seconds.toFixed(0)} s; per case median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
  const failures = reports.filter((r) => r.failed);
  reports.forEach((r, i) => {
    if (!r.failed) return;
    console.log(`\n✖ worker ${i} (seed ${seed + i}), after shrinking: ${JSON.stringify(r.counterexample)}`);
    for (const p of r.problems ?? []) console.log(`  ${p}`);
  });
  console.log(failures.length ? `\nfuzz: ${failures.length} worker(s) found a failing case.` : 'fuzz: no failing case.');
  process.exitCode = failures.length ? 1 : 0;
}

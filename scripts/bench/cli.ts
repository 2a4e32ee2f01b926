// The feedback figures of `npm run bench` (issue #14 §6): `shopplan validate` and `shopplan compute` of the
// example plan as a user runs them — a fresh process each time, start-up included — median of N runs, wall
// clock and CPU (user + system of the process, from the shell's `times`: on a machine other agents share,
// CPU says more than wall time about what a run costs). Goal: each ≤ 1 s wall.
// Each timed run follows an edit, as when an operator saves a file and checks it: a comment added to the plan's
// largest YAML file (of a copy of the example), so that file is parsed again and everything is validated and
// computed again; the other files' parses and the start-up come from the tool's cache (docs/cli.md, "The
// tool's own cache"). The same runs with no cache at all (SHOPPLAN_NO_CACHE=1, NODE_DISABLE_COMPILE_CACHE=1:
// a first run after installing) are printed beside them, without a goal.
// From a checkout the CLI runs bundled (scripts/bundle-cli.ts; made first here when stale, as `npm ci` and `npm test`
// make it); the installed package runs compiled lib/.
// Run alone: node scripts/bench/cli.ts [--runs N] [--json]
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptArgs } from '../script-args.ts';
import { ensureBundle } from '../bundle-cli.ts';
import { median } from './measure.ts';
import { formatTable, ms } from './format.ts';

export const CLI_COMMANDS = ['validate', 'compute'] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];
const GOAL_MS = 1000;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/shopplan.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../content/', import.meta.url));

export interface CliRun {
  wallMs: number;
  cpuMs: number;
}

export interface CliBench {
  command: CliCommand;
  runs: number;
  /** After an edit of one file, the tool's cache in place: the goal's figures. */
  wallMs: number;
  minWallMs: number;
  cpuMs: number;
  minCpuMs: number;
  /** With no cache at all. */
  coldWallMs: number;
  coldCpuMs: number;
}

export interface CliBenchReport {
  commands: CliBench[];
  cores: number;
  /** 1-minute load average when the runs finished: other work competing for the cores. */
  load: number;
}

/** `times` prints the shell's and then its children's user and system time, e.g. `0m2.510s 0m0.520s`. */
function childCpuMs(timesOutput: string): number {
  const line = timesOutput.trim().split('\n').at(-1) ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000);
  if (parts.length !== 2) throw new Error(`unexpected output of times: ${JSON.stringify(timesOutput)}`);
  return parts[0]! + parts[1]!;
}

/** One `shopplan <command> <plan>` in a fresh process; its output is dropped, a failure throws. */
export function runCli(command: CliCommand, plan = EXAMPLE, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // The shell runs the CLI, then reports its child's CPU time on fd 3.
    const script = '"$0" "$@" >/dev/null 2>/dev/null; code=$?; times >&3; exit $code';
    const child = spawn('/bin/sh', ['-c', script, process.execPath, BIN, command, plan], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    let times = '';
    child.stdio[3]!.on('data', (d) => (times += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) reject(new Error(`shopplan ${command} of the example plan exited ${code}`));
      else resolve({ wallMs, cpuMs: childCpuMs(times) });
    });
  });
}

const NO_CACHE = { SHOPPLAN_NO_CACHE: '1', NODE_DISABLE_COMPILE_CACHE: '1' };

export async function benchCli(progress: (line: string) => void, runs = 5): Promise<CliBenchReport> {
  progress('cli: bundling the CLI if a source changed since it was last bundled …');
  await ensureBundle();
  const root = mkdtempSync(join(tmpdir(), 'shopplan-bench-cli-'));
  const plan = join(root, 'content');
  cpSync(EXAMPLE, plan, { recursive: true });
  const largest = readdirSync(plan)
    .filter((n) => n.endsWith('.yaml'))
    .sort((a, b) => statSync(join(plan, b)).size - statSync(join(plan, a)).size)[0]!;
  const commands: CliBench[] = [];
  try {
    for (const command of CLI_COMMANDS) {
      progress(`cli: shopplan ${command} warm-up (file cache, tool cache) …`);
      await runCli(command, plan);
      const done: CliRun[] = [];
      const cold: CliRun[] = [];
      for (let i = 1; i <= runs; i++) {
        progress(`cli: shopplan ${command} ${i}/${runs} after an edit of ${largest}, and with no cache …`);
        appendFileSync(join(plan, largest), `\n# bench edit ${command} ${i}\n`);
        done.push(await runCli(command, plan));
        cold.push(await runCli(command, plan, NO_CACHE));
      }
      const wall = done.map((r) => r.wallMs);
      const cpu = done.map((r) => r.cpuMs);
      commands.push({ command, runs, wallMs: median(wall), minWallMs: Math.min(...wall), cpuMs: median(cpu), minCpuMs: Math.min(...cpu), coldWallMs: median(cold.map((r) => r.wallMs)), coldCpuMs: median(cold.map((r) => r.cpuMs)) });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { commands, cores: cpus().length, load: loadavg()[0]! };
}

export function formatCliBench(report: CliBenchReport): string {
  const rows = report.commands.map((c) => [`shopplan ${c.command}`, ms(c.wallMs), ms(c.minWallMs), ms(c.cpuMs), ms(c.minCpuMs), `${c.wallMs <= GOAL_MS ? '✓' : '✗'} wall ≤ ${GOAL_MS} ms`, ms(c.coldWallMs), ms(c.coldCpuMs)]);
  return [
    `cli: the example plan in a fresh process after an edit of one file, median of ${report.commands[0]?.runs ?? 0} (load ${report.load.toFixed(1)} on ${report.cores} cores)`,
    formatTable([['command', 'wall ms', 'min', 'cpu ms', 'min', 'goal', 'no cache: wall', 'cpu'], ...rows]),
    '  cpu: user + system time of the process; on a loaded machine wall time overstates what an idle one needs.',
    '  no cache: the first run after installing (no start-up cache, every file parsed); informative, no goal.',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = scriptArgs('Usage: node scripts/bench/cli.ts [--runs N] [--json]', { options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } } });
  const report = await benchCli((l) => process.stderr.write(`${l}\n`), Number(values.runs));
  console.log(values.json ? JSON.stringify(report, null, 2) : formatCliBench(report));
}

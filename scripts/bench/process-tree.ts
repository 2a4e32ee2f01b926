// Runs a command and measures its wall time and the CPU time of its whole process tree (it and everything
// it starts, e.g. Chromium's processes), sampled from /proc every 100 ms. On a machine other agents share,
// CPU time says more than wall time about what a step costs. Linux only: elsewhere `cpuMs` is null.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeRun {
  code: number | null;
  stderr: string;
  wallMs: number;
  /** User + system CPU of the command and its descendants; null where /proc is not available. */
  cpuMs: number | null;
  /** Of which the command's own process (e.g. Node, without the Chromium it starts); null as cpuMs. */
  ownCpuMs: number | null;
}

const TICKS_PER_SECOND = 100;

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** CPU ticks of `root` and its descendants now, by pid. */
function sample(root: number): Map<number, number> {
  const all = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) all.set(Number(name), s);
  }
  const tree = new Map<number, number>();
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    const s = all.get(pid);
    if (!s || tree.has(pid)) continue;
    tree.set(pid, s.ticks);
    for (const [child, c] of all) if (c.ppid === pid) queue.push(child);
  }
  return tree;
}

export function runTree(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<TreeRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const linux = process.platform === 'linux';
    const peak = new Map<number, number>();
    const poll = () => {
      for (const [pid, ticks] of sample(child.pid!)) peak.set(pid, Math.max(peak.get(pid) ?? 0, ticks));
    };
    const timer = linux ? setInterval(poll, 100) : undefined;
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      const ticks = [...peak.values()].reduce((a, b) => a + b, 0);
      const ms = (t: number) => (linux ? (t / TICKS_PER_SECOND) * 1000 : null);
      resolve({ code, stderr, wallMs: performance.now() - started, cpuMs: ms(ticks), ownCpuMs: ms(peak.get(child.pid!) ?? 0) });
    });
  });
}

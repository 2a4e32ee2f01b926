// Runs the real `shopplan` command as a user would, with the project's Node.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/shopplan.js', import.meta.url));

/** What vitest mirrors of Vite's `import.meta.env` into `process.env`: with `DEV=1` an Astro build puts the dev client (`/@vite/client`) into pages. */
const VITE_ENV = new Set(['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

/**
 * The environment a user's shell would give: without vitest's markers, which change how Astro/Vite behave, and
 * with an English POSIX locale (a test that wants Chinese messages passes `--lang zh-CN` or `SHOPPLAN_LANG`).
 */
export function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || VITE_ENV.has(key) || key === 'NODE_ENV' || key === 'TEST' || key === 'LC_ALL' || key === 'LC_MESSAGES' || key === 'SHOPPLAN_LANG') delete env[key];
  return env;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function shopplan(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { ...userEnv(), ...options.env }, timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

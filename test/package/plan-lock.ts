// A package-lock.json for a plan repository that depends on a ShopPlan tarball, made from this repository's
// own lock: ShopPlan's run-time packages (the lock's non-dev entries) and the `node` dev dependency, at the
// versions and places `npm ci` just installed here. So `npm ci --offline` in the plan repository finds every
// package in npm's cache — the test runs without network, like CI after its own `npm ci`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  version?: string;
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** The lock entry a package named `name` required from `from` resolves to (Node's lookup up the tree). */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
    const key = `${at ? `${at}/` : ''}node_modules/${name}`;
    if (packages[key]) return key;
    if (!at) return undefined;
  }
}

export function planLock(root: string, plan: { name: string; dependencies: Record<string, string>; devDependencies: Record<string, string> }, tarball: { path: string; integrity: string }): string {
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; license: string; bin: Record<string, string>; dependencies: Record<string, string>; engines?: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, LockEntry> = {};
  for (const [key, entry] of Object.entries(lock.packages)) if (key && !entry.dev) packages[key] = entry;
  // the dev dependencies the plan has too (node), with what they need
  const queue = Object.keys(plan.devDependencies).map((name) => resolveIn(lock.packages, '', name)!);
  while (queue.length) {
    const key = queue.pop()!;
    if (packages[key]) continue;
    const entry = lock.packages[key]!;
    packages[key] = entry;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const found = resolveIn(lock.packages, key, name);
      if (found) queue.push(found);
    }
  }
  const shopplan = { version: own.version, resolved: `file:${tarball.path}`, integrity: tarball.integrity, license: own.license, dependencies: own.dependencies, bin: own.bin, ...(own.engines ? { engines: own.engines } : {}) };
  const out = {
    name: plan.name,
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: plan.name, dependencies: plan.dependencies, devDependencies: plan.devDependencies }, 'node_modules/shopplan': shopplan, ...packages },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

// Builds in-memory plan folders for tests: YAML objects or raw text → RawFile[].
import { stringify } from 'yaml';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RawFile } from '../../src/load/load-plan.ts';

export function files(entries: Record<string, unknown>): RawFile[] {
  return Object.entries(entries).map(([name, content]) => ({
    name,
    bytes: content instanceof Uint8Array ? content : new TextEncoder().encode(typeof content === 'string' ? content : stringify(content)),
  }));
}

/** Reads a plan folder from disk the way `readPlanFolder` does, synchronously, for fixtures. */
export function folderFiles(dir: string): RawFile[] {
  const out: RawFile[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else out.push({ name: rel, bytes: new Uint8Array(readFileSync(join(dir, rel))) });
    }
  };
  walk('');
  return out;
}

export const minimalPlan = {
  schemaVersion: 2,
  id: 'test-plan',
  title: 'Test plan',
  company: { name: 'Test Co', category: 'Tea' },
  currency: 'CNY',
  horizon: { start: '2027-01', months: 12 },
};

// The content files a plan folder may hold, each with its JSON Schema in `schemas/`.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Plan files in the order the plan reads: `plan.yaml` first. Key = file stem = key in PlanInput. */
export const PLAN_FILES = [
  'plan',
  'strategy',
  'targets',
  'channels',
  'products',
  'promotions',
  'supply',
  'users',
  'marketing',
  'kpis',
  'systems',
  'org',
  'risks',
  'scenarios',
  'review',
  'data',
] as const;

export type PlanFileKey = (typeof PLAN_FILES)[number];

export const REQUIRED_FILES: readonly PlanFileKey[] = ['plan'];

export type JsonSchema = Record<string, unknown>;

/** Every schema file in `schemas/`, parsed, keyed by its `$id`. */
export function readSchemas(dir: string = SCHEMA_DIR): JsonSchema[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as JsonSchema);
}

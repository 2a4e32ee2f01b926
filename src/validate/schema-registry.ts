// The JSON Schema of each plan file, read from `schemas/`.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export type JsonSchema = Record<string, unknown>;

/** Every schema file in `schemas/`, parsed, keyed by its `$id`. */
export function readSchemas(dir: string = SCHEMA_DIR): JsonSchema[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.schema.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as JsonSchema);
}

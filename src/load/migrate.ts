// Old plans, current code: a plan read from an older tag may be written for an older `schemaVersion`.
// MIGRATIONS holds one step per version (n → n + 1) that rewrites the plan's files; a plan is migrated
// forward step by step before it is checked, so versions built today use today's model. A plan written
// for a newer schema than this ShopPlan reads is reported clearly, at its `schemaVersion` line.
import { parse, parseDocument } from 'yaml';
import { QUIET_YAML } from './yaml-options.ts';
import { Diagnostic } from '../diagnostics/diagnostic.ts';
import { planFileLabel, type RawFile } from './load-plan.ts';
import { memoParse } from './parse-memo.ts';
import { parseYaml } from './parse-yaml.ts';
import { decodePlanFile } from './decode.ts';

/** The `schemaVersion` this ShopPlan reads (plan.schema.json: `const`). */
export const SCHEMA_VERSION = 2;

/** Rewrites a plan written for schema version n into version n + 1 (files in, files out; pure). */
export type Migration = (files: readonly RawFile[]) => RawFile[];

/**
 * Migration steps by the version they start from: `MIGRATIONS[1]` turns a version-1 plan into a
 * version-2 plan (and must set `schemaVersion: 2` in plan.yaml).
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // 1 → 2: revenue from products up (issue #12 §1–2). Every new field is optional (channel `mix`,
  // `unitsPerOrder`, `everydayDiscount`, `returnRateByCategory`, `aovTolerance`; category and SKU
  // `seasonality`, `forecastTolerance`; supplier `deliveryMonths`) and `funnel.aov` became optional, so a
  // version-1 plan is a valid version-2 plan once it says so. Its numbers are computed by today's model: GMV
  // from its SKUs (a channel no SKU sells on keeps orders × AOV), promotions adding to everyday sales.
  1: (files) => files.map((f) => (isPlanYaml(f) ? { ...f, bytes: withSchemaVersion(f.bytes, 2) } : f)),
};

export interface MigrationResult {
  files: RawFile[];
  /** The version the plan was written for (null when plan.yaml does not say). */
  from: number | null;
  /** Steps applied, e.g. [1, 2] for 1 → 2 → 3. */
  applied: number[];
  diagnostics: Diagnostic[];
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Brings a plan's files to SCHEMA_VERSION. `dir` labels diagnostics like the loader does (`v2027.1:content`). */
export function migratePlan(dir: string, files: readonly RawFile[], options: { target?: number; migrations?: Readonly<Record<number, Migration>> } = {}): MigrationResult {
  const target = options.target ?? SCHEMA_VERSION;
  const migrations = options.migrations ?? MIGRATIONS;
  const planFile = files.find(isPlanYaml);
  const from = planFile ? schemaVersionOf(dir, planFile) : null;
  // No plan.yaml, unreadable YAML or a value that is not a whole number: validation reports it.
  if (from === null || from === target) return { files: [...files], from, applied: [], diagnostics: [] };
  const file = `${dir.replace(/\\/g, '/').replace(/\/$/, '')}/${planFile!.name}`;
  const place = { start: { line: lineOf(planFile!), column: 1 } };
  if (from > target) {
    return {
      files: [...files],
      from,
      applied: [],
      diagnostics: [
        new Diagnostic('schema-const', `${file} is written for schemaVersion ${from}, but this ShopPlan reads schemaVersion ${target} and older. The plan is newer than this ShopPlan.`, {
          file,
          place,
          path: 'schemaVersion',
          hint: 'Upgrade ShopPlan (npm update) to build this plan, or leave this version out of the build.',
        }),
      ],
    };
  }
  let current = [...files];
  const applied: number[] = [];
  for (let v = from; v < target; v++) {
    const step = migrations[v];
    if (!step) {
      return {
        files: [...files],
        from,
        applied: [],
        diagnostics: [
          new Diagnostic('schema-const', `${file} is written for schemaVersion ${from}; this ShopPlan reads schemaVersion ${target} and has no migration from version ${v}.`, {
            file,
            place,
            path: 'schemaVersion',
            hint: `Rewrite the plan for schemaVersion ${target} (docs/content-model.md lists every field), or build this version with an older ShopPlan.`,
          }),
        ],
      };
    }
    current = step(current);
    applied.push(v);
  }
  return { files: current, from, applied, diagnostics: [] };
}

function isPlanYaml(file: RawFile): boolean {
  return file.name === 'plan.yaml' || file.name === 'plan.yml';
}

/**
 * plan.yaml with `schemaVersion` set to `version`, changed on its own line so every other line (and so every
 * diagnostic's position) stays where the author wrote it; YAML the line pattern cannot find is re-serialised.
 */
function withSchemaVersion(bytes: Uint8Array, version: number): Uint8Array {
  const text = decoder.decode(bytes);
  const line = /^(schemaVersion[ \t]*:[ \t]*)(["']?)\d+\2(?=[ \t]*(#.*)?$)/m;
  if (line.test(text)) return new TextEncoder().encode(text.replace(line, `$1${version}`));
  const doc = parseDocument(text, QUIET_YAML);
  doc.set('schemaVersion', version);
  return new TextEncoder().encode(doc.toString());
}

/**
 * The plan's schemaVersion. Read through the loader's parse of the text it decodes (memoised and kept across
 * runs: load-plan.ts gets the same parse back for an unmigrated plan.yaml), and with the plain parser when that
 * finds a problem in the file, which validation reports.
 */
function schemaVersionOf(dir: string, file: RawFile): number | null {
  const label = planFileLabel(dir, file.name);
  const decoded = decodePlanFile(label, file.bytes);
  const text = decoded.ok ? decoded.text : decoder.decode(file.bytes);
  const loaded = decoded.ok ? memoParse('yaml', label, text, () => parseYaml(label, text)) : undefined;
  try {
    const data = (loaded?.diagnostics.length === 0 ? loaded.source.data : parse(text, { maxAliasCount: 100, ...QUIET_YAML })) as { schemaVersion?: unknown } | null;
    const v = data?.schemaVersion;
    return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : null;
  } catch {
    return null;
  }
}

function lineOf(file: RawFile): number {
  const lines = decoder.decode(file.bytes).split('\n');
  const index = lines.findIndex((l) => /^schemaVersion\s*:/.test(l));
  return index < 0 ? 1 : index + 1;
}

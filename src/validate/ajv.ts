// One ajv instance for all plan schemas: draft 2020-12, every error, strict.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import addFormatsModule from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { readSchemas } from './schema-registry.ts';
import { PLAN_FILES, type PlanFileKey } from '../model/plan-files.ts';
import { invariant } from '../model/invariant.ts';
import { checkUrl } from '../model/url-policy.ts';

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;

/** Context passed to validators (`validate.call(ctx, data)`) so the `adCopy` keyword can report where copy is. */
export interface ValidationContext {
  copyPaths: string[];
}

export type SchemaValidators = Record<PlanFileKey, ValidateFunction>;

let cached: SchemaValidators | undefined;

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    discriminator: true,
    verbose: true,
    passContext: true,
  });
  addFormats(ajv, ['date']);
  // `format: uri` is also the URL allow-list: `javascript:alert(1)//` is a well-formed URI, but never a plan's address.
  const isUri = fullFormats.uri as (value: string) => boolean;
  ajv.addFormat('uri', (value: string) => isUri(value) && checkUrl(value, 'link').ok);
  ajv.addKeyword({
    keyword: 'adCopy',
    schemaType: 'boolean',
    // Always valid: it only records the instance path, so the Advertising Law check knows which strings are copy.
    validate: function (this: ValidationContext | undefined, _schema: boolean, _data: unknown, _parent?: unknown, cxt?: DataValidationCxt) {
      if (this && Array.isArray(this.copyPaths) && cxt) this.copyPaths.push(cxt.instancePath);
      return true;
    },
  });
  ajv.addKeyword({
    keyword: 'decimals',
    type: 'number',
    schemaType: 'number',
    // At most this many decimals as written: rounding to them gives back the same number (150000000.001 does not).
    validate: (places: number, data: number) => Number(data.toFixed(places)) === data,
    errors: false,
  });
  for (const schema of readSchemas()) ajv.addSchema(schema);
  return ajv;
}

let shared: Ajv2020 | undefined;

/** The one ajv instance of the process, so each schema is compiled once. */
export function planAjv(): Ajv2020 {
  shared ??= createAjv();
  return shared;
}

/** Compiled validators per plan file; compiled once per process. */
export function schemaValidators(): SchemaValidators {
  if (cached) return cached;
  const ajv = planAjv();
  const out = {} as SchemaValidators;
  for (const key of PLAN_FILES) {
    const fn = ajv.getSchema(`${key}.schema.json`);
    invariant(fn, `schemas/${key}.schema.json is missing`);
    out[key] = fn;
  }
  cached = out;
  return out;
}

// The plan schemas' validators, precompiled by `npm run gen` (ajv standalone code, scripts/render-validators.ts):
// a run loads functions instead of compiling every schema at start-up.
//
// Two sets from the same schemas: the check (validators-check.generated.js) says whether data is valid and
// records the copy paths; the detailed set (validators.generated.js), twice the code with every error's schema
// and message, is loaded and run only for data the check rejects. A valid plan — every run after the first
// fix — never compiles it (about 0.1 s of a `shopplan validate`). require() of the generated ES module is
// synchronous, so validation stays synchronous.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as checks from './validators-check.generated.js';
import type { PlanFileKey } from '../model/plan-files.ts';

/** Context passed to validators (`validate.call(ctx, data)`). */
export interface ValidationContext {
  /** Where the `adCopy` keyword found copy. */
  copyPaths: string[];
  /** The data holds amounts computed by a factor (a scenario, a sensitivity driver): `decimals` is not checked. */
  computed?: boolean;
}

export type SchemaKey = PlanFileKey | 'chapter';

let detailed: Readonly<Record<SchemaKey, ValidateFunction>> | undefined;

/**
 * The schema errors of `data` against the schema of a plan file or of a chapter's front matter: none when it is
 * valid. `context` receives the copy paths of valid data.
 */
export function schemaErrors(key: SchemaKey, data: unknown, context?: ValidationContext): ErrorObject[] {
  if ((checks[key] as ValidateFunction).call(context, data)) return [];
  detailed ??= createRequire(import.meta.url)('./validators.generated.js') as Record<SchemaKey, ValidateFunction>;
  const validate = detailed[key];
  // The copy paths of invalid data are not used: a context of its own keeps the caller's as the check left it.
  return validate.call({ copyPaths: [], computed: context?.computed }, data) ? [] : (validate.errors ?? []);
}

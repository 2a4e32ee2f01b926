// The plan schemas' validators, precompiled by `npm run gen` (ajv standalone code in validators.generated.js):
// a run loads functions instead of compiling every schema at start-up.
import type { ValidateFunction } from 'ajv';
import * as generated from './validators.generated.js';
import type { PlanFileKey } from '../model/plan-files.ts';

/** Context passed to validators (`validate.call(ctx, data)`) so the `adCopy` keyword can report where copy is. */
export interface ValidationContext {
  copyPaths: string[];
}

/** One validator per plan file, and one for a chapter's frontmatter. */
export const schemaValidators: Readonly<Record<PlanFileKey | 'chapter', ValidateFunction>> = generated;

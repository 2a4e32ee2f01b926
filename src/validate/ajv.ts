// The schema compiler: one ajv setup (draft 2020-12, every error, strict) for `npm run gen`, which writes
// its standalone code to validators.generated.js and validators-check.generated.js (scripts/render-validators.ts),
// and for tests of the schemas. Plan validation at run time loads that code (validators.ts) and compiles nothing.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { _, Name, strConcat } from 'ajv/dist/compile/codegen/index.js';
import namesModule from 'ajv/dist/compile/names.js';
import { readSchemas } from './schema-registry.ts';
import { planFormats } from './formats.ts';

// ajv's names module is CommonJS: its default export arrives wrapped under NodeNext.
const names = ((namesModule as unknown as { default?: unknown }).default ?? namesModule) as (typeof namesModule)['default'];

/** How standalone code reaches the formats: validators.generated.js imports `planFormats` from formats.ts. */
export const FORMATS_NAME = 'planFormats';

/**
 * `detailed` (default): every error with its schema and message, for diagnostics. `check`: the same
 * validity and copy paths with no error detail and referenced schemas called rather than inlined — a
 * quarter of the code, which a run compiles on every start (validators.ts).
 */
export function createAjv(kind: 'detailed' | 'check' = 'detailed'): Ajv2020 {
  const detailed = kind === 'detailed';
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    discriminator: true,
    verbose: detailed,
    messages: detailed,
    inlineRefs: detailed,
    passContext: true,
    code: { source: true, esm: true, lines: detailed, formats: new Name(FORMATS_NAME) },
  });
  for (const [name, format] of Object.entries(planFormats)) ajv.addFormat(name, format);
  // Keywords generate code rather than call functions, so standalone code needs no function of this process.
  ajv.addKeyword({
    keyword: 'adCopy',
    schemaType: 'boolean',
    // Always valid: it only records the instance path in the context (`validate.call({ copyPaths: [] }, data)`),
    // so the Advertising Law check knows which strings are copy.
    code(cxt) {
      const { gen, it } = cxt;
      gen.if(_`this && Array.isArray(this.copyPaths)`, () => gen.code(_`this.copyPaths.push(${strConcat(names.instancePath, it.errorPath)})`));
    },
  });
  ajv.addKeyword({
    keyword: 'decimals',
    type: 'number',
    schemaType: 'number',
    // At most this many decimals as written: rounding to them gives back the same number (150000000.001 does not).
    // Not for amounts a factor computed (`{ computed: true }` in the context): the engine rounds those.
    code(cxt) {
      cxt.fail(_`!(this && this.computed) && Number(${cxt.data}.toFixed(${cxt.schemaCode})) !== ${cxt.data}`);
    },
  });
  for (const schema of readSchemas()) ajv.addSchema(schema);
  return ajv;
}

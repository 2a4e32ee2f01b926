// Compiles every schema in schemas/ with the project's ajv settings and reports what fails.
// Usage: node scripts/check-schemas.ts
import { createAjv } from '../src/validate/ajv.ts';
import { PLAN_FILES } from '../src/model/plan-files.ts';

const ajv = createAjv();
let failed = 0;
for (const key of PLAN_FILES) {
  try {
    if (!ajv.getSchema(`${key}.schema.json`)) throw new Error('not found');
    console.log(`ok    schemas/${key}.schema.json`);
  } catch (error) {
    failed++;
    console.log(`FAIL  schemas/${key}.schema.json: ${(error as Error).message}`);
  }
}
process.exitCode = failed ? 1 : 0;

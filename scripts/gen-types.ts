// Generates src/model/plan-input.generated.ts from schemas/: the input types are derived, never hand-written.
// Usage: npm run gen:types   (a test fails when the committed file is out of date)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderPlanInputTypes } from './render-types.ts';

const target = fileURLToPath(new URL('../src/model/plan-input.generated.ts', import.meta.url));
writeFileSync(target, await renderPlanInputTypes());
console.log(`wrote ${target}`);

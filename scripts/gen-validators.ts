// Writes src/validate/validators.generated.js (+ .d.ts): the plan schemas compiled once, here, instead of in
// every run. Usage: part of `npm run gen` (a test fails when the committed files are out of date).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderValidators, renderValidatorTypes } from './render-validators.ts';

for (const [file, text] of [['validators.generated.js', renderValidators()], ['validators.generated.d.ts', renderValidatorTypes()]] as const) {
  const target = fileURLToPath(new URL(`../src/validate/${file}`, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}

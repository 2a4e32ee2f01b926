// Writes src/validate/validators.generated.js and validators-check.generated.js (+ .d.ts): the plan schemas
// compiled once, here, instead of in every run. Usage: part of `npm run gen` (a test fails when the committed
// files are out of date).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderValidators, renderValidatorTypes, VALIDATOR_FILES, type ValidatorSet } from './render-validators.ts';

const files = Object.entries(VALIDATOR_FILES).flatMap(([set, name]): Array<[string, string]> => [
  [`${name}.js`, renderValidators(set as ValidatorSet)],
  [`${name}.d.ts`, renderValidatorTypes(set as ValidatorSet)],
]);
for (const [file, text] of files) {
  const target = fileURLToPath(new URL(`../src/validate/${file}`, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}

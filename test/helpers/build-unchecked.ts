// Builds a site from a plan that skipped validation, as a plan with a hole in the validator would: the
// plan in <plan> is checked and computed, then the chapters in <chapters> and <repository url> are put in
// unchecked, and the real Astro build renders them. For the e2e test of the renderers' own URL allow-list.
//
//   node test/helpers/build-unchecked.ts <plan> <chapters> <repository url> <out>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { parseMdx } from '../../src/load/parse-mdx.ts';
import { nodeBuildEffects } from '../../src/build/node-effects.ts';

const [planDir, chaptersDir, repositoryUrl, outDir] = process.argv.slice(2) as [string, string, string, string];
const check = await checkPlanFolder(planDir);
if (!check.input || !check.result || !check.sources) throw new Error(`the base plan does not compute:\n${check.diagnostics.map((d) => d.reason).join('\n')}`);
for (const name of readdirSync(chaptersDir)) {
  const parsed = parseMdx(`chapters/${name}`, `chapters/${name}`, readFileSync(join(chaptersDir, name), 'utf8'));
  if (!parsed.chapter) throw new Error(`chapters/${name} does not parse: ${parsed.diagnostics.map((d) => d.reason).join('; ')}`);
  check.sources.chapters.push(parsed.chapter);
}
check.input.plan.repository = { url: repositoryUrl };
const effects = nodeBuildEffects((m) => console.error(m), { versions: null, cacheDir: null });
await effects.buildSite(check, planDir, outDir);

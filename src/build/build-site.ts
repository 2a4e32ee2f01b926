// `shopplan build`: check the plan, build the site into a temporary folder, add plan.json, and only
// then move it into place — an invalid plan or a failed build never leaves a half-written output.
import { dirname, basename, join, resolve } from 'node:path';
import { checkPlanFolder, type PlanCheck } from '../pipeline/check-plan.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { stableJson } from './stable-json.ts';

/** File-system and tool effects, passed in so tests can run the build without disk or Astro. */
export interface BuildEffects {
  log(message: string): void;
  /** Builds the Astro site for a checked plan into `outDir`. */
  buildSite(check: PlanCheck, planDir: string, outDir: string): Promise<void>;
  /** Writes the search index of a built site into `<outDir>/pagefind/`; returns how many pages it holds. */
  indexSite(outDir: string): Promise<{ pages: number }>;
  writeFile(path: string, content: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export interface BuildOutcome {
  check: PlanCheck;
  /** False when the plan has errors; nothing was written then. */
  built: boolean;
}

export async function buildPlanSite(planDir: string, outDir: string, effects: BuildEffects): Promise<BuildOutcome> {
  const started = Date.now();
  effects.log(`Checking the plan in ${planDir} …`);
  const check = await checkPlanFolder(planDir);
  if (hasErrors(check.diagnostics) || !check.result) return { check, built: false };

  const target = resolve(outDir);
  const staging = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  const previous = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
  await effects.remove(staging);
  try {
    effects.log('Building the site …');
    await effects.buildSite(check, planDir, staging);
    effects.log('Indexing for search …');
    const { pages } = await effects.indexSite(staging);
    effects.log(`Indexed ${pages} pages.`);
    await effects.writeFile(join(staging, 'plan.json'), stableJson(check.result));
    if (await effects.exists(target)) await effects.rename(target, previous);
    await effects.rename(staging, target);
    await effects.remove(previous);
  } catch (error) {
    await effects.remove(staging);
    if ((await effects.exists(previous)) && !(await effects.exists(target))) await effects.rename(previous, target);
    throw error;
  }
  effects.log(`Built ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { check, built: true };
}

// The pull-request workflow and CODEOWNERS of a plan's repository, at `<repository>/.github/` with PLAN_DIR
// set to the plan's path in it (files that exist are kept). `shopplan new` names the repository it makes
// (`<dir>`, plan in `<dir>/content`); otherwise the plan's git repository is looked up, and a plan in none
// is taken to become its own repository (PLAN_DIR `.`).
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPlanFolder } from '../pipeline/check-plan.ts';
import { gitReader, type GitReader, type PlanRepo } from './git.ts';
import { codeowners } from './codeowners.ts';

export const WORKFLOW_TEMPLATE = fileURLToPath(new URL('../../.github/workflows/plan.yml', import.meta.url));

export interface InstalledWorkflow {
  /** Written files, and files left alone because they existed. */
  written: string[];
  kept: string[];
  /** The plan folder as the workflow names it (relative to the repository root). */
  planDir: string;
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** `at`: the repository the plan is to be in, when it is not one yet (`shopplan new` makes it one). */
export async function installWorkflow(planDir: string, git: GitReader = gitReader(), at?: PlanRepo): Promise<InstalledWorkflow> {
  const repo = at ?? (await git.locate(planDir).catch(() => null));
  const root = repo ? repo.root : planDir;
  const planPath = repo ? repo.planPath || '.' : '.';
  const out: InstalledWorkflow = { written: [], kept: [], planDir: planPath };
  const write = async (path: string, text: string) => {
    if (await exists(path)) return void out.kept.push(path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    out.written.push(path);
  };
  const template = await readFile(WORKFLOW_TEMPLATE, 'utf8').catch(() => undefined);
  if (template) await write(join(root, '.github', 'workflows', 'plan.yml'), template.replace(/^( {2}PLAN_DIR: ).*$/m, `$1${planPath}`));
  const check = await checkPlanFolder(planDir, { compute: false });
  if (check.input && check.sources) await write(join(root, '.github', 'CODEOWNERS'), codeowners(check.input, check.sources, planPath === '.' ? '' : planPath).text);
  return out;
}

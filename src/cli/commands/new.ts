import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { progressLog, type Command } from '../command.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { UsageError } from '../../diagnostics/errors.ts';
import { installWorkflow } from '../../versions/workflow.ts';
import { gitReader } from '../../versions/git.ts';
import { checkPlanFolder } from '../../pipeline/check-plan.ts';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { buildPlanSite } from '../../build/build-site.ts';
import { nodeBuildEffects } from '../../build/node-effects.ts';
import { renderDiagnostics } from '../report.ts';
import { gitignore, INSTALLED_SCHEMAS, packageJson, PLAN_FOLDER, readme, shopplanSpec, vscodeExtensions, vscodeSettings } from '../plan-repository.ts';
import { SUMMARIES } from './summaries.ts';

/** Seeds: `blank` is the smallest valid plan; `example` is the example plan in content/, without its order exports. */
export const SEEDS = {
  blank: fileURLToPath(new URL('../../../seeds/blank/', import.meta.url)),
  example: fileURLToPath(new URL('../../../content/', import.meta.url)),
} as const;

/** The example's fictional order exports (megabytes) stay with ShopPlan: a plan brings its own in data.yaml. */
const LEFT_OUT = new Set(['data', 'data.yaml']);

export const newCommand: Command = {
  name: 'new',
  summary: SUMMARIES.new,
  usage: 'shopplan new <dir> [--seed blank|example] [--shopplan <range|tarball|git URL>] [--no-build] [--quiet]',
  optionHelp: [
    '<dir>                  Folder to create (must not exist or be empty); the plan goes into <dir>/content',
    '--seed <seed>          blank (default: the smallest valid plan) or example (the example plan, without its order exports)',
    '--shopplan <spec>      What package.json depends on: a version range, a tarball path or URL, a git URL (default: ^<this version>)',
    '--no-build             Validate only; skip building the site into <dir>/dist',
  ],
  options: { seed: { type: 'string' }, shopplan: { type: 'string' }, 'no-build': { type: 'boolean' } },
  maxPositionals: 1,
  progress: true,
  async run(args, io) {
    const { values, positionals } = args;
    const dir = positionals[0];
    if (!dir) throw new UsageError('Name the folder to create, e.g. `shopplan new my-plan`.', 'new');
    const seed = (values.seed as string | undefined) ?? 'blank';
    if (!(seed in SEEDS)) throw new UsageError(`--seed must be one of ${Object.keys(SEEDS).join(', ')}, got "${seed}".`, 'new');
    const existing = await stat(dir).catch(() => undefined);
    if (existing && (!existing.isDirectory() || (await readdir(dir)).length > 0)) {
      throw new UsageError(`${dir} already exists and is not an empty folder; choose a new folder.`, 'new');
    }
    const spec = shopplanSpec(values.shopplan as string | undefined, (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false);
    const planDir = join(dir, PLAN_FOLDER);
    await mkdir(planDir, { recursive: true });
    const from = SEEDS[seed as keyof typeof SEEDS];
    await cp(from, planDir, { recursive: true, filter: (source) => !LEFT_OUT.has(source.slice(from.length).replace(/[\\/]$/, '')) });
    await pointModelinesAtSchemas(planDir);

    const files: Array<[string, string]> = [
      ['package.json', packageJson(dir, spec.startsWith('file:') ? `file:${resolve(spec.slice(5))}` : spec)],
      ['.gitignore', gitignore()],
      ['README.md', readme(dir)],
      ['.vscode/settings.json', vscodeSettings()],
      ['.vscode/extensions.json', vscodeExtensions()],
    ];
    for (const [name, text] of files) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), text);
    }
    const workflow = await installWorkflow(planDir, gitReader(), { root: dir, planPath: PLAN_FOLDER });
    io.stdout(`Created the plan repository ${dir} from the ${seed} seed: the plan is in ${planDir}; ${[...files.map(([name]) => name), ...workflow.written.map((p) => p.slice(dir.length + 1))].join(', ')}.`);

    const check = await checkPlanFolder(planDir);
    if (check.diagnostics.length) io.stderr(renderDiagnostics(check, 'text', io.color, `The plan in ${planDir}`));
    if (hasErrors(check.diagnostics)) return EXIT.invalid;
    io.stdout(`The plan is valid.`);
    io.stdout(commitFirst(dir, seed));
    if (!values['no-build']) {
      const out = join(dir, 'dist');
      const outcome = await buildPlanSite(planDir, out, nodeBuildEffects(progressLog(args, io)), { pdf: 'never' });
      if (!outcome.built) return EXIT.invalid;
      io.stdout(`Built the site into ${out} (open ${join(out, 'index.html')}; PDFs: npm run build).`);
    }
    io.stdout(`Next: cd ${dir} && npm install, then npm run dev (see README.md).`);
    return EXIT.ok;
  },
};

/** `git init` and a first commit, so the plan has a history for versions and diffs from the start. */
function commitFirst(dir: string, seed: string): string {
  const git = (args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  const inside = git(['rev-parse', '--show-toplevel']);
  if (inside.error) return 'git is not installed: no repository was made (install git, then git init && git add -A && git commit).';
  if (inside.status === 0) return `${dir} lies in the git repository ${inside.stdout.trim()}: no repository of its own was made; commit the new files there.`;
  // Without a configured identity the first commit is ShopPlan's; later commits are the author's own.
  const who = git(['config', 'user.email']).stdout.trim() ? [] : ['-c', 'user.name=shopplan new', '-c', 'user.email=shopplan@localhost'];
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], [...who, 'commit', '-q', '-m', `New plan from the ShopPlan ${seed} seed`]]) {
    const r = git(args);
    if (r.status !== 0) return `git ${args.join(' ')} failed: ${r.stderr.trim()}`;
  }
  return `Made ${basename(resolve(dir))} a git repository with a first commit (branch main).`;
}

/** The seeds' `# yaml-language-server: $schema=../schemas/…` lines point at the schemas `npm install` brings. */
async function pointModelinesAtSchemas(planDir: string): Promise<void> {
  for (const name of await readdir(planDir)) {
    if (!/\.ya?ml$/.test(name)) continue;
    const path = join(planDir, name);
    const text = await readFile(path, 'utf8');
    const next = text.replace(/(# yaml-language-server: \$schema=)\S*?([a-z]+\.schema\.json)/, `$1../${INSTALLED_SCHEMAS}/$2`);
    if (next !== text) await writeFile(path, next);
  }
}

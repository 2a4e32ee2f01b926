import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.ts';
import { EXIT } from '../../diagnostics/exit-codes.ts';
import { UsageError } from '../../diagnostics/errors.ts';
import { SCHEMA_DIR } from '../../validate/schema-registry.ts';
import { installWorkflow } from '../../versions/workflow.ts';

/** Seeds: `blank` is the smallest valid plan; `example` is the full example plan in content/. */
export const SEEDS = {
  blank: fileURLToPath(new URL('../../../seeds/blank/', import.meta.url)),
  example: fileURLToPath(new URL('../../../content/', import.meta.url)),
} as const;

export const newCommand: Command = {
  name: 'new',
  summary: 'create a new plan folder from a seed',
  usage: 'shopplan new <dir> [--seed blank|example]',
  optionHelp: ['<dir>                  Folder to create (must not exist or be empty)', '--seed <seed>          blank (default: the smallest valid plan) or example (the full example plan)'],
  options: { seed: { type: 'string' } },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    const dir = positionals[0];
    if (!dir) throw new UsageError('Name the folder to create, e.g. `shopplan new my-plan`.', 'new');
    const seed = (values.seed as string | undefined) ?? 'blank';
    if (!(seed in SEEDS)) throw new UsageError(`--seed must be one of ${Object.keys(SEEDS).join(', ')}, got "${seed}".`, 'new');
    const existing = await stat(dir).catch(() => undefined);
    if (existing && (!existing.isDirectory() || (await readdir(dir)).length > 0)) {
      throw new UsageError(`${dir} already exists and is not an empty folder; choose a new folder.`, 'new');
    }
    await mkdir(dir, { recursive: true });
    await cp(SEEDS[seed as keyof typeof SEEDS], dir, { recursive: true });
    await pointModelinesAtSchemas(dir);
    const workflow = await installWorkflow(dir);
    io.stdout(`Created ${dir} from the ${seed} seed.\nNext: shopplan validate ${dir}   then   shopplan build ${dir} --out ${dir}-site`);
    for (const path of workflow.written) io.stdout(`Wrote ${path}${path.endsWith('.yml') ? ` (pull-request workflow for the plan folder "${workflow.planDir}"; see docs/versions.md)` : ''}.`);
    for (const path of workflow.kept) io.stdout(`Kept the existing ${path}.`);
    return EXIT.ok;
  },
};

/** The seeds' `# yaml-language-server: $schema=../schemas/…` lines must point at ShopPlan's schemas from the new folder. */
async function pointModelinesAtSchemas(dir: string): Promise<void> {
  const schemas = relative(resolve(dir), SCHEMA_DIR).split('\\').join('/');
  for (const name of await readdir(dir)) {
    if (!/\.ya?ml$/.test(name)) continue;
    const path = join(dir, name);
    const text = await readFile(path, 'utf8');
    const next = text.replace(/(# yaml-language-server: \$schema=)\S*?([a-z]+\.schema\.json)/, `$1${schemas}/$2`);
    if (next !== text) await writeFile(path, next);
  }
}

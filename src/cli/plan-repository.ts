// The files `shopplan new` writes around a plan so that it is a repository of its own: package.json
// (ShopPlan and the Node it needs as dependencies), .gitignore, a README for plan authors and VS Code
// settings that map each plan file to its schema in the installed package. Texts only: new.ts writes them.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PLAN_FILES } from '../model/plan-files.ts';

const TEMPLATES = new URL('../../templates/plan-repository/', import.meta.url);
/** The folder the plan lies in inside its repository: the default plan folder of every command. */
export const PLAN_FOLDER = 'content';
/** Where the editor finds the schemas once `npm install` has run, relative to the repository root. */
export const INSTALLED_SCHEMAS = 'node_modules/shopplan/schemas';

interface OwnPackage {
  version: string;
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}
const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as OwnPackage;

/** npm package names: lower case, no spaces; a Chinese folder name becomes `plan`. */
function packageName(dir: string): string {
  const name = basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '');
  return name || 'plan';
}

/** `--shopplan`: a version range, a tarball (path or URL), a git URL; default: this version as a range. */
export function shopplanSpec(option: string | undefined, isFile: (path: string) => boolean): string {
  if (!option) return `^${own.version}`;
  if (/\.t(ar\.)?gz$/.test(option) && !/^[a-z+]+:/i.test(option) && isFile(option)) return `file:${option}`;
  return option;
}

export function packageJson(dir: string, shopplan: string): string {
  const pkg = {
    name: packageName(dir),
    private: true,
    description: 'Operating plan (ShopPlan)',
    type: 'module',
    scripts: {
      validate: `shopplan validate ${PLAN_FOLDER}`,
      dev: `shopplan dev ${PLAN_FOLDER}`,
      build: `shopplan build ${PLAN_FOLDER} --out dist`,
    },
    dependencies: { shopplan },
    // Astro needs Node >= 22.12: npm puts this one first on PATH for npx and npm scripts.
    devDependencies: { node: own.devDependencies.node },
    // npm runs the install scripts of these only (the Node binary, Astro's esbuild and sharp).
    ...(own.allowScripts ? { allowScripts: own.allowScripts } : {}),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const gitignore = (): string => readFileSync(new URL('gitignore', TEMPLATES), 'utf8');

export const readme = (dir: string): string => readFileSync(new URL('README.md', TEMPLATES), 'utf8').replaceAll('{{name}}', basename(dir));

/** `yaml.schemas` of the Red Hat YAML extension: each plan file to its schema, as installed. */
export function vscodeSettings(): string {
  const schemas = Object.fromEntries(PLAN_FILES.map((file) => [`${INSTALLED_SCHEMAS}/${file}.schema.json`, [`${PLAN_FOLDER}/${file}.yaml`]]));
  return `${JSON.stringify({ 'yaml.schemas': schemas, 'files.eol': '\n', '[yaml]': { 'editor.tabSize': 2 } }, null, 2)}\n`;
}

export const vscodeExtensions = (): string => `${JSON.stringify({ recommendations: ['redhat.vscode-yaml', 'unifiedjs.vscode-mdx'] }, null, 2)}\n`;

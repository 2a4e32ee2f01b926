// Every package the project depends on is used: a runtime dependency is imported by the code that ships
// (src/, bin/), a development dependency by a script, test or config — or is one of the few tools used by
// name rather than by import (listed below with the reason). An unused dependency is weight, install time
// and attack surface for every plan repository that installs ShopPlan.
import { describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';

const ROOT = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Development tools used by name (a binary or the compiler's type roots), not by an import. */
const USED_BY_NAME: Record<string, string> = {
  node: 'the Node 22 the npm scripts run on',
  typescript: 'tsc in npm run typecheck',
  '@types/node': 'types of node:* imports',
  '@types/mdast': 'types of the Markdown syntax tree',
  '@types/babel__code-frame': 'types of @babel/code-frame',
};

const SOURCE = /\.(ts|js|mjs|astro)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name) && !e.parentPath.includes('node_modules') && !e.parentPath.includes('/fixtures'))
    .map((e) => join(e.parentPath, e.name));
}

/** Package names imported (static, dynamic or re-exported) by the files under the given folders. */
function importedPackages(folders: readonly string[], files: readonly string[] = []): Set<string> {
  const names = new Set<string>();
  const specifier = /(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*)['"]([^'"./][^'"]*)['"]/g;
  for (const file of [...folders.flatMap(sourceFiles), ...files.map((f) => join(ROOT, f))]) {
    for (const [, spec = ''] of readFileSync(file, 'utf8').matchAll(specifier)) {
      if (spec.startsWith('node:')) continue;
      const parts = spec.split('/');
      names.add(parts.slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
    }
  }
  return names;
}

describe('dependencies', () => {
  it('finds imports: the scanner itself', () => {
    const found = importedPackages(['test/architecture']);
    expect(found.has('vitest')).toBe(true);
    expect([...found].some((n) => n.startsWith('node:'))).toBe(false);
    expect(sourceFiles('src').every((f) => relative(ROOT, f).startsWith('src/'))).toBe(true);
  });

  it('every runtime dependency is imported by src/ or bin/', () => {
    const shipped = importedPackages(['src', 'bin']);
    expect(Object.keys(pkg.dependencies).filter((d) => !shipped.has(d))).toEqual([]);
  });

  it('every development dependency is imported by a script, test or config, or used by name', () => {
    const dev = importedPackages(['scripts', 'test'], ['eslint.config.js', 'vitest.config.ts']);
    const unused = Object.keys(pkg.devDependencies).filter((d) => !dev.has(d) && !(d in USED_BY_NAME));
    expect(unused).toEqual([]);
  });

  it('lists no tool by name that is not a development dependency', () => {
    expect(Object.keys(USED_BY_NAME).filter((d) => !(d in pkg.devDependencies))).toEqual([]);
  });
});

// Builds what `npm pack` ships (run by the prepack script; `--clean` by postpack): src/ compiled to lib/
// (JavaScript + declarations, tsconfig.build.json), because Node refuses to strip types from files under
// node_modules, and the CLI bundled into lib/bundle/, which the installed bin runs. The site's .astro pages,
// styles and ambient declarations are copied beside the compiled modules, their relative `.ts` imports pointed at
// the `.js` files, so Astro compiles the pages from inside node_modules/shopplan/lib/site. Everything in src/
// goes: no per-file list to go stale.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bundle-cli.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');
const LIB = join(ROOT, 'lib');

/** `from '../x.ts'`, `import '../x.ts'`, `import('./x.ts')` → the same with `.js`: relative specifiers only. */
export function pointImportsAtJs(text: string): string {
  return text.replace(/(['"])(\.{1,2}\/[^'"\n]*?)\.ts\1/g, '$1$2.js$1');
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

async function build(): Promise<void> {
  await rm(LIB, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (run.status !== 0) {
    await rm(LIB, { recursive: true, force: true });
    throw new Error(`tsc failed (exit ${run.status ?? run.signal})`);
  }
  let copied = 0;
  for (const file of await walk(SRC)) {
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) continue;
    const to = join(LIB, relative(SRC, file));
    await mkdir(dirname(to), { recursive: true });
    // Generated JavaScript (validators.generated.js) imports .ts modules too.
    if (/\.(astro|js|d\.ts)$/.test(file)) await writeFile(to, pointImportsAtJs(await readFile(file, 'utf8')));
    else await copyFile(file, to);
    copied++;
  }
  // Declarations keep the sources' `.ts` specifiers; a consumer's TypeScript finds the `.js` + `.d.ts` pairs.
  for (const file of await walk(LIB)) if (file.endsWith('.d.ts')) await writeFile(file, pointImportsAtJs(await readFile(file, 'utf8')));
  // The CLI bundled beside the modules (as a checkout's start-up cache bundles it, scripts/bundle-cli.ts): an
  // installed command starts without loading ~300 modules one by one. Each module keeps its own import.meta.url.
  await bundleEntry({ root: ROOT, entry: join(LIB, 'cli/main.js'), outdir: join(LIB, 'bundle'), sources: `${LIB}/`, url: 'relative' });
  console.error(`lib/: src/ compiled, ${copied} other files copied, the CLI bundled in lib/bundle/.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--clean')) await rm(LIB, { recursive: true, force: true });
  else await build();
}

// Bundles the CLI of a checkout (src/cli/main.ts and what it imports) into a few files in the start-up cache,
// node_modules/.cache/shopplan/bundle/: loading ~300 modules one by one cost about 70 ms of every command, which
// a bundle does not pay. bin/shopplan.js runs it while it is current (bin/start-up-cache.js `currentBundle`); run by
// `npm ci` (prepare) and `npm test` (pretest, `--if-stale`). The installed package runs lib/ and never a bundle.
//
// What the bundle keeps as it was:
// - each module's `import.meta.url` is its own source file's, so files found next to a module (schemas, the
//   generated validators, templates, package.json) are found as before;
// - packages that read their own files or hold native code stay outside (OUTSIDE); the pure ones are bundled;
// - each command stays a chunk of its own, loaded when it runs (code splitting), as main.ts's lazy imports intend.
// A failure never fails the install: the modules then run as they are.
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentBundle } from '../bin/start-up-cache.js';
import { scriptArgs } from './script-args.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CACHE = new URL('../node_modules/.cache/shopplan/', import.meta.url);
/** Bundles older than this are removed by the next build (a long `shopplan build` may still load chunks of its own). */
const KEEP_MS = 24 * 3600_000;

/** Packages left for Node to load: they find files of their own, spawn binaries or load native code. */
const OUTSIDE = /^(astro|@astrojs\/.*|vite|esbuild|rollup|@duckdb\/.*|playwright-core|pagefind|@pagefind\/.*|exceljs|pdf-lib|sharp|@fontsource\/.*|chart\.js|typescript)$/;

/** A relative path with forward slashes, as the manifest and sources.json hold it. */
const posix = (path: string) => path.split('\\').join('/');

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const outside: Plugin = {
  name: 'outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('node:') || OUTSIDE.test(packageName(args.path)) ? { path: args.path, external: true } : undefined));
  },
};

/**
 * `import.meta.url` of each module under `dir`: its own file's URL, as when it runs unbundled — written out
 * (`absolute`), or relative to the bundle's folder (`relative`: a bundle shipped beside the modules, all its files in
 * one folder).
 */
function ownUrl(dir: string, outdir: string, url: 'absolute' | 'relative'): Plugin {
  const escaped = dir.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return {
    name: 'own-url',
    setup(b) {
      b.onLoad({ filter: new RegExp(`^${escaped}.*\\.(ts|js)$`) }, (args) => {
        const own = url === 'absolute' ? JSON.stringify(pathToFileURL(args.path).href) : `new URL(${JSON.stringify(posix(relative(outdir, args.path)))}, import.meta.url).href`;
        return { contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', own), loader: extname(args.path) === '.ts' ? 'ts' : 'js' };
      });
    },
  };
}

/**
 * The CLI's entry module and what it imports, bundled into `outdir` (an entry `main.mjs` and a chunk per lazily
 * imported part); the metafile says what each output holds.
 */
export async function bundleEntry(o: { root: string; entry: string; outdir: string; sources: string; url: 'absolute' | 'relative' }) {
  return build({
    absWorkingDir: o.root,
    entryPoints: { main: o.entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outdir: o.outdir,
    chunkNames: o.url === 'relative' ? '[name]-[hash]' : 'chunks/[name]-[hash]',
    // .mjs: no package.json above says `"type": "module"`, and Node would otherwise read each file for its syntax.
    outExtension: { '.js': '.mjs' },
    // Less text to read and decode at each start; names are kept, so a trace (SHOPPLAN_DEBUG) still names functions.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
    // CommonJS packages bundled into an ES module ask for Node's built-ins through `require`.
    banner: { js: "import { createRequire as __shopplanRequire } from 'node:module'; const require = __shopplanRequire(import.meta.url);" },
    plugins: [outside, ownUrl(o.sources, o.outdir, o.url)],
  });
}

/** Builds the bundle and makes it current; returns its folder. */
export async function bundleCli(root = ROOT, cacheDir = CACHE): Promise<string> {
  const folder = fileURLToPath(new URL('bundle/', cacheDir));
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const out = join(folder, id);
  mkdirSync(folder, { recursive: true });
  const result = await bundleEntry({ root, entry: join(root, 'src/cli/main.ts'), outdir: out, sources: join(root, 'src/'), url: 'absolute' });
  // Every file the bundle was made from, with its size and time: the bundle runs only while they are unchanged. The
  // packages' files stand for themselves through npm's record of what it installed, which every install rewrites.
  const own = Object.keys(result.metafile.inputs).filter((p) => !p.split(/[\\/]/).includes('node_modules'));
  const files = [...own.map((p) => join(root, p)), join(root, 'node_modules/.package-lock.json'), fileURLToPath(import.meta.url)];
  const inputs = files.map((file) => {
    const stat = statSync(file);
    return [posix(relative(root, file)), stat.size, stat.mtimeMs] as const;
  });
  // What each file of the bundle holds (paths as in the manifest), for the tests of what a command loads.
  const sources = Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([file, output]) => [posix(relative(out, join(root, file))), Object.keys(output.inputs).map(posix)]),
  );
  writeFileSync(join(out, 'sources.json'), JSON.stringify(sources));
  const manifest = { root: pathToFileURL(root.endsWith('/') ? root : `${root}/`).href, entry: `${id}/main.mjs`, inputs };
  const aside = join(folder, `manifest.json.${process.pid}`);
  writeFileSync(aside, JSON.stringify(manifest));
  renameSync(aside, join(folder, 'manifest.json'));
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (name !== id && name !== 'manifest.json' && Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
  }
  return out;
}

/** This checkout's bundle made again when a source changed since it was made; its entry. */
export async function ensureBundle(): Promise<URL> {
  const root = new URL('../', import.meta.url);
  if (!currentBundle(CACHE, root)) await bundleCli();
  return currentBundle(CACHE, root)!;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const { values } = scriptArgs('Usage: node scripts/bundle-cli.ts [--if-stale]', { options: { 'if-stale': { type: 'boolean', default: false } } });
  // `npm pack` runs prepare too: what it packs runs lib/, never the bundle.
  const packing = process.env.npm_command === 'pack' || process.env.npm_command === 'publish';
  if (packing || (values['if-stale'] && currentBundle(CACHE, new URL('../', import.meta.url)))) process.exit(0);
  try {
    const started = performance.now();
    const out = await bundleCli();
    // On stderr: what npm prints of a lifecycle script's stdout would spoil `npm ci --json` and the like.
    console.error(`Bundled the CLI in ${Math.round(performance.now() - started)} ms: ${relative(ROOT, out)}`);
  } catch (error) {
    console.warn(`Could not bundle the CLI (it runs unbundled, about 70 ms slower per command): ${(error as Error).message}`);
  }
}

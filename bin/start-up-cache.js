// What a ShopPlan process does before its first line of work, kept from one run to the next in
// node_modules/.cache/shopplan (npm ci starts it afresh; NODE_DISABLE_COMPILE_CACHE=1 turns it off):
// - V8's compile cache of every module loaded (Node's module.enableCompileCache);
// - in a checkout, the JavaScript that Node's type stripping makes of each src/ module. Node does not keep it,
//   and stripping the ~400 modules a command loads took about 0.2 s of every `shopplan validate`;
// - in a checkout, the CLI bundled into a few files (scripts/bundle-cli.ts, made by `npm ci` and `npm test`):
//   loading ~300 modules one by one cost about 70 ms of every command. It runs only while every file it was
//   made from is as it was (size and modification time); otherwise the modules run as they are.
// A strip entry is one file per module path, holding the hash of the source it was made from: an edited
// module is stripped again and its entry replaced, so the folder holds at most one entry per module.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { enableCompileCache, registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * @param {URL} cacheDir the folder for both caches
 * @param {URL | null} sourceRoot the checkout's src/ (null for the installed package, which runs compiled lib/)
 */
export function cacheStartUp(cacheDir, sourceRoot) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return;
  enableCompileCache(fileURLToPath(new URL('v8/', cacheDir)));
  if (sourceRoot) registerHooks({ load: strippedFromCache(sourceRoot, new URL('strip/', cacheDir)) });
}

/**
 * The bundled CLI's entry when the bundle in `cacheDir` is current: made from the files under `root` that are there
 * now, unchanged. Null when there is none, it is stale, or SHOPPLAN_NO_BUNDLE=1.
 * @param {URL} cacheDir
 * @param {URL} root the checkout
 * @returns {URL | null}
 */
export function currentBundle(cacheDir, root) {
  if (process.env.SHOPPLAN_NO_BUNDLE === '1') return null;
  try {
    const manifest = JSON.parse(readFileSync(new URL('bundle/manifest.json', cacheDir), 'utf8'));
    if (manifest.root !== root.href) return null;
    for (const [path, size, mtimeMs] of manifest.inputs) {
      const stat = statSync(new URL(path, root));
      if (stat.size !== size || stat.mtimeMs !== mtimeMs) return null;
    }
    return new URL(`bundle/${manifest.entry}`, cacheDir);
  } catch {
    return null; // none yet, or an input is gone
  }
}

/** A load hook answering for the `.ts` modules under `root` with their stripped JavaScript, from the cache when it is current. */
function strippedFromCache(root, dir) {
  const prefix = root.href;
  let ready = false;
  return (url, context, nextLoad) => {
    if (!url.startsWith(prefix) || !url.endsWith('.ts')) return nextLoad(url, context);
    const source = readFileSync(new URL(url), 'utf8');
    const hash = createHash('sha1').update(process.version).update('\0').update(source).digest('hex');
    const entry = new URL(`${createHash('sha1').update(url).digest('hex')}.js`, dir);
    const header = `// ${hash}\n`;
    try {
      const cached = readFileSync(entry, 'utf8');
      if (cached.startsWith(header)) return { format: 'module', source: cached.slice(header.length), shortCircuit: true };
    } catch {
      // Not cached yet.
    }
    let js;
    try {
      js = strip(source);
    } catch {
      // Node's own loader reports what it cannot strip, with its file and line.
      return nextLoad(url, context);
    }
    try {
      if (!ready) mkdirSync(dir, { recursive: true });
      ready = true;
      // Written aside and renamed: a process reading the entry meanwhile sees the old one or the new one whole.
      const aside = new URL(`${entry.href}.${process.pid}`);
      writeFileSync(aside, header + js);
      renameSync(aside, entry);
    } catch {
      // A cache that cannot be written (read-only install) only costs the stripping next time.
    }
    return { format: 'module', source: js, shortCircuit: true };
  };
}

/** Node's type stripping, without the warning that the function is experimental (it is what Node runs on a .ts file itself). */
function strip(source) {
  const emit = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emit;
  }
}

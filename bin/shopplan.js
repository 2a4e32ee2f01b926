#!/usr/bin/env node
// In a checkout this runs the TypeScript sources directly (Node >= 22.18 strips types). The installed
// package has no src/: it runs lib/, compiled by `npm pack` (scripts/build-package.ts), since Node strips no
// types under node_modules; Astro there needs Node >= 22.12. (A checkout never runs lib/, which exists only
// while `npm pack` writes it.) `npm ci`/`npm install` puts the project's own Node (the
// `node` dev dependency) in node_modules/.bin, which npx and npm scripts put first on PATH. A checkout runs its
// bundled CLI while that is current (start-up-cache.js).
import { existsSync } from 'node:fs';
import { cacheStartUp, currentBundle } from './start-up-cache.js';

const source = new URL('../src/cli/main.ts', import.meta.url);
const installed = !existsSync(source);
// The installed package runs its bundle of lib/ (scripts/build-package.ts) when it has one.
const [need, entry] = installed ? [[22, 12], new URL(existsSync(new URL('../lib/bundle/main.mjs', import.meta.url)) ? '../lib/bundle/main.mjs' : '../lib/cli/main.js', import.meta.url)] : [[22, 18], source];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < need[0] || (major === need[0] && minor < need[1])) {
  console.error(
    `shopplan needs Node.js ${need.join('.')} or newer, but this is ${process.version}.\n` +
      (installed
        ? 'Give the plan repository its own Node: `npm install --save-dev node@22`, then run `npx shopplan …` (npx puts that Node first).'
        : "Run it through npm so the project's own Node is used: `npx shopplan …` or `npm run build` (after `npm ci`)."),
  );
  process.exit(3);
}
const cacheDir = new URL('../node_modules/.cache/shopplan/', import.meta.url);
cacheStartUp(cacheDir, installed ? null : new URL('../src/', import.meta.url));
const { main } = await import((installed ? null : currentBundle(cacheDir, new URL('../', import.meta.url)))?.href ?? entry.href);
process.exitCode = await main(process.argv.slice(2));

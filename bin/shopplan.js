#!/usr/bin/env node
// Runs the TypeScript sources directly: Node >= 22.18 strips types natively, so there is no build step.
// `npm ci` installs that Node into node_modules/.bin; npx and npm scripts put it first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`shopplan needs Node.js 22.18 or newer, but this is ${process.version}.\nRun it through npm so the project's own Node is used: \`npx shopplan …\` or \`npm run build\` (after \`npm ci\`).`);
  process.exit(3);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

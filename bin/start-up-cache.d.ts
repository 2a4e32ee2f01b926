// Types of start-up-cache.js, for the scripts that use it (scripts/bundle-cli.ts).
export function cacheStartUp(cacheDir: URL, sourceRoot: URL | null): void;
export function currentBundle(cacheDir: URL, root: URL): URL | null;

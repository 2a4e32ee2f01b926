// Options of the developer scripts (npm run bench, npm run fuzz, the generators): `--help` prints the script's
// usage, and an unknown or malformed option is one line and exit 2 — `npm run fuzz -- --help` printed a stack.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function scriptArgs<const T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  const withHelp = { ...config, options: { ...config.options, help: { type: 'boolean', short: 'h' } } } as T;
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(withHelp);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}

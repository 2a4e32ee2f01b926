// `shopplan dev` (and the fuzzer) load the same plan folder again and again with one file changed: a file
// whose text is the same as last time gets its earlier parse back instead of being parsed again (the example's
// YAML and MDX parse took about 0.2–0.4 s of every dev reload). Sharing a parse is safe because nothing changes
// one after loading: validation deep-copies the data into the plan input (withoutPrototypes). One entry per
// parser and file name — its latest text — and a bounded number of them, so a long session cannot grow it.
// A command run from the terminal starts with the parses an earlier run kept (pipeline/parse-cache.ts):
// `remember` them before loading, and take the `used` ones to keep after it.
const MAX_ENTRIES = 512;

/** A parse as kept between runs: what `parse()` returned for this parser, file and text. */
export interface KeptParse {
  parser: string;
  file: string;
  text: string;
  parsed: unknown;
}

interface Entry extends KeptParse {
  /** The load (see `rememberParses`) that last used it. */
  load: number;
}

const memo = new Map<string, Entry>();
let load = 0;
let parsedThisLoad = 0;

/** `parse()`, or what it returned for the same parser, file and text before. */
export function memoParse<T>(parser: string, file: string, text: string, parse: () => T): T {
  const key = `${parser}\0${file}`;
  const hit = memo.get(key);
  if (hit && hit.text === text) {
    hit.load = load;
    return hit.parsed as T;
  }
  const parsed = parse();
  parsedThisLoad++;
  memo.delete(key);
  // The oldest entry goes first (a Map iterates in insertion order; a file just parsed is re-inserted last).
  if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(key, { parser, file, text, parsed, load });
  return parsed;
}

/** Starts a load with the parses an earlier run kept (an entry parsed in this process since stays). */
export function rememberParses(parses: Iterable<KeptParse>): void {
  load++;
  parsedThisLoad = 0;
  for (const p of parses) {
    const key = `${p.parser}\0${p.file}`;
    if (!memo.has(key) && memo.size < MAX_ENTRIES) memo.set(key, { ...p, load: -1 });
  }
}

/**
 * The parses the load begun by `rememberParses` used, those that found nothing to report (a parse with
 * diagnostics holds class instances and is cheap to redo), and how many of them it had to parse.
 */
export function usedParses(): { parses: KeptParse[]; parsed: number } {
  const parses: KeptParse[] = [];
  for (const { parser, file, text, parsed, load: at } of memo.values()) {
    if (at === load && (parsed as { diagnostics?: unknown[] }).diagnostics?.length === 0) parses.push({ parser, file, text, parsed });
  }
  return { parses, parsed: parsedThisLoad };
}

/** Forgets every parse, so the next load parses again (`npm run bench` times a parse, not a lookup). */
export function forgetParses(): void {
  memo.clear();
}

// `shopplan dev` (and the fuzzer) load the same plan folder again and again with one file changed: a file
// whose text is the same as last time gets its earlier parse back instead of being parsed again (the example's
// YAML and MDX parse took about 0.2–0.4 s of every dev reload). Sharing a parse is safe because nothing changes
// one after loading: validation deep-copies the data into the plan input (withoutPrototypes). One entry per
// parser and file name — its latest text — and a bounded number of them, so a long session cannot grow it.
const MAX_ENTRIES = 512;
const memo = new Map<string, { text: string; parsed: unknown }>();

/** `parse()`, or what it returned for the same parser, file and text before. */
export function memoParse<T>(parser: string, file: string, text: string, parse: () => T): T {
  const key = `${parser}\0${file}`;
  const hit = memo.get(key);
  if (hit && hit.text === text) return hit.parsed as T;
  const parsed = parse();
  memo.delete(key);
  // The oldest entry goes first (a Map iterates in insertion order; a file just parsed is re-inserted last).
  if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(key, { text, parsed });
  return parsed;
}

/** Forgets every parse, so the next load parses again (`npm run bench` times a parse, not a lookup). */
export function forgetParses(): void {
  memo.clear();
}

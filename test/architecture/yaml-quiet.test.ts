// Every parse of plan YAML in src/ passes QUIET_YAML (src/load/yaml-options.ts): at the parser's default log
// level a warning — an unknown tag such as `!version:` in plan.yaml — was also handed to process.emitWarning, and
// Node printed "(node:PID) [TAG_RESOLVE_FAILED] YAMLWarning …" beside the located diagnostics (found by npm run fuzz).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(SRC, f));

/** Calls of parse / parseDocument imported from 'yaml' whose arguments do not spread or pass QUIET_YAML. */
function loudCalls(source: string): string[] {
  const imported = /import\s*\{([^}]*)\}\s*from\s*'yaml'/.exec(source)?.[1] ?? '';
  const names = ['parse', 'parseDocument', 'parseAllDocuments'].filter((n) => new RegExp(`(^|[\\s,])${n}(\\s*[,}]|\\s*$)`).test(imported));
  return names.flatMap((name) => [...source.matchAll(new RegExp(`(?<![.\\w])${name}\\(([^;]*)`, 'g'))].filter((m) => !m[1]!.includes('QUIET_YAML')).map((m) => m[0].slice(0, 80)));
}

describe('YAML parses are quiet', () => {
  it('the check finds a call without the options, and passes one with them', () => {
    expect(loudCalls("import { parse } from 'yaml';\nconst a = parse(text);")).toEqual(['parse(text)']);
    expect(loudCalls("import { parse } from 'yaml';\nconst a = parse(text, QUIET_YAML);")).toEqual([]);
    expect(loudCalls("import { LineCounter } from 'yaml';\nJSON.parse(text);")).toEqual([]);
  });

  it('in every file of src/', () => {
    const loud = Object.fromEntries(files.map((f) => [relative(SRC, f), loudCalls(readFileSync(f, 'utf8'))]).filter(([, calls]) => (calls as string[]).length > 0));
    expect(loud).toEqual({});
  });
});

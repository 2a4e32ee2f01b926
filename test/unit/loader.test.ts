import { describe, expect, it } from 'vitest';
import { decodePlanFile } from '../../src/load/decode.ts';
import { parseYaml } from '../../src/load/parse-yaml.ts';
import { locate } from '../../src/load/locate.ts';
import { loadPlan } from '../../src/load/load-plan.ts';
import { parseMdx } from '../../src/load/parse-mdx.ts';
import { files, minimalPlan } from '../helpers/plan.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decoding plan files', () => {
  it('refuses a file over the size limit', () => {
    const r = decodePlanFile('x.yaml', new Uint8Array(2048).fill(0x61), 1024);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostic.code).toBe('file-too-large');
  });

  it('refuses binary content and says where the NUL byte is', () => {
    const r = decodePlanFile('x.yaml', new Uint8Array([0x61, 0x0a, 0x62, 0x00]));
    expect(!r.ok && [r.diagnostic.code, r.diagnostic.startLine, r.diagnostic.startColumn]).toEqual(['file-binary', 2, 2]);
  });

  it('locates the first byte that is not UTF-8 (a GBK export)', () => {
    // "a: ok\nb: " then 中文 in GBK (D6 D0 CE C4)
    const r = decodePlanFile('x.yaml', new Uint8Array([...bytes('a: ok\nb: '), 0xd6, 0xd0, 0xce, 0xc4, 0x0a]));
    expect(!r.ok && [r.diagnostic.code, r.diagnostic.startLine, r.diagnostic.startColumn]).toEqual(['file-encoding', 2, 4]);
    expect(!r.ok && r.diagnostic.reason).toMatch(/GBK/);
  });

  it('treats a file of blanks and comments as empty, and strips a BOM', () => {
    const empty = decodePlanFile('x.yaml', bytes('# only a comment\n\n'));
    expect(!empty.ok && empty.diagnostic.code).toBe('file-empty');
    const bom = decodePlanFile('x.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('a: 1\n')]));
    expect(bom.ok && bom.text).toBe('a: 1\n');
  });
});

describe('parsing YAML', () => {
  it('reports a duplicate key at the second occurrence', () => {
    const { diagnostics } = parseYaml('f.yaml', 'a: 1\nb:\n  c: 1\n  c: 2\n');
    expect(diagnostics.map((d) => [d.code, d.startLine, d.startColumn])).toEqual([['yaml-duplicate-key', 4, 3]]);
    expect(diagnostics[0]!.reason).toContain('"c"');
  });

  it('refuses a billion-laughs file of about 1 KB in well under a second', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeLessThan(1024);
    const started = performance.now();
    const { diagnostics, source } = parseYaml('bomb.yaml', text);
    expect(performance.now() - started).toBeLessThan(500);
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
    expect(source.data).toBeUndefined();
  });

  it('allows a few aliases for reuse', () => {
    const { diagnostics, source } = parseYaml('f.yaml', 'x: &x { a: 1 }\ny: *x\n');
    expect(diagnostics).toEqual([]);
    expect(source.data).toEqual({ x: { a: 1 }, y: { a: 1 } });
  });

  it('refuses non-core tags and keeps plain core values', () => {
    const { diagnostics } = parseYaml('f.yaml', 'a: !!binary aGk=\nb: !secret x\nc: !!str 12\n');
    expect(diagnostics.map((d) => [d.code, d.startLine])).toEqual([
      ['yaml-unknown-tag', 1],
      ['yaml-unknown-tag', 2],
    ]);
  });

  it('reads months and dates as text, not numbers or timestamps', () => {
    const { source } = parseYaml('f.yaml', 'm: 2027-06\nd: 2027-11-11\nr: 0.035\n');
    expect(source.data).toEqual({ m: '2027-06', d: '2027-11-11', r: 0.035 });
  });

  it('locates values, keys, and the nearest parent of a missing path', () => {
    const { source } = parseYaml('f.yaml', 'targets:\n  - id: gmv\n    owner: ops\n');
    expect(locate(source, ['targets', 0, 'owner']).place.start).toMatchObject({ line: 3, column: 12 });
    expect(locate(source, ['targets', 0, 'owner'], { key: true }).place.start).toMatchObject({ line: 3, column: 5 });
    const missing = locate(source, ['targets', 0, 'deadline']);
    expect([missing.exact, missing.place.start.line]).toEqual([false, 2]);
  });
});

describe('loading a plan folder', () => {
  it('bounds the plan as a whole: files under the per-file limit that pass 8 MiB together are refused at the file that goes past it, once', () => {
    // Five chapters of 2 MiB each (each under the 8 MiB per-file limit): 2 + 2 + 2 + 2 = 8 MiB fits exactly,
    // the fifth makes 10 MiB. Files load in name order, so chapters/05 goes past the bound.
    const chapter = (n: number) => [`chapters/0${n}-part.mdx`, bytes(`---\ntitle: P${n}\norder: ${n}\n---\n\n` + 'a'.repeat(2 * 1024 * 1024 - 40))] as const;
    const parts = Object.fromEntries([1, 2, 3, 4, 5].map(chapter).map(([name, b]) => [name, b.slice(0, 2 * 1024 * 1024)]));
    const { diagnostics } = loadPlan('c', files({ 'plan.yaml': minimalPlan, ...parts, 'chapters/06-more.mdx': bytes('---\ntitle: M\norder: 6\n---\n') }));
    expect(diagnostics.filter((d) => d.code === 'file-too-large').map((d) => d.file)).toEqual(['c/chapters/05-part.mdx']);
    expect(diagnostics.filter((d) => d.code === 'file-too-large')[0]!.reason).toMatch(/8 MiB together/);
  });

  it('requires plan.yaml and names unknown files with a suggestion', () => {
    const { diagnostics } = loadPlan('content', files({ 'target.yaml': 'targets: []\n', 'notes.txt': 'ignored' }));
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['file-unknown', 'content/target.yaml'],
      ['file-missing', 'content/plan.yaml'],
    ]);
    expect(diagnostics[0]!.reason).toContain('Did you mean "targets.yaml"?');
  });

  it('parses chapters and their citations, and locates MDX syntax errors', () => {
    const { sources, diagnostics } = loadPlan('c', files({ 'plan.yaml': minimalPlan, 'chapters/01-a.mdx': '---\ntitle: A\norder: 1\n---\n\nGMV :kpi[gmv] and :value[targets.gmv.value].\n', 'chapters/02-b.en.mdx': '---\ntitle: B\norder: 2\n---\n\nbroken {\n' }));
    expect(sources.chapters.map((c) => [c.slug, c.locale, c.citations.map((x) => `${x.kind}:${x.ref}`)])).toEqual([['01-a', undefined, ['kpi:gmv', 'value:targets.gmv.value']]]);
    expect(diagnostics.map((d) => [d.code, d.file, d.startLine])).toEqual([['mdx-syntax', 'c/chapters/02-b.en.mdx', 6]]);
  });

  it('reports a chapter without front matter', () => {
    const { diagnostics } = parseMdx('c/x.mdx', 'chapters/x.mdx', '# Title\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['mdx-frontmatter']);
  });
});

// Every common YAML slip is one located yaml-syntax (or yaml-number) diagnostic on the line of the slip,
// with a hint that says what to type instead — never a crash, never a line late.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.ts';
import { tooDeepAt, MAX_YAML_DEPTH } from '../../src/load/yaml-depth.ts';

const plan = readFileSync(new URL('../../content/plan.yaml', import.meta.url), 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const edit = (from: string, to: string) => {
  expect(plan).toContain(from);
  return plan.replace(from, to);
};

interface Slip {
  name: string;
  text: string;
  line: number;
  code?: string;
  hint: RegExp;
  /** What the message must say, when the place it names matters (another line). */
  reason?: RegExp;
}

const SLIPS: Slip[] = [
  { name: 'comma inside flow-style text', text: edit('  headquarters:\n    zh-CN: 杭州\n    en: Hangzhou', '  headquarters: { zh-CN: 广东中山, en: Zhongshan, Guangdong }'), line: lineOf(plan, '  headquarters:'), hint: /en: "Zhongshan, Guangdong"/ },
  { name: 'key without value in { … }', text: 'a: 1\nb: {a: 1, b}\n', line: 2, hint: /b: value/ },
  { name: 'full-width colon, nested key', text: edit('  months: 12', '  months：12'), line: lineOf(plan, '  months: 12'), hint: /`months: 12`/ },
  { name: 'full-width colon, top-level key (was one line late)', text: edit('currency: CNY', 'currency：CNY'), line: lineOf(plan, 'currency: CNY'), hint: /`currency: CNY`/ },
  { name: 'full-width colon before a flow list', text: edit('locales: [zh-CN, en]', 'locales：[zh-CN, en]'), line: lineOf(plan, 'locales:'), hint: /`locales: \[zh-CN, en\]`/ },
  { name: 'tab as indentation', text: edit('  months: 12', '\tmonths: 12'), line: lineOf(plan, '  months: 12'), hint: /spaces/ },
  { name: 'a: b: c', text: edit('currency: CNY', 'currency: CNY: RMB'), line: lineOf(plan, 'currency: CNY'), hint: /quote the value \(`currency: "CNY: RMB"`\)/ },
  { name: 'stray line at the end', text: `${plan}oops\n`, line: plan.split('\n').length, hint: /Delete the line/ },
  { name: 'list item after key: value', text: 'a: 1\n- x\n', line: 2, hint: /indent its items/ },
  { name: 'unclosed [', text: edit('locales: [zh-CN, en]', 'locales: [zh-CN, en'), line: lineOf(plan, 'locales:'), hint: /Add "\]"/ },
  { name: 'unclosed {', text: 'a:\n  b: {x: 1\nc: 2\n', line: 2, hint: /Add "\}"/ },
  // Found by `npm run fuzz`: an apostrophe inside plain flow text (Women's) is not a quote, so its `}` closes.
  { name: "unclosed { after a closed one holding an apostrophe", text: "a: { en: Women's Day }\nb: 1\nc: {", line: 3, hint: /Add "\}"/ },
  { name: 'stray ]', text: 'a: [1, 2]]\nb: 2\n', line: 1, hint: /Remove it/ },
  { name: 'unclosed double quote', text: 'a: 1\nb: "abc\nc: 2\n', line: 2, hint: /Close the quote/ },
  { name: "apostrophe in single quotes", text: "a: 1\nb: 'it's'\nc: 2\n", line: 2, hint: /written twice/ },
  { name: 'text after a closing quote', text: 'a: 1\nname: "天猫" 旗舰店\n', line: 2, hint: /name: '"天猫" 旗舰店'/ },
  { name: 'value starting with @', text: 'a: 1\nname: @天猫旗舰店\n', line: 2, hint: /"@天猫旗舰店"/ },
  { name: 'alias without anchor', text: 'a: 1\nname: *星号\n', line: 2, hint: /quote it \("\*星号"\)/ },
  // A stray quote closed by an apostrophe lines later (found by the fuzzer: ' typed before targets.yaml's first comment)
  { name: 'stray quote closed by a later apostrophe', text: "'# targets\nseasonality:\n  - id: tea\n    basis: Singles' Day peak\n    shares: {}\n", line: 1, hint: /Delete the stray '/ },
  // A line break typed into the first comment (found by the fuzzer in channels.yaml): its tail is the first data line
  { name: 'comment split by a line break', text: '# yaml-language-server:\n $schema=../schemas/channels.schema.json\n# 销售渠道\n# sales channels\n\nchannels:\n  - id: tmall\n', line: 2, hint: /put back the "#"/ },
  // A ">" typed before a list item (found by the fuzzer in review.yaml) opens a block of text that swallows what follows
  { name: 'stray > at the start of a line', text: 'decisions:\n  # note\n>  - id: a\n    title: x\n    owner: y\n', line: 3, hint: /Delete the ">"/ },
  // A slip in an anchor's name (found by the fuzzer in data.yaml) shows at the alias; the message leads to the anchor.
  { name: 'misspelt anchor', text: 'a: &warehous\n  x: 1\nb: 2\nc: *warehouse\n', line: 4, hint: /\*warehous here, or &warehouse at line 1/ },
  { name: 'bad escape in double quotes', text: 'a: 1\npath: "C:\\q"\n', line: 2, hint: /single quotes/ },
  { name: 'line starting with %', text: '%rate: 1\n', line: 1, hint: /decimals/ },
  { name: 'deeper-indented key after key: value', text: 'a: 1\n  b: 2\nc: 3\n', line: 2, hint: /Align it/ },
  { name: 'key short of its siblings in a list item', text: 'risks:\n  - id: a\n    name: x\n  likelihood: 4\n', line: 4, hint: /Align it/, reason: /from the key above it, `name: x` at line 3 \(column 5\)/ },
  // The parser trips where the columns stop agreeing, lines after the slip; the message names the key above (found by the fuzzer:
  // a line break typed into strategy.yaml's indentation, 5 lines above the report; "s:\n" deleted from plan.yaml's "assumptions:", 8 above).
  { name: 'key indented one less after a line break', text: 'a:\n  text:\n \n   zh-CN: >-\n      中文\n      两行\n    en: >-\n      English\n', line: 7, hint: /If a line named here is the one that slipped/, reason: /`zh-CN: >-` at line 4 \(column 4\)/ },
  { name: 'two keys run together', text: 'plan: 1\nassumption  ranges:\n    - metric: a\n      low: 1\n      high: 2\n      typical: 1\n  accepted: []\n', line: 7, hint: /If a line named here is the one that slipped/, reason: /`typical: 1` at line 6 \(column 7\), nor like `assumption {2}ranges:` at line 2 \(column 1\)/ },
  { name: 'hexadecimal number', text: 'a: 1\nb: 0x10\n', line: 2, code: 'yaml-number', hint: /Write 16 in decimal/ },
  { name: 'octal number', text: 'a: 1\nb: 0o17\n', line: 2, code: 'yaml-number', hint: /Write 15 in decimal/ },
  { name: 'leading zero', text: 'a: 1\nb: 017\n', line: 2, code: 'yaml-number', hint: /Write 17/ },
  { name: '.inf', text: 'a: 1\nb: .inf\n', line: 2, code: 'yaml-number', hint: /ordinary decimal/ },
  { name: 'number beyond a double', text: 'a: 1\nb: -1e400\n', line: 2, code: 'yaml-number', hint: /ordinary decimal/ },
];

describe('YAML slips', () => {
  for (const slip of SLIPS) {
    it(`${slip.name}: one diagnostic at line ${slip.line} with a fitting hint`, () => {
      const { diagnostics, source } = parseYaml('f.yaml', slip.text);
      expect(diagnostics.map((d) => [d.code, d.startLine]), diagnostics.map((d) => d.reason).join('\n')).toEqual([[slip.code ?? 'yaml-syntax', slip.line]]);
      expect(diagnostics[0]!.hint).toMatch(slip.hint);
      if (slip.reason) expect(diagnostics[0]!.reason).toMatch(slip.reason);
      expect(diagnostics[0]!.reason).not.toMatch(/ {4}at |Cannot read properties/);
      expect(source.data).toBeUndefined();
    });
  }

  it('keeps plain numbers, quoted codes and full-width colons inside text', () => {
    const { diagnostics, source } = parseYaml('f.yaml', 'a: 0.035\nb: "0x10"\nc: -12\nd: 1e3\nnote: 说明：冷泡茶\ne: { zh-CN: "广东中山, 石岐", en: "Zhongshan, Guangdong" }\n');
    expect(diagnostics).toEqual([]);
    expect(source.data).toEqual({ a: 0.035, b: '0x10', c: -12, d: 1000, note: '说明：冷泡茶', e: { 'zh-CN': '广东中山, 石岐', en: 'Zhongshan, Guangdong' } });
  });
});

describe('nesting depth', () => {
  it(`refuses a 2 MB file of "[" in well under a second, as too deep`, () => {
    const started = performance.now();
    const { diagnostics } = parseYaml('deep.yaml', '['.repeat(2_000_000));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(diagnostics.map((d) => [d.code, d.startLine])).toEqual([['yaml-too-deep', 1]]);
  });

  it.each([
    ['flow lists', (n: number) => `a: ${'['.repeat(n)}1${']'.repeat(n)}\n`],
    ['flow maps', (n: number) => `a: ${'{b: '.repeat(n)}1${'}'.repeat(n)}\n`],
    ['compact lists', (n: number) => `${'- '.repeat(n)}x\n`],
    ['indented mappings', (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n'],
    ['lists in mappings', (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- k${i}:`).join('\n') + ' 1\n'],
  ])('%s: allowed up to the limit, refused beyond it', (_name, make) => {
    expect(tooDeepAt(make(MAX_YAML_DEPTH - 2))).toBeUndefined();
    expect(tooDeepAt(make(MAX_YAML_DEPTH + 1))).toBeTypeOf('number');
  });

  it('does not count brackets inside quotes, comments or block text', () => {
    const text = `a: "${'['.repeat(100)}"\n# ${'{'.repeat(100)}\nb: |\n  ${'['.repeat(100)}\nc: '${'['.repeat(100)}'\n`;
    expect(tooDeepAt(text)).toBeUndefined();
    expect(parseYaml('f.yaml', text).diagnostics).toEqual([]);
  });
});

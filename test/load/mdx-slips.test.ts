// MDX slips in chapters: located diagnostics with a hint that names the fix.
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/load/parse-mdx.ts';

const HEAD = '---\ntitle: x\norder: 1\n---\n\n# 标题\n\n';

describe('MDX slips', () => {
  it.each([
    ['"<" before a digit in prose', `${HEAD}毛利率 <30% 的 SKU 要清退。\n`, 'mdx-syntax', 8, /\\<|&lt;/],
    ['"<" before a letter in prose', `${HEAD}a<b 和 c\n`, 'mdx-syntax', 8, /\\<|&lt;/],
    ['an HTML line break', `${HEAD}第一行<br>第二行\n`, 'mdx-syntax', 8, /blank line/],
    ['an HTML comment', `${HEAD}<!-- 备注 -->\n正文\n`, 'mdx-syntax', 8, /comment/],
    ['an autolink', `${HEAD}<https://a.com>\n`, 'mdx-syntax', 8, /\[text\]\(https/],
    ['an unclosed brace', `${HEAD}目标 {GMV 1.5 亿\n`, 'mdx-syntax', 8, /\\\{/],
    ['a tab in front matter', '---\ntitle: x\n\torder: 1\n---\n', 'mdx-frontmatter', 3, /spaces/],
    ['a full-width colon in front matter', '---\ntitle：x\norder: 1\n---\n', 'mdx-frontmatter', 2, /`title: x`/],
    ['a stray front matter line', '---\ntitle: x\norder: 1\nfoo\n---\n', 'mdx-frontmatter', 4, /Delete the line/],
    ['deeply nested front matter', `---\ntitle: ${'['.repeat(40)}\n---\n`, 'mdx-frontmatter', 2, /levels/],
  ])('%s', (_name, text, code, line, hint) => {
    const { diagnostics } = parseMdx('c.mdx', 'chapters/c.mdx', text);
    expect(diagnostics.map((d) => [d.code, d.startLine]), diagnostics.map((d) => d.reason).join('\n')).toEqual([[code, line]]);
    expect(diagnostics[0]!.hint).toMatch(hint);
  });

  it('allows "<" followed by a space, as in 价格 < 100 元', () => {
    expect(parseMdx('c.mdx', 'chapters/c.mdx', `${HEAD}价格 < 100 元\n`).diagnostics).toEqual([]);
  });
});

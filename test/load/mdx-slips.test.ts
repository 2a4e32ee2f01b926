// MDX slips in chapters: located diagnostics with a hint that names the fix.
import { describe, expect, it } from 'vitest';
import { parseMdx, unclosedBrace } from '../../src/load/parse-mdx.ts';

const HEAD = '---\ntitle: x\norder: 1\n---\n\n# 标题\n\n';

describe('MDX slips', () => {
  it.each([
    ['"<" before a digit in prose', `${HEAD}毛利率 <30% 的 SKU 要清退。\n`, 'mdx-syntax', 8, /\\<|&lt;/],
    ['"<" before a letter in prose', `${HEAD}a<b 和 c\n`, 'mdx-syntax', 8, /\\<|&lt;/],
    ['an HTML line break', `${HEAD}第一行<br>第二行\n`, 'mdx-syntax', 8, /blank line/],
    ['an HTML comment', `${HEAD}<!-- 备注 -->\n正文\n`, 'mdx-syntax', 8, /comment/],
    ['an autolink', `${HEAD}<https://a.com>\n`, 'mdx-syntax', 8, /\[text\]\(https/],
    ['an unclosed brace', `${HEAD}目标 {GMV 1.5 亿\n`, 'mdx-syntax', 8, /\\\{/],
    // MDX itself reports these where the file ends; the brace is the slip.
    ['a brace typed before the front matter', `{${HEAD}正文\n\n更多正文\n`, 'mdx-syntax', 1, /\\\{/],
    ['an unclosed brace before closed ones and code', `${HEAD}目标 {GMV\n\n\\{转义\\} 与 \`a}\` 和 {1}\n\n\`\`\`\n}\n\`\`\`\n`, 'mdx-syntax', 8, /\\\{/],
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

  // Once a `{` opens an expression, MDX reads what follows as code, so a brace closed further on can fail a
  // line or two later as a code error; never at the end of the file.
  it('reports a typed brace on its line or the next two, wherever it was typed', () => {
    const body = ['# 标题', '', '第一段，含 \\{转义\\} 与 `code}`。', '', '- 列表项', '- 另一项', '', '最后一段。'];
    const lines = ['---', 'title: x', 'order: 1', '---', '', ...body];
    // Every place a brace can be typed in the chapter's body, not a sample.
    for (let at = 4; at < lines.length; at++) {
      for (let col = 0; col <= lines[at]!.length; col++) {
        const edited = lines.map((l, i) => (i === at ? l.slice(0, col) + '{' + l.slice(col) : l));
        const text = edited.join('\n') + '\n';
        const syntax = parseMdx('c.mdx', 'chapters/c.mdx', text).diagnostics.filter((d) => d.code === 'mdx-syntax');
        const where = `{ typed at ${at + 1}:${col + 1}`;
        // A brace typed inside a code span or after a backslash is text: no error, and none is expected.
        if (syntax.length === 0) {
          expect(unclosedBrace(text), where).toBeUndefined();
          continue;
        }
        expect(syntax, where).toHaveLength(1);
        expect(syntax[0]!.startLine - (at + 1), where).toBeGreaterThanOrEqual(0);
        expect(syntax[0]!.startLine - (at + 1), where).toBeLessThanOrEqual(2);
      }
    }
  });

  it('finds no unclosed brace when every brace is closed, escaped or in code', () => {
    expect(unclosedBrace('a {b} \\{ `{` c\n```\n{\n```\n')).toBeUndefined();
    expect(unclosedBrace('a } {b')).toBe(4);
  });
});

// The pull-request comment (issue #10 item 8): plan text in the Markdown diff reads as written and does
// nothing else. Each payload is put into every place plan text reaches (input values, paths, files, labels,
// ids, the sides' names), the Markdown is rendered as GitHub-flavoured Markdown, and the result must hold
// no link, image or HTML element from it, no @mention or #issue GitHub would act on, and no bare address.
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { formatDiff } from '../../src/versions/format-diff.ts';
import type { PlanDiff } from '../../src/versions/diff.ts';

const PAYLOADS = [
  '@octocat please review',
  'cc @shanlan/finance-team',
  '[click here](https://evil.example/phish)',
  '![pixel](https://evil.example/track.png)',
  '[ref]: https://evil.example',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<a href="https://evil.example">a</a>',
  '<https://evil.example>',
  'https://evil.example/a',
  'www.evil.example',
  'write to a@b.co',
  'fixes #123',
  '&#64;octocat',
  '\\[x](https://evil.example)',
  '`code` | pipe | *bold* _it_ ~~strike~~',
  'line one\n@octocat on line two',
];

const row = (label: string) => ({ key: 'kpis.x.projectedTotal', label, unit: 'number' as const, before: 1, after: 2, delta: 1, deltaPct: 1 });

/** A diff with `text` wherever plan text can appear. */
function diffWith(text: string): PlanDiff {
  return {
    from: { label: text, kind: 'ref', commit: '0123456789abcdef', plan: 'content' },
    to: { label: 'HEAD', kind: 'ref', commit: 'fedcba9876543210', plan: 'content' },
    summary: { inputChanges: 2, added: 0, removed: 0, changed: 2, files: ['strategy.yaml'] },
    inputs: [
      { file: 'strategy.yaml', path: `competitors[${text}].name`, kind: 'changed', before: text, after: `${text} (new)`, line: 12 },
      { file: text, path: 'plan.title', kind: 'changed', before: { 'zh-CN': text, en: text }, after: 'x', line: 3 },
    ],
    outputs: {
      currency: 'CNY',
      headline: [row(text)],
      targets: [{ id: text, metric: 'gmv', unit: 'money', value: { before: 1, after: 2, delta: 1, deltaPct: 1 }, projection: null }],
      pnl: [row(text)],
      quarters: [{ ...row(text), period: '2027-Q1' }],
      months: [{ ...row(text), period: '2027-01' }],
      kpis: [row(text)],
      risks: { fired: [{ id: text, period: '2027-03', basis: 'projection', value: 1, threshold: 2 }], cleared: [] },
    },
  } as unknown as PlanDiff;
}

const render = (markdown: string) => String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).processSync(markdown));
const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('plan text in the Markdown diff', () => {
  it.each(PAYLOADS)('%j reads as written and does nothing', (payload) => {
    const markdown = formatDiff(diffWith(payload), 'markdown');
    const html = render(markdown);
    // Only the elements the formatter itself writes: no link, image, script or handler from the plan.
    const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.filter((t) => /^<(a|img|script|iframe|style)\b|\son\w+=/i.test(t))).toEqual([]);
    // Outside code, nothing GitHub turns into a notification, an issue link or a link.
    const prose = decode(html.replace(/<code>[\s\S]*?<\/code>/g, ''));
    expect(prose).not.toMatch(/(^|[^\w\u200b])@[\p{L}\p{N}]/u);
    expect(prose).not.toMatch(/#\d/);
    expect(prose).not.toMatch(/https?:\/\/|www\.\w/i);
    // And the reader sees the text the plan holds (the zero-width spaces aside).
    const visible = decode(html.replace(/<br>/g, '\n')).replace(/\u200b/g, '');
    for (const line of payload.split('\n')) expect(visible).toContain(line);
  });

  it('keeps the table intact whatever a cell holds', () => {
    const markdown = formatDiff(diffWith('a | b | c\n| --- |'), 'markdown');
    const html = render(markdown);
    // The inputs table has its six columns in every row.
    const inputs = html.split('</table>').find((t) => t.includes('<th>File</th>'))!;
    for (const tr of inputs.match(/<tr>[\s\S]*?<\/tr>/g)!) expect(tr.match(/<t[hd]\b/g)).toHaveLength(6);
  });
});

// The URL allow-list: every spelling of a scheme through the policy, the chapter check, the `format: uri`
// check and the renderer, which must agree on every address.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { checkUrl, isWebAddress, type UrlUse } from '../../src/model/url-policy.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { renderChapter } from '../../src/site/render-chapter.ts';
import type { PlanResult } from '../../src/model/result/plan-result.ts';
import type { PlanInput } from '../../src/model/plan-input.generated.ts';
import { files, minimalPlan } from '../helpers/plan.ts';

/** [address, verdict as a link, verdict as an image]: `ok`, or the reason it is refused. */
const TABLE: Array<[string, string, string]> = [
  ['https://example.com/a?b=1#c', 'ok', 'off-origin'],
  ['http://example.com', 'ok', 'off-origin'],
  ['HTTPS://EXAMPLE.COM', 'ok', 'off-origin'],
  ['mailto:ops@example.com', 'ok', 'scheme'],
  ['MailTo:ops@example.com', 'ok', 'scheme'],
  ['../targets/', 'ok', 'ok'],
  ['/chapters/01-strategy/', 'ok', 'ok'],
  ['#section', 'ok', 'ok'],
  ['images/shop.png', 'ok', 'ok'],
  ['?q=1', 'ok', 'ok'],
  ['', 'ok', 'ok'],
  ['a/b:c', 'ok', 'ok'],
  // Another host without a scheme: a link to it is no worse than https:, an image from it is off-origin.
  ['//evil.example/x.png', 'ok', 'off-origin'],
  ['\\\\evil.example/x.png', 'ok', 'off-origin'],
  ['/\\evil.example/x.png', 'ok', 'off-origin'],
  [' //evil.example/x.png', 'ok', 'off-origin'],
  // Schemes outside the allow-list, in every spelling a browser still runs (and some it would not).
  ['javascript:alert(1)', 'scheme', 'scheme'],
  ['JAVASCRIPT:alert(1)', 'scheme', 'scheme'],
  ['JaVaScRiPt:alert(1)', 'scheme', 'scheme'],
  ['&#106;avascript:alert(1)', 'scheme', 'scheme'],
  ['&#x6A;avascript:alert(1)', 'scheme', 'scheme'],
  ['&#X6a;avascript:alert(1)', 'scheme', 'scheme'],
  ['&#0000106;avascript:alert(1)', 'scheme', 'scheme'],
  ['&#106avascript:alert(1)', 'scheme', 'scheme'],
  ['javascript&colon;alert(1)', 'scheme', 'scheme'],
  ['&amp;#106;avascript:alert(1)', 'scheme', 'scheme'],
  ['java\tscript:alert(1)', 'scheme', 'scheme'],
  ['java\nscript:alert(1)', 'scheme', 'scheme'],
  ['java\rscript:alert(1)', 'scheme', 'scheme'],
  ['java&Tab;script:alert(1)', 'scheme', 'scheme'],
  ['java\u0000script:alert(1)', 'scheme', 'scheme'],
  ['\u0000javascript:alert(1)', 'scheme', 'scheme'],
  ['   javascript:alert(1)', 'scheme', 'scheme'],
  ['\u0001\u001fjavascript:alert(1)', 'scheme', 'scheme'],
  ['\u00a0javascript:alert(1)', 'scheme', 'scheme'],
  ['\u3000javascript:alert(1)', 'scheme', 'scheme'],
  ['java\u200bscript:alert(1)', 'scheme', 'scheme'],
  ['\ufeffjavascript:alert(1)', 'scheme', 'scheme'],
  ['javascript :alert(1)', 'scheme', 'scheme'],
  ['vbscript:msgbox(1)', 'scheme', 'scheme'],
  ['data:text/html,<script>alert(1)</script>', 'scheme', 'scheme'],
  ['data:image/svg+xml;base64,PHN2Zz4=', 'scheme', 'scheme'],
  ['file:///etc/passwd', 'scheme', 'scheme'],
  ['ftp://example.com', 'scheme', 'scheme'],
  ['blob:https://example.com/1', 'scheme', 'scheme'],
  ['c:\\plan\\x.png', 'scheme', 'scheme'],
];

const verdict = (url: string, use: UrlUse) => {
  const v = checkUrl(url, use);
  return v.ok ? 'ok' : v.reason;
};

describe('the URL allow-list', () => {
  it.each(TABLE)('%j: as a link %s, as an image %s', (url, link, image) => {
    expect(verdict(url, 'link')).toBe(link);
    expect(verdict(url, 'image')).toBe(image);
  });

  it('names the scheme it refuses, decoded and lower-cased', () => {
    expect(checkUrl('&#x4A;AVA\tscript:x', 'link')).toEqual({ ok: false, reason: 'scheme', scheme: 'javascript' });
  });

  it('takes only https: and http: as a web address to build links on', () => {
    expect(['https://github.com/a/b', 'http://git.example/a'].map(isWebAddress)).toEqual([true, true]);
    expect(['mailto:a@b.c', 'javascript:alert(1)//', 'github.com/a/b', '//github.com/a'].map(isWebAddress)).toEqual([false, false, false, false]);
  });

  it('refuses any scheme but the three, however it is cased or interleaved with invisible characters', () => {
    const invisible = fc.constantFrom('\t', '\n', '\r', '\u0000', ' ', '\u00a0', '\u200b', '\u3000', '&Tab;', '&#10;');
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{0,9}$/).filter((s) => !['https', 'http', 'mailto'].includes(s));
    // An invisible character (or none) before each letter and before the colon; never inside an entity.
    const spelled = scheme.chain((s) =>
      fc.tuple(fc.array(fc.option(invisible, { nil: '' }), { minLength: s.length + 1, maxLength: s.length + 1 }), fc.boolean()).map(([gaps, upper]) => {
        const letters = [...(upper ? s.toUpperCase() : s)];
        return { scheme: s, url: `${letters.map((c, i) => gaps[i] + c).join('')}${gaps[letters.length]}:alert(1)` };
      }),
    );
    fc.assert(
      fc.property(spelled, ({ scheme, url }) => {
        expect(checkUrl(url, 'link')).toEqual({ ok: false, reason: 'scheme', scheme });
        expect(checkUrl(url, 'image').ok).toBe(false);
      }),
    );
  });
});

const chapter = (body: string) => `---\ntitle: Links\norder: 1\n---\n\n${body}\n`;
const check = (entries: Record<string, unknown>) => checkPlanFiles('p', files({ 'plan.yaml': minimalPlan, ...entries })).diagnostics.map((d) => `${d.code} ${d.file}:${d.startLine}`);

describe('links and images in chapters are checked at their line', () => {
  it.each([
    ['an inline link', '[x](javascript:alert(1))', 'link-scheme'],
    ['an upper-case scheme', '[x](JAVASCRIPT:alert(1))', 'link-scheme'],
    ['an entity-encoded scheme', '[x](&#106;avascript:alert(1))', 'link-scheme'],
    ['a tab in the scheme', '[x](<java\tscript:alert(1)>)', 'link-scheme'],
    ['a reference definition', '[x][evil]\n\n[evil]: javascript:alert(1)', 'link-scheme'],
    ['a data: image', '![x](data:image/png;base64,AAAA)', 'link-scheme'],
    ['an off-origin image', '![x](https://img.example/a.png)', 'image-off-origin'],
    ['a protocol-relative image', '![x](//img.example/a.png)', 'image-off-origin'],
    ['an off-origin image by reference', '![x][pic]\n\n[pic]: https://img.example/a.png', 'image-off-origin'],
    ['an HTML link', 'See <a href="JavaScript:alert(1)">x</a>.', 'link-scheme'],
    ['an HTML image', '<img src="https://img.example/a.png" />', 'image-off-origin'],
    // Relative images would be broken pictures: the site publishes no file of the plan folder.
    ['an image from a plan file', '![x](./images/a.png)', 'image-unsupported'],
    ['an image from a plan file by reference', '![x][pic]\n\n[pic]: images/a.png', 'image-unsupported'],
    ['an HTML image from a plan file', '<img src="a.png" />', 'image-unsupported'],
  ])('%s', (_name, body, code) => {
    const at = body.includes('\n\n[') && code === 'link-scheme' ? 8 : 6;
    expect(check({ 'chapters/01-links.mdx': chapter(body) })).toContain(`${code} p/chapters/01-links.mdx:${at}`);
  });

  it('lets https:, http:, mailto:, relative links and autolinks through', () => {
    const body = '[a](https://example.com) [b](http://example.com) [c](mailto:ops@example.com) [d](../targets/) [e][ref] https://example.com/auto www.example.com\n\n[ref]: https://example.com/ref';
    expect(check({ 'chapters/01-links.mdx': chapter(body) })).toEqual([]);
  });
});

describe('format: uri fields', () => {
  it.each(['javascript:alert(1)//', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'file:///etc/passwd'])('repository.url %j is a link-scheme error at its line', (url) => {
    const plan = `${Object.entries(minimalPlan)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join('\n')}\nrepository:\n  url: ${JSON.stringify(url)}\n`;
    expect(check({ 'plan.yaml': plan })).toEqual(['link-scheme p/plan.yaml:8']);
  });

  it('keeps schema-format for an address that is no URL at all', () => {
    const plan = stringify({ ...minimalPlan, repository: { url: 'not an address' } });
    const line = plan.split('\n').findIndex((l) => l.includes('url:')) + 1;
    expect(check({ 'plan.yaml': plan })).toEqual([`schema-format p/plan.yaml:${line}`]);
  });
});

describe('the chapter renderer drops what validation would refuse', () => {
  const result = { meta: { currency: 'CNY' }, kpis: {}, targets: {} } as unknown as PlanResult;
  const render = (text: string) => renderChapter(text, { input: {} as PlanInput, result }, 'en').map((part) => ('html' in part ? part.html : '')).join('');
  const hrefs = (html: string) => [...html.matchAll(/\s(?:href|src|srcset)="([^"]*)"/gi)].map((m) => m[1]!);

  it('keeps the text of a refused link and the alt text of a refused image', () => {
    const html = render(chapter('[click](javascript:alert(1)) [ref][e] ![chart](https://img.example/a.png) [ok](https://example.com)\n\n[e]: &#106;avascript:alert(1)'));
    expect(html).toBe('<p>click ref chart <a href="https://example.com">ok</a></p>');
  });

  it('emits only allowed addresses for any link or image a chapter can spell', () => {
    const scheme = fc.constantFrom('javascript', 'JavaScript', '&#106;avascript', '&#x6A;avascript', 'java&Tab;script', 'data', 'vbscript', 'https', 'http', 'mailto', '', '//');
    const sep = fc.constantFrom(':', '&colon;', '&#58;', '');
    const form = fc.constantFrom('inline', 'image', 'reference', 'image-reference', 'angle');
    fc.assert(
      fc.property(scheme, sep, form, (s, c, f) => {
        const url = `${s}${c}alert(1)`;
        const body =
          f === 'inline' ? `[x](${url})` : f === 'image' ? `![x](${url})` : f === 'angle' ? `[x](<${url}>)` : f === 'reference' ? `[x][r]\n\n[r]: ${url}` : `![x][r]\n\n[r]: ${url}`;
        const html = render(chapter(body));
        for (const href of hrefs(html)) {
          const decoded = href.replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&');
          expect(checkUrl(decoded, html.includes(`src="${href}"`) ? 'image' : 'link').ok, `${body} → ${html}`).toBe(true);
        }
      }),
    );
  });
});

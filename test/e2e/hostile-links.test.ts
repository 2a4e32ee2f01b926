// A plan whose chapters and repository.url carry every spelling of a script link and off-origin image,
// built with validation skipped (test/helpers/build-unchecked.ts), in real Chromium: the renderers' own
// allow-list must keep each of them off the page. Fails (never skips) when Chromium is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { findChromium, INSTALL_HINT, launchChromium } from '../../src/browser/chromium.ts';
import { ROOT, userEnv } from '../helpers/cli.ts';
import { serve } from '../helpers/static-server.ts';

const work = mkdtempSync(join(tmpdir(), 'shopplan-hostile-'));
const out = join(work, 'site');
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

// String.raw: the backslashes are the chapter's own (`\\\\host` is the address `\\host`).
const HOSTILE_CHAPTER = String.raw`---
title: Hostile links
order: 99
---

Inline [plain](javascript:alert('inline')), [upper](JAVASCRIPT:alert('upper')), [entity](&#106;avascript:alert('entity')),
[hex](&#x6A;avascript&#x3A;alert('hex')), [tab](<java${'\t'}script:alert('tab')>), [space](<  javascript:alert('space')>),
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==), [vb](vbscript:msgbox('vb')) and [file](file:///etc/passwd).

Reference [ref-link][evil] and [collapsed][] links.

[evil]: javascript:alert('reference')
[collapsed]: &#74;AVASCRIPT:alert('collapsed')
[pic]: https://img.example.com/reference.png

Images ![remote](https://img.example.com/remote.png), ![protocol-relative](//img.example.com/relative.png),
![backslashes](\\\\img.example.com\\slash.png), ![svg](data:image/svg+xml;base64,PHN2Zz4=) and ![by reference][pic].

HTML <a href="javascript:alert('jsx')" onclick="alert('onclick')">element link</a> and <img src="https://img.example.com/jsx.png" />.

Allowed: [web](https://example.com/), [mail](mailto:ops@example.com), [page](../../targets/) and https://example.com/auto.
`;

const SCRIPT_SPELLINGS = /javascript|vbscript|data:|file:/i;

beforeAll(async () => {
  const chromium = findChromium();
  if (!chromium) throw new Error(`Chromium not found. ${INSTALL_HINT}`);
  const chapters = join(work, 'chapters');
  mkdirSync(chapters);
  writeFileSync(join(chapters, '99-hostile.mdx'), HOSTILE_CHAPTER);
  const built = spawnSync(process.execPath, ['test/helpers/build-unchecked.ts', 'content', chapters, "javascript:alert('repository')//", out], { cwd: ROOT, encoding: 'utf8', env: userEnv(), timeout: 300_000 });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`);
  browser = await launchChromium(chromium);
  server = await serve(out);
}, 320_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Visit {
  page: Page;
  dialogs: string[];
  offOrigin: string[];
  errors: string[];
}

/** Opens a page, recording dialogs (alert/confirm: script ran), page errors and every request to another origin (aborted). */
async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage();
  const v: Visit = { page, dialogs: [], offOrigin: [], errors: [] };
  page.on('dialog', async (d) => {
    v.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('pageerror', (e) => v.errors.push(e.message));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    v.offOrigin.push(url);
    return route.abort();
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  return v;
}

/** Every address attribute on the page, resolved as the browser resolves it. */
function addresses(page: Page) {
  return page.$$eval('[href], [src], [srcset], [action], [formaction], [poster]', (elements) =>
    elements.flatMap((el) =>
      ['href', 'src', 'srcset', 'action', 'formaction', 'poster']
        .filter((a) => el.hasAttribute(a))
        .map((a) => ({ tag: el.tagName.toLowerCase(), attribute: a, raw: el.getAttribute(a)!, resolved: new URL(el.getAttribute(a)!, document.baseURI).href })),
    ),
  );
}

describe('links and images from a plan that skipped validation', () => {
  it('the hostile chapter was built (the test is about something)', () => {
    const html = readFileSync(join(out, 'chapters', '99-hostile', 'index.html'), 'utf8');
    expect(html).toContain('Hostile links');
    expect(html).toContain('ref-link');
  });

  for (const path of ['/chapters/99-hostile/', '/en/chapters/99-hostile/']) {
    it(`${path}: every address is https:, http:, mailto: or the site's own; images only the site's own`, async () => {
      const { page, offOrigin, dialogs, errors } = await visit(path);
      const origin = new URL(server.url).origin;
      for (const a of await addresses(page)) {
        const url = new URL(a.resolved);
        expect(['https:', 'http:', 'mailto:'], JSON.stringify(a)).toContain(url.protocol);
        if (a.attribute !== 'href') expect(url.origin, JSON.stringify(a)).toBe(origin);
      }
      const article = await page.locator('main').innerHTML();
      expect(article).not.toMatch(SCRIPT_SPELLINGS);
      expect(article).not.toContain('img.example.com');
      // The allowed links survive, as links.
      expect(await page.locator('main a[href="https://example.com/"]').count()).toBe(1);
      expect(await page.locator('main a[href="mailto:ops@example.com"]').count()).toBe(1);
      expect({ offOrigin, dialogs, errors }).toEqual({ offOrigin: [], dialogs: [], errors: [] });
      await page.close();
    });
  }

  it('clicking every link of the hostile chapter runs no script', async () => {
    const { page, dialogs, errors } = await visit('/chapters/99-hostile/');
    const links = page.locator('main a');
    const count = await links.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      // Allowed addresses would leave the page: stop those; anything else is left to do what it does.
      await links.nth(i).evaluate((a) =>
        a.addEventListener('click', (e) => (['https:', 'http:', 'mailto:'].includes(new URL((a as HTMLAnchorElement).href || 'x:', document.baseURI).protocol) ? e.preventDefault() : undefined), { once: true }),
      );
      await links.nth(i).click();
    }
    await page.waitForTimeout(200);
    expect({ dialogs, errors }).toEqual({ dialogs: [], errors: [] });
    await page.close();
  });

  it('"how is this calculated" links are not built on a javascript: repository.url', async () => {
    const { page, dialogs } = await visit('/targets/');
    const explain = page.locator('details.explain');
    expect(await explain.count()).toBeGreaterThan(0);
    // The source is still named (file and line, in its title for editors), as text instead of a link.
    await explain.first().locator('summary').click();
    const sources = explain.first().locator('span.source');
    expect(await sources.count()).toBeGreaterThan(0);
    expect(await sources.first().getAttribute('title')).toMatch(/\.yaml/);
    for (const a of await addresses(page)) expect(['https:', 'http:', 'mailto:'], JSON.stringify(a)).toContain(new URL(a.resolved).protocol);
    expect(await page.content()).not.toMatch(/javascript:/i);
    await explain.first().locator('a, span').last().click();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

// Reader pages speak the reader's language (and their links land): no plan id, YAML path, file:line or snake_case in the text of any
// built page of either locale, and no Latin word on Chinese pages outside a short allow-list
// (test/helpers/reader-language.ts). Ids and paths come from each plan itself, so the test holds for any plan:
// the example, the blank seed and a generated large plan (more SKUs and channels, ids made by copying).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serve } from '../helpers/static-server.ts';
import { brokenLinks, pagesOf } from '../helpers/built-site.ts';
import { planSites } from '../helpers/plan-sites.ts';
import { developerText, idPattern, planIdentifiers, readerText } from '../helpers/reader-language.ts';

const sites = planSites('shopplan-words-', { skus: 60, channels: 8, months: 12, targets: 12, risks: 12 });
let browser: Browser;

beforeAll(async () => {
  browser = await sites.setUp();
}, 600_000);

afterAll(() => sites.tearDown(browser));

describe("reader pages speak the reader's language", () => {
  it.each(sites.names)('on every page of the %s plan, both locales', async (name) => {
    const ids = idPattern(planIdentifiers(sites.plan(name)));
    const server = await serve(sites.site(name));
    const page = await browser.newPage();
    const problems: Record<string, string[]> = {};
    try {
      for (const path of pagesOf(sites.site(name))) {
        await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' }); // the text is in the HTML; charts add none
        const found = developerText(await readerText(page), ids, !path.startsWith('/en/'));
        if (found.length) problems[path] = found;
      }
    } finally {
      await page.close();
      await server.close();
    }
    expect(problems).toEqual({});
  }, 300_000);
});

// The same three sites: a link from one reader page to another lands on the page and, with a fragment, on an
// element with that id (a finding about the plan as a whole linked to /marketing/#<plan id>, which no entry has).
describe('links between reader pages', () => {
  it.each(sites.names)('every link of the %s plan lands on a page and an element of it', (name) => {
    expect(brokenLinks(sites.site(name))).toEqual([]);
  });
});

// The two pieces of `shopplan dev` that need no server: reloads that run one at a time with the latest
// state winning, and the gate that lets only the site through (issue #10 item 5).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { latestWins } from '../../src/site/dev/latest-wins.ts';
import { devRequestGate } from '../../src/site/dev/request-gate.ts';
import { folderStamp } from '../../src/site/dev/folder-stamp.ts';
import { ROOT } from '../helpers/cli.ts';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('reloads: one at a time, the latest state wins', () => {
  it('a burst of 1,000 requests during a run costs one more run, which sees the last state', async () => {
    let state = 0;
    const seen: number[] = [];
    let running = 0;
    let overlap = false;
    const q = latestWins(async () => {
      overlap ||= ++running > 1;
      const read = state;
      await tick(20);
      seen.push(read);
      running--;
    }, () => {});
    q.request();
    for (let i = 1; i <= 1000; i++) {
      state = i;
      q.request(`file-${i % 3}`);
    }
    await q.settled();
    expect(overlap).toBe(false);
    // The run going when the burst began read the old state; one more run read the last.
    expect(seen).toEqual([0, 1000]);
  });

  it('tells a run which files changed since the one before, and whether it is already stale', async () => {
    const runs: Array<{ changed: string[]; staleAtEnd: boolean }> = [];
    let release: () => void = () => {};
    const q = latestWins(async ({ changed, stale }) => {
      await new Promise<void>((r) => (release = r));
      runs.push({ changed: [...changed].sort(), staleAtEnd: stale() });
    }, () => {});
    q.request('a.yaml');
    await tick();
    q.request('b.yaml');
    q.request('c.mdx');
    q.request('b.yaml');
    release();
    await tick();
    release();
    await q.settled();
    expect(runs).toEqual([
      { changed: ['a.yaml'], staleAtEnd: true },
      { changed: ['b.yaml', 'c.mdx'], staleAtEnd: false },
    ]);
  });

  it('a recheck asked for during a run leaves it current, and runs once more after it', async () => {
    const runs: Array<{ changed: string[]; staleAtEnd: boolean }> = [];
    let release: () => void = () => {};
    const q = latestWins(async ({ changed, stale }) => {
      await new Promise<void>((r) => (release = r));
      runs.push({ changed: [...changed], staleAtEnd: stale() });
    }, () => {});
    q.request('a.yaml');
    await tick();
    q.recheck();
    q.recheck();
    release();
    await tick();
    release();
    await q.settled();
    expect(runs).toEqual([
      { changed: ['a.yaml'], staleAtEnd: false },
      { changed: [], staleAtEnd: false },
    ]);
  });

  it('a failing run is reported and the next request runs again; nothing rejects unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const errors: string[] = [];
      let fail = true;
      let ok = 0;
      const q = latestWins(async () => {
        if (fail) throw new Error('file deleted between listing and reading');
        ok++;
      }, (e) => {
        errors.push((e as Error).message);
        throw new Error('the report itself fails');
      });
      q.request();
      await q.settled();
      fail = false;
      q.request();
      await q.settled();
      await tick(10);
      expect(errors).toEqual(['file deleted between listing and reading']);
      expect(ok).toBe(1);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('for any schedule of requests and run times: runs never overlap, and the last run starts after the last request (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ wait: fc.integer({ min: 0, max: 6 }), runTime: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 25 }), async (steps) => {
        let clock = 0;
        let lastRequest = -1;
        const starts: number[] = [];
        let running = 0;
        let overlap = false;
        let runTime = 0;
        const q = latestWins(async () => {
          overlap ||= ++running > 1;
          starts.push(clock);
          await tick(runTime);
          running--;
        }, () => {});
        for (const s of steps) {
          await tick(s.wait);
          clock++;
          runTime = s.runTime;
          lastRequest = clock;
          q.request();
        }
        await q.settled();
        expect(overlap).toBe(false);
        expect(starts.at(-1)).toBeGreaterThanOrEqual(lastRequest);
        expect(starts.length).toBeLessThanOrEqual(steps.length);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the folder stamp a recheck compares', () => {
  it('stays the same until a file anywhere in the folder is written, added or removed, even to the same size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopplan-stamp-'));
    try {
      mkdirSync(join(dir, 'chapters'));
      writeFileSync(join(dir, 'plan.yaml'), 'a: 1\n');
      writeFileSync(join(dir, 'chapters/01.mdx'), '# x\n');
      const first = await folderStamp(dir);
      expect(await folderStamp(dir)).toBe(first);
      const changes: Array<() => void> = [
        () => writeFileSync(join(dir, 'plan.yaml'), 'a: 2\n'),
        () => utimesSync(join(dir, 'chapters/01.mdx'), new Date(2030, 0, 1), new Date(2030, 0, 1)),
        () => writeFileSync(join(dir, 'chapters/02.mdx'), '# y\n'),
        () => rmSync(join(dir, 'chapters/02.mdx')),
      ];
      let before = first;
      for (const change of changes) {
        change();
        const after = await folderStamp(dir);
        expect(after).not.toBe(before);
        before = after;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the dev server serves the site and nothing else', () => {
  const allowed = devRequestGate({ projectRoot: ROOT, pagesDir: join(ROOT, 'src/site/pages/[...locale]'), publicDir: join(ROOT, 'public') });
  const SITE = [
    '/',
    '/targets/',
    '/targets',
    '/en/',
    '/en',
    '/en/kpis/',
    '/chapters/00-preface/',
    '/en/chapters/01-strategy/',
    '/favicon.svg',
    '/@vite/client',
    '/node_modules/vite/dist/client/env.mjs',
    '/node_modules/.vite/deps/chart__js.js?v=1234abcd',
    '/node_modules/@fontsource/noto-sans-sc/400.css',
    '/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-100-400-normal.woff2',
    '/src/site/styles/site.css',
    '/src/site/scripts/charts.ts',
    '/src/site/scripts/chart-format.ts',
    '/src/i18n/number-format.ts',
    // The installed package runs compiled lib/ (scripts/build-package.ts).
    '/lib/site/scripts/charts.js',
    '/lib/i18n/number-format.js',
    '/src/site/components/Chart.astro?astro&type=script&index=0&lang.ts',
    '/src/site/pages/[...locale]/baseline.astro?astro&type=style&index=0&lang.css',
    `/@fs${ROOT}node_modules/@fontsource/noto-sans-sc/400.css`,
  ];
  const NOT_SITE = [
    '/package.json',
    '/package-lock.json',
    '/README.md',
    '/LICENSE',
    '/.git/config',
    '/.env',
    '/src/cli/main.ts',
    '/src/pipeline/check-plan.ts',
    '/src/site/integration.ts',
    '/src/site/site-data.ts',
    '/src/i18n/format.ts',
    '/src/i18n/catalog.ts',
    '/lib/cli/main.js',
    '/lib/i18n/catalog.js',
    '/src/site/pages/[...locale]/index.astro',
    '/src/site/components/Chart.astro',
    '/content/plan.yaml',
    '/content/data/jd-2026.csv.gz',
    '/seeds/blank/plan.yaml',
    '/schemas/plan.schema.json',
    '/bin/shopplan.js',
    '/.shopplan-cache/orders/hashes.json',
    '/node_modules/.cache/shopplan/orders/hashes.json',
    '/dist/plan.json',
    '/node_modules/astro/package.json',
    '/node_modules/.vite/deps/../../../package.json',
    '/src/site/scripts/%2e%2e/%2e%2e/cli/main.ts',
    '/src/site/styles/..%2f..%2f..%2fpackage.json',
    '/@fs/etc/passwd',
    `/@fs${ROOT}content/data/jd-2026.csv.gz`,
    `/@fs${ROOT}package.json`,
    '/@fs/tmp/any-plan/data/orders.csv',
    '/@id/__x00__virtual:shopplan/data',
    '/@id/astro/runtime/client/dev-toolbar/entrypoint.js',
    '/nope/',
    '/en/nope/',
    '/chapters/',
    '/chapters/a/b/',
    '/%E0%A4%A',
  ];
  it.each(SITE)('serves %s', (url) => expect(allowed(url)).toBe(true));
  it.each(NOT_SITE)('refuses %s', (url) => expect(allowed(url)).toBe(false));
});

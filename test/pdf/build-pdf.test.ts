// The PDF step of `shopplan build` with fake effects: no disk, no Astro, no Chromium.
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { buildPlanSite } from '../../src/build/build-site.ts';
import { ChromiumMissingError } from '../../src/browser/chromium.ts';
import type { BuildEffects, PdfRequest } from '../../src/build/effects.ts';
import { ROOT } from '../helpers/cli.ts';

const PLAN = join(ROOT, 'content');

interface Fake extends BuildEffects {
  files: Map<string, string>;
  calls: string[];
  logs: string[];
  requests: Array<{ siteDir: string; request: PdfRequest }>;
}

/** An in-memory file system where a folder is every path under it. */
function fakeEffects(options: { chromium?: string; printFails?: boolean; existing?: string } = {}): Fake {
  const files = new Map<string, string>();
  if (options.existing) files.set(join(options.existing, 'index.html'), 'old site');
  const calls: string[] = [];
  const logs: string[] = [];
  const requests: Fake['requests'] = [];
  const under = (dir: string) => [...files.keys()].filter((k) => k === dir || k.startsWith(`${dir}/`));
  return {
    files,
    calls,
    logs,
    requests,
    log: (m) => logs.push(m),
    async buildSite(_check, _planDir, outDir) {
      calls.push('buildSite');
      files.set(join(outDir, 'index.html'), 'new site');
    },
    async indexSite() {
      calls.push('indexSite');
      return { pages: 1 };
    },
    async writeFile(path, content) {
      files.set(path, content);
    },
    async staging() {
      return `/virtual/.run/site-${calls.length}`;
    },
    async replace(from, to) {
      calls.push(`replace ${from} → ${to}`);
      for (const k of under(to)) files.delete(k);
      for (const k of under(from)) {
        files.set(to + k.slice(from.length), files.get(k)!);
        files.delete(k);
      }
    },
    async discard(path) {
      for (const k of under(path)) files.delete(k);
    },
    findChromium: () => {
      calls.push('findChromium');
      return options.chromium;
    },
    async printPdfs(siteDir, request) {
      calls.push('printPdfs');
      requests.push({ siteDir, request });
      if (options.printFails) throw new Error('Chromium crashed');
      const file = join(siteDir, 'pdf', 'plan.zh-CN.pdf');
      files.set(file, '%PDF');
      return [{ locale: 'zh-CN', kind: 'plan', file, pages: 3, bytes: 4 }];
    },
  };
}

describe('the PDF step of buildPlanSite', () => {
  const out = resolve('/virtual/dist');

  it('prints the PDFs into the staging folder before it is moved into place', async () => {
    const fx = fakeEffects({ chromium: '/usr/bin/chromium' });
    const outcome = await buildPlanSite(PLAN, out, fx);
    expect(outcome.built).toBe(true);
    expect(outcome.pdfs).toHaveLength(1);
    expect(fx.requests).toHaveLength(1);
    const { siteDir, request } = fx.requests[0]!;
    expect(siteDir).not.toBe(out);
    expect(request).toEqual({ chromium: '/usr/bin/chromium', locales: ['zh-CN', 'en'], planDir: PLAN });
    expect(fx.calls.indexOf('printPdfs')).toBeLessThan(fx.calls.findIndex((c) => c.startsWith(`replace ${siteDir}`)));
    expect(fx.files.get(join(out, 'pdf', 'plan.zh-CN.pdf'))).toBe('%PDF');
    expect(fx.files.has(join(out, 'plan.json'))).toBe(true);
  });

  it('moves nothing into place when printing fails, and keeps the previous output', async () => {
    const fx = fakeEffects({ chromium: '/usr/bin/chromium', printFails: true, existing: out });
    await expect(buildPlanSite(PLAN, out, fx)).rejects.toThrow('Chromium crashed');
    expect([...fx.files.keys()]).toEqual([join(out, 'index.html')]);
    expect(fx.files.get(join(out, 'index.html'))).toBe('old site');
  });

  it('with --pdf and no Chromium: fails before building and writes nothing', async () => {
    const fx = fakeEffects({ existing: out });
    await expect(buildPlanSite(PLAN, out, fx, { pdf: 'always' })).rejects.toBeInstanceOf(ChromiumMissingError);
    await expect(buildPlanSite(PLAN, out, fakeEffects(), { pdf: 'always' })).rejects.toMatchObject({
      code: 'chromium-missing',
      exitCode: 3,
      message: `Chromium was not found, so the PDFs cannot be printed. Nothing was written to ${out}.`,
      hint: expect.stringContaining('apt-get install chromium'),
    });
    expect(fx.calls).not.toContain('buildSite');
    expect([...fx.files.keys()]).toEqual([join(out, 'index.html')]);
  });

  it('without Chromium (default): a one-line notice with the install hint, and the site is built', async () => {
    const fx = fakeEffects();
    const outcome = await buildPlanSite(PLAN, out, fx);
    expect(outcome.built).toBe(true);
    expect(outcome.pdfs).toEqual([]);
    expect(fx.calls).not.toContain('printPdfs');
    const notice = fx.logs.filter((l) => l.includes('Chromium'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).not.toContain('\n');
    expect(notice[0]).toMatch(/PDFs skipped.*install-system-deps\.sh/);
    expect(fx.files.get(join(out, 'index.html'))).toBe('new site');
  });

  it('with --no-pdf: does not look for Chromium', async () => {
    const fx = fakeEffects({ chromium: '/usr/bin/chromium' });
    const outcome = await buildPlanSite(PLAN, out, fx, { pdf: 'never' });
    expect(outcome.built).toBe(true);
    expect(fx.calls).not.toContain('findChromium');
    expect(fx.calls).not.toContain('printPdfs');
    expect(fx.logs.join('\n')).not.toContain('Chromium');
  });
});

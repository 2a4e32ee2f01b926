// The plan folder is a boundary (issue #10 item 4): a plan file or folder that resolves outside it — by
// any symbolic link, relative or absolute, chained — is refused with a located diagnostic and never read,
// so nothing of it reaches a message, code frame, hint or annotation; devices, FIFOs, sockets and folders
// named like plan files are refused at once instead of read as a stream without end.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { renderDiagnostics } from '../../src/cli/report.ts';
import { readInside, planRoot } from '../../src/load/plan-boundary.ts';
import { readPlanFolder } from '../../src/load/read-folder.ts';
import { ROOT, shopplan } from '../helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'shopplan-boundary-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

/** A fresh copy of the blank seed, and a folder beside it (outside the plan) holding secrets. */
function setup(): { plan: string; outside: string } {
  const base = join(work, `case-${++count}`);
  const plan = join(base, 'plan');
  const outside = join(base, 'outside');
  cpSync(join(ROOT, 'seeds/blank'), plan, { recursive: true });
  mkdirSync(outside);
  // Outside copies of real plan files, each with a marker a leak would show.
  writeFileSync(join(outside, 'targets.yaml'), `${readFileSync(join(plan, 'targets.yaml'), 'utf8')}# SECRET-MARKER-1\n`);
  writeFileSync(join(outside, 'chapter.mdx'), '---\ntitle: SECRET-MARKER-2\norder: 9\n---\nSECRET-MARKER-3 {oops\n');
  writeFileSync(join(outside, 'actuals.csv'), 'month,SECRET-MARKER-4\n2027-01,x\n');
  writeFileSync(join(outside, 'passwd'), 'root:x:0:0:SECRET-MARKER-5:/root:/bin/bash\n');
  return { plan, outside };
}

/** Every way the diagnostics are printed: text with code frames, JSON, GitHub annotations. */
function printed(check: Awaited<ReturnType<typeof checkPlanFolder>>): string {
  return (['text', 'json', 'github'] as const).map((f) => renderDiagnostics(check, f, false, 'The plan')).join('\n');
}

type Case = { name: string; file: string; make: (plan: string, outside: string) => void };

const CASES: Case[] = [
  { name: 'a YAML file linked absolutely to a file outside', file: 'targets.yaml', make: (p, o) => relink(join(p, 'targets.yaml'), join(o, 'targets.yaml')) },
  { name: 'a YAML file linked relatively (../)', file: 'targets.yaml', make: (p) => relink(join(p, 'targets.yaml'), '../outside/targets.yaml') },
  { name: 'targets.yaml → /etc/passwd-like file', file: 'targets.yaml', make: (p, o) => relink(join(p, 'targets.yaml'), join(o, 'passwd')) },
  {
    name: 'a chain of links that ends outside',
    file: 'targets.yaml',
    make: (p, o) => {
      symlinkSync(join(o, 'targets.yaml'), join(o, 'hop2'));
      symlinkSync('../outside/hop2', join(p, 'hop1.link'));
      relink(join(p, 'targets.yaml'), 'hop1.link');
    },
  },
  { name: 'a chapter linked to a file outside', file: 'chapters/01-x.mdx', make: (p, o) => symlinkSync(join(o, 'chapter.mdx'), join(p, 'chapters/01-x.mdx')) },
  {
    name: 'a chapter reached through a linked folder inside the plan',
    file: 'chapters/01-x.mdx',
    make: (p, o) => {
      symlinkSync(o, join(p, 'inner'));
      symlinkSync('../inner/chapter.mdx', join(p, 'chapters/01-x.mdx'));
    },
  },
  {
    name: 'the chapters folder itself linked outside',
    file: 'chapters',
    make: (p, o) => {
      const ch = join(o, 'chapters');
      mkdirSync(ch);
      cpSync(join(o, 'chapter.mdx'), join(ch, '01-x.mdx'));
      rmSync(join(p, 'chapters'), { recursive: true });
      symlinkSync(ch, join(p, 'chapters'));
    },
  },
  {
    name: 'the actuals folder linked outside (relative)',
    file: 'actuals',
    make: (p, o) => {
      mkdirSync(join(o, 'act'));
      cpSync(join(o, 'actuals.csv'), join(o, 'act/2027.csv'));
      symlinkSync('../outside/act', join(p, 'actuals'));
    },
  },
  {
    name: 'an actuals CSV linked outside',
    file: 'actuals/2027.csv',
    make: (p, o) => {
      mkdirSync(join(p, 'actuals'));
      symlinkSync(join(o, 'actuals.csv'), join(p, 'actuals/2027.csv'));
    },
  },
  { name: 'zz.yaml → /dev/zero', file: 'zz.yaml', make: (p) => symlinkSync('/dev/zero', join(p, 'zz.yaml')) },
];

function relink(path: string, target: string): void {
  unlinkSync(path);
  symlinkSync(target, path);
}

describe('a plan file or folder that leads outside the plan folder', () => {
  it.each(CASES)('is refused and never read: $name', async ({ file, make }) => {
    const { plan, outside } = setup();
    make(plan, outside);
    const started = performance.now();
    const check = await checkPlanFolder(plan);
    expect(performance.now() - started).toBeLessThan(5_000);
    const refused = check.diagnostics.filter((d) => d.code === 'file-outside-plan');
    expect(refused.map((d) => [relative(plan, d.file), d.startLine, d.startColumn, d.fatal])).toEqual([[file, 1, 1, true]]);
    expect(refused[0]!.hint).toMatch(/inside/);
    const out = printed(check);
    expect(out).not.toMatch(/SECRET-MARKER|root:x:0/);
    // The message says where the link is, never where it leads.
    expect(out).not.toContain(outside);
  });

  it('targets.yaml → /etc/passwd: the CLI prints no line of it in any format', () => {
    const { plan } = setup();
    relink(join(plan, 'targets.yaml'), '/etc/passwd');
    const firstLine = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
    for (const format of ['text', 'json', 'github']) {
      const run = shopplan(['validate', plan, '--format', format]);
      expect(run.code, run.stderr).toBe(1);
      const out = run.stdout + run.stderr;
      expect(out).toContain('file-outside-plan');
      expect(out).toContain('targets.yaml');
      expect(out).not.toContain(firstLine);
      expect(out).not.toMatch(/root:x:0|\/bin\/(ba)?sh|nologin/);
    }
  }, 120_000);

  it('accepts links that stay inside the plan folder (a chapter shared by two names, a linked folder inside)', async () => {
    const { plan } = setup();
    mkdirSync(join(plan, '..shared')); // a name that starts with two dots is still inside
    cpSync(join(plan, 'targets.yaml'), join(plan, '..shared/targets.yaml'));
    relink(join(plan, 'targets.yaml'), '..shared/targets.yaml');
    relink(join(plan, 'chapters/00-preface.en.mdx'), join(plan, 'chapters/../chapters/00-preface.mdx'));
    const check = await checkPlanFolder(plan);
    expect(check.diagnostics.map((d) => d.code)).toEqual([]);
    expect(check.input?.targets?.targets?.[0]?.id).toBe('gmv');
  });
});

describe('links of any shape (property)', () => {
  it('a link chain is refused exactly when its last target lies outside the plan folder', async () => {
    // Each hop lives inside or outside the plan folder and names the next one relatively or absolutely.
    const hop = fc.record({ inside: fc.boolean(), relative: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(hop, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), async (hops, targetInside, lastRelative) => {
        const { plan, outside } = setup();
        const target = targetInside ? join(plan, 'keep/targets.yaml') : join(outside, 'targets.yaml');
        if (targetInside) {
          mkdirSync(join(plan, 'keep'));
          cpSync(join(plan, 'targets.yaml'), target);
        }
        // Build the chain backwards: targets.yaml → hop 1 → … → hop n → target.
        let next = target;
        let nextRelative = lastRelative;
        for (const [i, h] of [...hops].reverse().entries()) {
          const at = join(h.inside ? plan : outside, `hop-${i}.link`);
          symlinkSync(nextRelative ? relative(join(at, '..'), next) : next, at);
          next = at;
          nextRelative = h.relative;
        }
        relink(join(plan, 'targets.yaml'), nextRelative ? relative(plan, next) : next);
        const check = await checkPlanFolder(plan);
        const codes = check.diagnostics.map((d) => d.code);
        if (targetInside) expect(codes).toEqual([]);
        else {
          expect(codes).toContain('file-outside-plan');
          expect(printed(check)).not.toContain('SECRET-MARKER');
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('what is not a regular file is refused at once', () => {
  it('a FIFO, a socket and a folder named like plan files', async () => {
    const { plan } = setup();
    execFileSync('mkfifo', [join(plan, 'kpis.yaml')]);
    mkdirSync(join(plan, 'risks.yaml'));
    mkdirSync(join(plan, 'chapters/02-folder.mdx'));
    const socket = createServer().listen(join(plan, 'review.yaml'));
    await new Promise((done) => socket.once('listening', done));
    try {
      const started = performance.now();
      const check = await checkPlanFolder(plan);
      expect(performance.now() - started).toBeLessThan(5_000);
      const refused = check.diagnostics.filter((d) => d.code === 'file-not-regular').map((d) => [relative(plan, d.file), d.startLine, d.reason.replace(/^\S+ /, '')]);
      expect(refused).toEqual([
        ['chapters/02-folder.mdx', 1, 'is a folder, not a regular file; it is not read.'],
        ['kpis.yaml', 1, 'is a FIFO, not a regular file; it is not read.'],
        ['review.yaml', 1, 'is a socket, not a regular file; it is not read.'],
        ['risks.yaml', 1, 'is a folder, not a regular file; it is not read.'],
      ]);
    } finally {
      socket.close();
    }
  });

  it('a file over the size limit is refused from its size, before it is read', async () => {
    const { plan } = setup();
    writeFileSync(join(plan, 'strategy.yaml'), Buffer.alloc(2048, 0x61));
    const read = await readPlanFolder(plan, 1024);
    expect(read.ok && read.files.find((f) => f.name === 'strategy.yaml')?.refused?.code).toBe('file-too-large');
  });

  it('a broken link and a link loop are unreadable files, located; a file deleted after listing is absent', async () => {
    const { plan } = setup();
    symlinkSync('nowhere.yaml', join(plan, 'scenarios.yaml'));
    symlinkSync('loop-b.yaml', join(plan, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(plan, 'loop-b.yaml'));
    const check = await checkPlanFolder(plan);
    expect(check.diagnostics.map((d) => [d.code, relative(plan, d.file), d.startLine])).toEqual([
      ['file-unreadable', 'loop-a.yaml', 1],
      ['file-unreadable', 'loop-b.yaml', 1],
      ['file-unreadable', 'scenarios.yaml', 1],
    ]);
    // Listed, then gone before it is read: nothing to read, nothing thrown.
    expect(await readInside(await planRoot(plan), join(plan, 'gone.yaml'), 1024)).toEqual({ ok: false, refusal: null });
  });
});

// The site figures of `npm run bench`: the Astro build of the example plan's site against a bare Astro build
// with the same number of pages (goal: ratio ≤ 1.3), and the JavaScript each page ships (goal: 0 KB on pages
// without charts). Both builds run the same way (programmatic `build()`, from a folder inside the project so
// packages resolve), median of a few runs.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPlanFolder } from '../../src/pipeline/check-plan.ts';
import { nodeBuildEffects } from '../../src/build/node-effects.ts';
import { PROJECT_ROOT } from '../../src/site/astro-config.ts';
import { median } from './measure.ts';

export interface SiteBench {
  pages: number;
  siteMs: number;
  bareMs: number;
  ratio: number;
  js: { pagesWithout: number; pagesWith: number; maxKb: number; chartPagesWithJs: number; pagesWithoutChartsWithJs: number };
}

const EXAMPLE = fileURLToPath(new URL('../../content/', import.meta.url));

export async function benchSite(progress: (line: string) => void, runs = 3): Promise<SiteBench> {
  const root = mkdtempSync(join(tmpdir(), 'shopplan-bench-site-'));
  try {
    const check = await checkPlanFolder(EXAMPLE);
    if (!check.result) throw new Error('the example plan does not validate');
    const effects = nodeBuildEffects(() => {}, { versions: null, cacheDir: null });
    const siteTimes: number[] = [];
    const out = join(root, 'site');
    for (let i = 0; i < runs; i++) {
      progress(`site: building the example site ${i + 1}/${runs} …`);
      rmSync(out, { recursive: true, force: true });
      const started = performance.now();
      await effects.buildSite(check, EXAMPLE, out);
      siteTimes.push(performance.now() - started);
    }
    const pages = htmlPages(out);
    const js = jsPerPage(out, pages);
    const bareTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      progress(`site: bare Astro build with ${pages.length} pages ${i + 1}/${runs} …`);
      bareTimes.push(await bareAstroBuild(pages.length, join(root, 'bare')));
    }
    const siteMs = median(siteTimes);
    const bareMs = median(bareTimes);
    return { pages: pages.length, siteMs, bareMs, ratio: siteMs / bareMs, js };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function htmlPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(p);
      } else if (name.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Bytes of JavaScript a page loads: its module scripts and, transitively, the chunks they import. */
function jsPerPage(site: string, pages: string[]): SiteBench['js'] {
  const sizeOf = new Map<string, number>();
  const bytesOf = (file: string, seen: Set<string>): number => {
    if (seen.has(file)) return 0;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return 0;
    }
    if (!sizeOf.has(file)) sizeOf.set(file, Buffer.byteLength(text));
    let total = sizeOf.get(file)!;
    for (const m of text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) total += bytesOf(resolve(dirname(file), m[1]!), seen);
    return total;
  };
  let pagesWithout = 0;
  let pagesWith = 0;
  let maxKb = 0;
  let chartPagesWithJs = 0;
  let pagesWithoutChartsWithJs = 0;
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    const seen = new Set<string>();
    let bytes = 0;
    for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) bytes += bytesOf(join(site, m[1]!.replace(/^\//, '')), seen);
    for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) bytes += Buffer.byteLength(m[1]!);
    const charts = html.includes('data-chart=');
    if (bytes === 0) pagesWithout++;
    else pagesWith++;
    if (bytes > 0 && charts) chartPagesWithJs++;
    if (bytes > 0 && !charts && !relative(site, page).includes('search')) pagesWithoutChartsWithJs++;
    maxKb = Math.max(maxKb, bytes / 1024);
  }
  return { pagesWithout, pagesWith, maxKb, chartPagesWithJs, pagesWithoutChartsWithJs };
}

/** A plain Astro site with `count` pages of a little text each, built like the plan site. */
async function bareAstroBuild(count: number, out: string): Promise<number> {
  const project = join(PROJECT_ROOT, '.astro', `bench-bare-${process.pid}`);
  rmSync(project, { recursive: true, force: true });
  mkdirSync(join(project, 'src', 'pages'), { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(join(project, 'src', 'pages', `page-${i}.astro`), `---\nconst n = ${i};\n---\n<html lang="en"><head><title>Page {n}</title></head><body><main><h1>Page {n}</h1><p>Some text for page {n}.</p></main></body></html>\n`);
  }
  const { build } = await import('astro');
  const cwd = process.cwd();
  try {
    process.chdir(project);
    const started = performance.now();
    await build({ root: project, outDir: out, configFile: false, logLevel: 'silent' });
    return performance.now() - started;
  } finally {
    process.chdir(cwd);
    rmSync(project, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

export function formatSiteBench(b: SiteBench): string {
  return [
    `site: ${b.pages} pages — example site ${(b.siteMs / 1000).toFixed(2)} s vs bare Astro ${(b.bareMs / 1000).toFixed(2)} s: ×${b.ratio.toFixed(2)} ${b.ratio <= 1.3 ? '✓' : '✗'} (goal ≤ 1.3)`,
    `  JavaScript per page: ${b.js.pagesWithout} pages ship 0 KB, ${b.js.pagesWith} ship some (max ${b.js.maxKb.toFixed(1)} KB); pages without charts or search that ship JS: ${b.js.pagesWithoutChartsWithJs} ${b.js.pagesWithoutChartsWithJs === 0 ? '✓' : '✗'} (goal 0)`,
  ].join('\n');
}

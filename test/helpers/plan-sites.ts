// The plans the print layout and reader's-language tests open: the example, the blank seed and a generated large plan, each built
// (without PDFs) into one temporary folder, and a Chromium to open them in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { findChromium, INSTALL_HINT, launchChromium } from '../../src/browser/chromium.ts';
import { generateLargePlan, type LargePlanOptions } from '../../scripts/gen-large-plan.ts';
import { ROOT, shopplan } from './cli.ts';

export interface PlanSites {
  /** Plan name → its built site. */
  site(name: string): string;
  /** Plan name → its plan folder. */
  plan(name: string): string;
  names: string[];
  /** Generates the large plan, builds every site, launches Chromium. */
  setUp(): Promise<Browser>;
  tearDown(browser: Browser | undefined): Promise<void>;
}

export function planSites(prefix: string, large: LargePlanOptions): PlanSites {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const plans: Record<string, string> = { example: join(ROOT, 'content'), blank: join(ROOT, 'seeds/blank'), large: join(work, 'large-plan') };
  return {
    site: (name) => join(work, name),
    plan: (name) => plans[name]!,
    names: Object.keys(plans),
    async setUp() {
      const chromium = findChromium();
      if (!chromium) throw new Error(`Chromium not found. ${INSTALL_HINT}`);
      generateLargePlan(plans.large!, large);
      for (const [name, dir] of Object.entries(plans)) {
        const built = shopplan(['build', dir, '--out', join(work, name), '--no-pdf', '--versions', 'none']);
        if (built.code !== 0) throw new Error(`build of ${name} failed:\n${built.stderr}`);
      }
      return launchChromium(chromium);
    },
    async tearDown(browser) {
      await browser?.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

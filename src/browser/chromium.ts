// Finds and starts the system's Chromium for playwright-core (Playwright cannot download a browser here).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ShopPlanError } from '../diagnostics/errors.ts';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const INSTALL_HINT = 'Install it with `bash scripts/install-system-deps.sh` (Debian: apt-get install chromium fonts-noto-cjk), or point SHOPPLAN_CHROMIUM at a Chromium binary.';

/** The PDFs were required and there is no Chromium: nothing is written. */
export class ChromiumMissingError extends ShopPlanError {
  constructor(outDir: string) {
    super('chromium-missing', `Chromium was not found, so the PDFs cannot be printed. Nothing was written to ${outDir}.`, { hint: INSTALL_HINT });
  }
}

/** `SHOPPLAN_CHROMIUM`, else the first Chromium on PATH; undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SHOPPLAN_CHROMIUM) return env.SHOPPLAN_CHROMIUM;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** `profileParent`: where Playwright makes Chromium's temporary profile (default: the OS temp folder). */
export async function launchChromium(executablePath: string, profileParent?: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  // Playwright puts the profile in os.tmpdir(), which follows TMPDIR: point it at the run's folder while
  // launching, so a killed run leaves no profile where no sweep would find it. Chromium itself keeps the
  // usual TMPDIR (its singleton socket's path must stay short).
  const tmp = process.env.TMPDIR;
  const env = { ...process.env };
  if (profileParent) process.env.TMPDIR = profileParent;
  try {
    return await chromium.launch({
      executablePath,
      env,
      headless: true,
      // As root (CI) Chromium needs --no-sandbox; the rest keep it from calling home on a closed network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } finally {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  }
}

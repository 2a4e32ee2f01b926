// `shopplan dev` on top of Astro's dev server: only the site is served (request-gate.ts), and an edit to
// any file of the plan folder runs the pipeline again — one run at a time, the latest state always
// winning (latest-wins.ts). A plan that fails shows its diagnostics in the terminal and over the page
// (Vite's error overlay, sent again to every page that connects while it lasts) and the page keeps the
// last good plan; the next good edit is shown. A page shows a new plan by fetching itself again and
// swapping its body (Layout.astro): its styles, scripts and fonts stay loaded, its scroll position stays.
import type { ViteDevServer } from 'vite';
import type { AstroIntegrationLogger } from 'astro';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPlanFolder, type PlanCheck } from '../../pipeline/check-plan.ts';
import { hasErrors } from '../../diagnostics/diagnostic.ts';
import { ORDER_FILE_PATTERN } from '../../model/order-path.ts';
import { escapeHtml } from '../../model/escape-html.ts';
import { latestWins, type LatestWins } from './latest-wins.ts';
import type { Locale } from '../../i18n/locale.ts';
import { devRequestGate } from './request-gate.ts';
import { folderStamp } from './folder-stamp.ts';

export interface DevPlan {
  dir: string;
  /** Language of the findings in the diagnostics shown (default English). */
  locale?: Locale;
  /** Makes a checked, valid plan the one the pages show; false when they showed exactly that already. */
  publish(check: PlanCheck): boolean;
  /** The diagnostics of a failed check as text (code frames included). */
  describe(check: PlanCheck): string;
  /** Which published plan the pages show now: it changes with every publish that returned true. */
  generation(): number;
}

/** The event a page sends once connected, with the plan generation it was rendered from (Layout.astro). */
export const DEV_HELLO = 'shopplan:hello';
/** The event that tells pages which plan generation is the latest: one that shows an older one fetches itself again. */
export const DEV_RELOAD = 'shopplan:reload';

const PLAN_FILE = /\.(?:ya?ml|mdx)$/i;
/** Longer than the watcher's 50 ms (see below). */
const SETTLE_MS = 60;

export function setupDevServer(server: ViteDevServer, logger: AstroIntegrationLogger, plan: DevPlan): LatestWins {
  const allowed = devRequestGate({
    projectRoot: fileURLToPath(new URL('../../../', import.meta.url)),
    pagesDir: fileURLToPath(new URL('../pages/[...locale]/', import.meta.url)),
    publicDir: fileURLToPath(new URL('../../../public/', import.meta.url)),
  });
  // First in the stack: before Vite's own middlewares serve a file.
  server.middlewares.stack.unshift({
    route: '',
    handle: (req: { url?: string }, res: { statusCode: number; setHeader(k: string, v: string): void; end(body: string): void }, next: () => void) => {
      if (allowed(req.url ?? '/')) return next();
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found\n');
    },
  } as (typeof server.middlewares.stack)[number]);

  // The failure the page shows now (null when the plan is good).
  let failure: string | null = null;
  // The overlay puts the message into the page as HTML, and diagnostics quote plan text: escaped here, and
  // marked as ready so Astro passes it on as it is (the same payload to every page and to each that connects).
  const overlay = (text: string) => ({
    __isEnhancedAstroErrorPayload: true,
    type: 'error' as const,
    err: { name: 'ShopPlan', title: 'The plan has errors; the page shows the last good plan.', message: escapeHtml(text), stack: '' },
  });
  const fail = (text: string) => {
    if (text === failure) return;
    failure = text;
    logger.error(text);
    server.ws.send(overlay(text));
  };
  server.ws.on('connection', (socket) => {
    if (failure) socket.send(JSON.stringify(overlay(failure)));
  });
  // A page whose HTML was served just before a publish connects after the reload was sent to the pages
  // then connected, and would show an outdated plan until the next edit: it says which plan it shows
  // once connected, and reloads if that is no longer the latest.
  server.ws.on(DEV_HELLO, (shown: { generation?: unknown }, client) => {
    if (shown?.generation !== plan.generation()) client.send(DEV_RELOAD, { generation: plan.generation() });
  });

  let lastChange = -Infinity;
  const dir = resolve(plan.dir);
  let shownStamp: string | undefined;
  const reloads = latestWins(
    async ({ changed, stale }) => {
      // A recheck (no change reported since the last run) of the folder as the last run that showed its
      // outcome read it: done.
      const stamp = await folderStamp(dir);
      if (changed.size === 0 && stamp === shownStamp) return;
      shownStamp = undefined;
      const check = await checkPlanFolder(plan.dir, { locale: plan.locale, keepParses: false });
      // Edited again meanwhile: the next run shows the latest state; showing this one would only cost time.
      if (stale()) return;
      // A run that starts at the first change may read a file half written: its errors are shown only by a
      // run that starts once the changes settled (the one the watcher below always asks for).
      if (hasErrors(check.diagnostics) && performance.now() - lastChange < SETTLE_MS) return;
      shownStamp = stamp;
      if (hasErrors(check.diagnostics)) return fail(plan.describe(check));
      // The same plan again (a file touched, a change undone) needs no reload — unless a failure is up.
      if (!plan.publish(check) && failure === null) return;
      failure = null;
      logger.info('plan changed — reloading');
      server.ws.send(DEV_RELOAD, { generation: plan.generation() });
    },
    (error) => fail(`ShopPlan could not reload the plan: ${String((error as Error)?.message ?? error).split('\n')[0]}`),
  );
  server.watcher.add(dir);
  // A change starts a run at once (changes during a run are gathered into the next one). The watcher
  // (chokidar) drops further changes of a file within 50 ms of one it reported, so the last write of a burst
  // may go unreported: once no change was reported for longer than that, one more run reads what such a
  // write left — and, as it finds the plan it just showed, reloads nothing.
  let settle: NodeJS.Timeout | undefined;
  server.watcher.on('all', (_event, file) => {
    if (!file.startsWith(dir + sep) || !(PLAN_FILE.test(file) || ORDER_FILE_PATTERN.test(file))) return;
    lastChange = performance.now();
    reloads.request(file);
    clearTimeout(settle);
    settle = setTimeout(() => reloads.recheck(), SETTLE_MS);
  });
  server.httpServer?.once('close', () => clearTimeout(settle));
  return reloads;
}

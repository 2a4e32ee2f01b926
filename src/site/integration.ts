// The Astro integration: runs load → validate → compute once per build and hands pages the result
// through one virtual module, `virtual:shopplan/data`. An invalid plan fails the build with the
// diagnostics. In `shopplan dev`, a change to any file of the plan folder runs the pipeline again and
// reloads the page, or shows the diagnostics and keeps the last good plan (dev/dev-server.ts).
import type { AstroIntegration } from 'astro';
import { checkPlanFolder, sourceLookup, type PlanCheck } from '../pipeline/check-plan.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatText, summaryLine } from '../diagnostics/format/text.ts';
import { siteData, siteDataKey, type SiteData } from './site-data.ts';
import { invariant } from '../model/invariant.ts';
import { setupDevServer } from './dev/dev-server.ts';
import type { SiteVersions } from '../versions/site-versions.ts';
import { ShopPlanError } from '../diagnostics/errors.ts';
import type { Locale } from '../i18n/locale.ts';

const VIRTUAL_ID = 'virtual:shopplan/data';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
/** In `shopplan dev`, the plan as published when it is imported, for a data module evaluated outside the server's process. */
const SNAPSHOT_ID = 'virtual:shopplan/data-snapshot';
const RESOLVED_SNAPSHOT_ID = `\0${SNAPSHOT_ID}`;

export interface ShopplanIntegrationOptions {
  planDir: string;
  /** A check already run by the caller (`shopplan build`), so the plan is not read twice. */
  check?: PlanCheck;
  /** Plan versions for the version switcher, versions and changes pages (`shopplan build` in a git repository). */
  versions?: SiteVersions | null;
  /** Language of the findings in the diagnostics printed by `shopplan dev` (default English). */
  locale?: Locale;
}

function renderFailure(check: PlanCheck): string {
  return `${formatText(check.diagnostics, { sourceOf: sourceLookup(check) })}\n\n${summaryLine(check.diagnostics, 'The plan')}`;
}

/**
 * In `shopplan dev` the pages read the plan published last from here, in the server's own process (Vite runs
 * the pages' modules there): a new plan is one assignment — no module to invalidate, parse again and
 * evaluate again with every module that imports it.
 */
const LIVE = Symbol.for('shopplan.dev.site-data');
interface LiveData {
  data: SiteData;
  generation: number;
  /** Sets the `generation` binding of the data module's current evaluation. */
  setGeneration?: (generation: number) => void;
}

/**
 * The dev data module: a view that always reads the latest published plan, and a live `generation`. Where the
 * module runs in another process than the server (Vitest's workers, through Astro's container API), a snapshot
 * of the plan published stands in — imported only there, so the server never serialises the whole plan (every
 * chapter rendered) for it.
 */
function liveModule(): string {
  return `const live = globalThis[Symbol.for(${JSON.stringify(LIVE.description)})] ?? (await import(${JSON.stringify(SNAPSHOT_ID)})).default;
const current = () => live.data;
export default new Proxy({}, {
  get: (_, key) => current()[key],
  has: (_, key) => key in current(),
  ownKeys: () => Reflect.ownKeys(current()),
  getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(current(), key); return d && { ...d, configurable: true }; },
});
export let generation = live.generation;
live.setGeneration = (g) => { generation = g; };`;
}

export function shopplan(options: ShopplanIntegrationOptions): AstroIntegration {
  let data = '';
  let live: LiveData | undefined;
  // The last plan `shopplan dev` published: the next one reloads the pages only if it shows something else.
  let shown: ReturnType<typeof siteDataKey> | undefined;
  return {
    name: 'shopplan',
    hooks: {
      'astro:config:setup': async ({ updateConfig, command }) => {
        const check = options.check ?? (await checkPlanFolder(options.planDir, { locale: options.locale }));
        // `astro build` run directly prints only the message: it carries the diagnostics.
        if (hasErrors(check.diagnostics)) throw new ShopPlanError('plan-invalid', renderFailure(check));
        const site = siteData(check, options.versions ?? null);
        if (command === 'dev') {
          live = { data: site, generation: 0 };
          (globalThis as Record<symbol, unknown>)[LIVE] = live;
          shown = siteDataKey(site);
        } else data = JSON.stringify(site);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'shopplan-data',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : id === SNAPSHOT_ID ? RESOLVED_SNAPSHOT_ID : undefined),
                // The data as one JSON string, not an object literal: parsing a string is the same at any plan
                // size, where a literal of the whole computed plan (about 1 MB for the example) cost seconds in
                // Vite's module parse and its inline source map. No source map: there is no source to map to.
                load: (id: string) => {
                  if (id === RESOLVED_ID) return { code: live ? liveModule() : `export default JSON.parse(${JSON.stringify(data)});\nexport const generation = 0;`, map: { mappings: '' } };
                  if (id === RESOLVED_SNAPSHOT_ID && live) return { code: `export default { data: JSON.parse(${JSON.stringify(JSON.stringify(live.data))}), generation: ${live.generation} };`, map: { mappings: '' } };
                  return undefined;
                },
              },
            ],
          },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        setupDevServer(server, logger, {
          dir: options.planDir,
          locale: options.locale,
          describe: renderFailure,
          generation: () => live?.generation ?? 0,
          publish: (check) => {
            invariant(live, 'shopplan dev publishes into the live data set up with the dev server');
            const next = siteData(check);
            const key = siteDataKey(next);
            if (shown && key.text === shown.text && key.result === shown.result) return false;
            shown = key;
            live.data = next;
            live.generation++;
            live.setGeneration?.(live.generation);
            return true;
          },
        });
      },
    },
  };
}

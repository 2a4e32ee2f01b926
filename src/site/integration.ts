// The Astro integration: runs load → validate → compute once per build and hands pages the result
// through one virtual module, `virtual:shopplan/data`. An invalid plan fails the build with the
// diagnostics. In `shopplan dev`, a change to any file of the plan folder runs the pipeline again and
// reloads the page, or shows the diagnostics and keeps the last good plan (dev/dev-server.ts).
import type { AstroIntegration } from 'astro';
import { checkPlanFolder, sourceLookup, type PlanCheck } from '../pipeline/check-plan.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatText, summaryLine } from '../diagnostics/format/text.ts';
import { siteData } from './site-data.ts';
import { setupDevServer } from './dev/dev-server.ts';
import type { SiteVersions } from '../versions/site-versions.ts';
import { ShopPlanError } from '../diagnostics/errors.ts';
import type { Locale } from '../i18n/locale.ts';

const VIRTUAL_ID = 'virtual:shopplan/data';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

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

export function shopplan(options: ShopplanIntegrationOptions): AstroIntegration {
  let data = '';
  // Counts the plans `shopplan dev` has shown; a page names the one it was rendered from (dev/dev-server.ts).
  let generation = 0;
  return {
    name: 'shopplan',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        const check = options.check ?? (await checkPlanFolder(options.planDir, { locale: options.locale }));
        // `astro build` run directly prints only the message: it carries the diagnostics.
        if (hasErrors(check.diagnostics)) throw new ShopPlanError('plan-invalid', renderFailure(check));
        data = JSON.stringify(siteData(check, options.versions ?? null));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'shopplan-data',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                // The data as one JSON string, not an object literal: parsing a string is the same at any plan
                // size, where a literal of the whole computed plan (about 1 MB for the example) cost `shopplan dev`
                // seconds per reload in Vite's module parse and its inline source map. No source map: there is
                // no source to map to.
                load: (id: string) => (id === RESOLVED_ID ? { code: `export default JSON.parse(${JSON.stringify(data)});\nexport const generation = ${generation};`, map: { mappings: '' } } : undefined),
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
          generation: () => generation,
          publish: (check) => {
            const next = JSON.stringify(siteData(check));
            if (next === data) return false;
            data = next;
            generation++;
            const module = server.moduleGraph.getModuleById(RESOLVED_ID);
            if (module) server.moduleGraph.invalidateModule(module);
            return true;
          },
        });
      },
    },
  };
}

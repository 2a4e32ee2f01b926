// The Astro integration: runs load → validate → compute once per build and hands pages the result
// through one virtual module, `virtual:shopplan/data`. An invalid plan fails the build with the diagnostics.
import type { AstroIntegration } from 'astro';
import { checkPlanFolder, type PlanCheck } from '../pipeline/check-plan.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatText, summaryLine } from '../diagnostics/format/text.ts';
import { siteData } from './site-data.ts';

const VIRTUAL_ID = 'virtual:shopplan/data';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export interface ShopplanIntegrationOptions {
  planDir: string;
  /** A check already run by the caller (`shopplan build`), so the plan is not read twice. */
  check?: PlanCheck;
}

export function shopplan(options: ShopplanIntegrationOptions): AstroIntegration {
  let check = options.check;
  return {
    name: 'shopplan',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        check ??= await checkPlanFolder(options.planDir);
        if (hasErrors(check.diagnostics)) {
          const sources = new Map([...Object.values(check.sources?.files ?? {}), ...(check.sources?.chapters ?? [])].map((s) => [s.file, s.text]));
          throw new Error(`${formatText(check.diagnostics, { sourceOf: (f) => sources.get(f) })}\n\n${summaryLine(check.diagnostics, 'The plan')}`);
        }
        const data = JSON.stringify(siteData(check));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'shopplan-data',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? `export default ${data};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}

// The print manifest: what the board page (src/site/pages/[...locale]/board.astro) says the full-plan PDF
// of its locale holds — cover facts, chapters and data sections in reading order, and the labels of the
// cover and contents in the locale. Read from `<script type="application/json" id="shopplan-print">`.
import type { Locale } from '../i18n/locale.ts';
import { ShopPlanError } from '../diagnostics/errors.ts';

export interface PrintPage {
  title: string;
  /** Site path, e.g. `/en/chapters/01-strategy/`. */
  path: string;
  /** Outline number of a data section (`1.4`). */
  outline?: string;
}

export interface PrintManifest {
  locale: Locale;
  company: string;
  title: string;
  version: string | null;
  horizon: { start: string; end: string };
  preparedBy: string;
  board: string;
  chapters: PrintPage[];
  sections: PrintPage[];
  labels: { board: string; contents: string; chapters: string; data: string; version: string; date: string; preparedBy: string; horizon: string; page: string; fullPlan: string };
}

export const MANIFEST_ID = 'shopplan-print';

/** Checks the shape of a manifest read from a page; throws with what is missing. */
export function parseManifest(json: string | null, where: string): PrintManifest {
  if (!json) throw new ShopPlanError('pdf-failed', `${where} has no print manifest (#${MANIFEST_ID}); was the site built by this version of ShopPlan?`);
  const m = JSON.parse(json) as PrintManifest;
  for (const key of ['locale', 'company', 'title', 'chapters', 'sections', 'labels'] as const) {
    if (m[key] === undefined) throw new ShopPlanError('pdf-failed', `The print manifest of ${where} has no "${key}".`);
  }
  return m;
}

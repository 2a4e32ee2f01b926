// The HTML that the PDF adds to the site's own pages: the cover, the table of contents, the running header
// of each part and the sheet of page numbers stamped onto the merged plan. Cover and contents are shown in
// a page of the built site (so they use its stylesheet and its self-hosted Noto Sans SC).
import type { PrintManifest } from './manifest.ts';
import { escapeHtml } from '../model/escape-html.ts';

/** The origin of the TOC's links; the merged PDF turns `<LINK_ORIGIN>/part/<n>` into a jump to part n. */
export const LINK_ORIGIN = 'https://shopplan.invalid';
export const partLink = (index: number) => `${LINK_ORIGIN}/part/${index}`;
export function partOfLink(uri: string): number | undefined {
  const m = /^https:\/\/shopplan\.invalid\/part\/(\d+)$/.exec(uri);
  return m ? Number(m[1]) : undefined;
}

/** Millimetres of paper around the content of the full plan's pages: room for the header and the page number. */
export const PLAN_MARGIN = { top: 20, right: 14, bottom: 16, left: 14 } as const;
export const BOARD_MARGIN = { top: 11, right: 12, bottom: 10, left: 12 } as const;
export type Margin = { top: number; right: number; bottom: number; left: number };

export const mm = (margin: Margin) => ({ top: `${margin.top}mm`, right: `${margin.right}mm`, bottom: `${margin.bottom}mm`, left: `${margin.left}mm` });
export const pageRule = (margin: Margin) => `@page { size: A4; margin: ${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm; }`;

export interface CoverFacts {
  /** Already formatted in the locale, or null when the plan's date is unknown. */
  date: string | null;
}

export function coverHtml(m: PrintManifest, facts: CoverFacts): { css: string; body: string } {
  const rows: Array<[string, string]> = [];
  if (m.version) rows.push([m.labels.version, m.version]);
  if (facts.date) rows.push([m.labels.date, facts.date]);
  rows.push([m.labels.horizon, `${m.horizon.start} – ${m.horizon.end}`]);
  if (m.preparedBy) rows.push([m.labels.preparedBy, m.preparedBy]);
  const css = `
    ${pageRule({ top: 0, right: 0, bottom: 0, left: 0 })}
    html, body { margin: 0; padding: 0; background: #fff; }
    .pdf-cover { height: 296mm; display: flex; flex-direction: column; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    .pdf-cover .band { background: var(--accent, #1f6a48); color: #fff; padding: 62mm 22mm 16mm; }
    .pdf-cover .company { font-size: 15pt; font-weight: 700; letter-spacing: .04em; margin: 0 0 9mm; opacity: .92; }
    .pdf-cover h1 { font-size: 27pt; line-height: 1.3; margin: 0; font-weight: 700; border: 0; }
    .pdf-cover .kind { font-size: 12pt; margin: 6mm 0 0; opacity: .85; }
    .pdf-cover dl { margin: 20mm 22mm 0; display: grid; grid-template-columns: max-content 1fr; gap: 4mm 10mm; font-size: 11.5pt; }
    .pdf-cover dt { color: var(--muted, #4f5e55); }
    .pdf-cover dd { margin: 0; font-weight: 700; font-variant-numeric: tabular-nums; }
    .pdf-cover .made { margin: auto 22mm 16mm; font-size: 8.5pt; color: var(--muted, #4f5e55); border-top: 0.5pt solid var(--line, #d5dfd8); padding-top: 3mm; }
  `;
  const body = `
    <div class="pdf-cover">
      <div class="band">
        <p class="company">${escapeHtml(m.company)}</p>
        <h1>${escapeHtml(m.title)}</h1>
        <p class="kind">${escapeHtml(m.labels.fullPlan)}</p>
      </div>
      <dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
      <p class="made">ShopPlan</p>
    </div>`;
  return { css, body };
}

export interface TocEntry {
  title: string;
  outline?: string;
  /** Index of the part in the merged document (its link target). */
  part: number;
  /** The page number shown; a placeholder of the same width on the first pass. */
  page: string;
  group: 'chapters' | 'data';
}

export function tocHtml(m: PrintManifest, entries: TocEntry[]): { css: string; body: string } {
  const css = `
    ${pageRule(PLAN_MARGIN)}
    html, body { margin: 0; padding: 0; background: #fff; }
    .pdf-toc h1 { font-size: 20pt; margin: 0 0 4mm; border: 0; }
    .pdf-toc h2 { font-size: 12pt; margin: 5mm 0 1.5mm; padding-bottom: 1mm; border-bottom: 1pt solid var(--line, #d5dfd8); break-after: avoid; }
    .pdf-toc ol { list-style: none; margin: 0; padding: 0; }
    .pdf-toc li { break-inside: avoid; }
    .pdf-toc a { display: flex; align-items: baseline; gap: 2mm; padding: 1.1mm 0; color: var(--ink, #1b2620); text-decoration: none; font-size: 10.5pt; line-height: 1.45; }
    .pdf-toc .o { color: var(--muted, #4f5e55); font-size: 9pt; flex: 0 0 18mm; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .pdf-toc .dots { flex: 1; border-bottom: 1pt dotted #9aa9a0; transform: translateY(-1mm); min-width: 8mm; }
    .pdf-toc .n { font-variant-numeric: tabular-nums; min-width: 8mm; text-align: right; }
  `;
  const group = (g: TocEntry['group'], label: string) => {
    const list = entries.filter((e) => e.group === g);
    if (!list.length) return '';
    return `<h2>${escapeHtml(label)}</h2><ol>${list
      .map((e) => `<li><a href="${partLink(e.part)}">${e.outline !== undefined ? `<span class="o">${escapeHtml(e.outline)}</span>` : ''}<span class="t">${escapeHtml(e.title)}</span><span class="dots"></span><span class="n">${escapeHtml(e.page)}</span></a></li>`)
      .join('')}</ol>`;
  };
  const body = `<div class="pdf-toc"><h1>${escapeHtml(m.labels.contents)}</h1>${group('chapters', m.labels.chapters)}${group('data', m.labels.data)}</div>`;
  return { css, body };
}

export interface OverlayPage {
  /** Running header: the plan on the left, the part (chapter, section) on the right. */
  left: string;
  right: string;
  /** `x / y`. */
  number: string;
}

/**
 * One transparent A4 page per page of the merged plan (cover excluded) with its running header and its page
 * number, drawn over that page. Not Chromium's header/footer templates: those cannot use the site's web
 * font, and the system CJK font they fall back to is embedded as hundreds of Type 3 fonts.
 */
export function overlayHtml(pages: OverlayPage[], margin: Margin = PLAN_MARGIN): { css: string; body: string } {
  const css = `
    ${pageRule({ top: 0, right: 0, bottom: 0, left: 0 })}
    html, body { margin: 0; padding: 0; background: transparent !important; }
    .pdf-ov { height: 296.5mm; position: relative; break-after: page; overflow: hidden; color: var(--muted, #4f5e55); }
    .pdf-ov:last-child { break-after: auto; }
    .pdf-ov header { position: absolute; left: ${margin.left}mm; right: ${margin.right}mm; top: 8mm; display: flex; justify-content: space-between; gap: 8mm;
      font-size: 7.5pt; line-height: 1.3; padding-bottom: 1.2mm; border-bottom: 0.5pt solid var(--line, #d5dfd8); }
    .pdf-ov header span:first-child { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .pdf-ov header b { white-space: nowrap; color: var(--ink, #1b2620); }
    .pdf-ov footer { position: absolute; left: ${margin.left}mm; right: ${margin.right}mm; bottom: 7mm; text-align: center; font-size: 8pt; font-variant-numeric: tabular-nums; }
  `;
  const body = pages
    .map((p) => `<div class="pdf-ov"><header><span>${escapeHtml(p.left)}</span><b>${escapeHtml(p.right)}</b></header><footer>${escapeHtml(p.number)}</footer></div>`)
    .join('');
  return { css, body };
}

// The HTML and CSS the PDF adds to the site's own pages: the cover, the table of contents, and the page
// rules (paper, margins, running header, "x / y") of the full plan, all printed in the same document as
// the chapters and sections so the plan embeds one set of font subsets.
import type { PrintManifest } from './manifest.ts';
import { escapeHtml } from '../model/escape-html.ts';

/** A CSS string literal: margin boxes take their text from `content`. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]+/g, ' ')}"`;
}

/** Millimetres of paper around the content of the full plan's pages: room for the header and the page number. */
export const PLAN_MARGIN = { top: 20, right: 14, bottom: 16, left: 14 } as const;
export const BOARD_MARGIN = { top: 11, right: 12, bottom: 10, left: 12 } as const;
export type Margin = { top: number; right: number; bottom: number; left: number };

/** ISO A4 in millimetres. */
export const A4_MM = { width: 210, height: 297 } as const;
const MM_PER_INCH = 25.4;
const CSS_PX_PER_INCH = 96;
export const mmToPx = (mm: number) => (mm / MM_PER_INCH) * CSS_PX_PER_INCH;

/** The width, in CSS pixels, text has on a portrait and on a landscape page of the full plan, and its height on a portrait one. */
export const CONTENT_WIDTH = {
  portrait: mmToPx(A4_MM.width - PLAN_MARGIN.left - PLAN_MARGIN.right),
  landscape: mmToPx(A4_MM.height - PLAN_MARGIN.left - PLAN_MARGIN.right),
} as const;
export const CONTENT_HEIGHT = mmToPx(A4_MM.height - PLAN_MARGIN.top - PLAN_MARGIN.bottom);

const margin = (m: Margin) => `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`;
export const pageRule = (m: Margin) => `@page { size: ${A4_MM.width}mm ${A4_MM.height}mm; margin: ${margin(m)}; }`;

/** A part of the full plan (a chapter or a data section) as printed: its anchor and its CSS page name. */
export interface PrintPart {
  /** Element id of the part in the printed document, and the TOC's link target: `part-<n>`. */
  id: string;
  /** Named page (`@page <page>`) of its portrait pages; `<page>-wide` for its landscape ones. */
  page: string;
  title: string;
}

export const partId = (index: number) => `part-${index + 1}`;
export const WIDE = '-wide';

/**
 * The page rules of the full plan: A4 portrait, the cover without margins, landscape pages for the wide
 * tables of each part (named pages `part-<n>` and `part-<n>-wide`), and the classes of the table fitting.
 */
export function planPageCss(parts: PrintPart[]): string {
  return [
    `@page { size: ${A4_MM.width}mm ${A4_MM.height}mm; margin: ${margin(PLAN_MARGIN)}; }`,
    `@page cover { margin: 0; }`,
    ...parts.map((p) => `@page ${p.page}${WIDE} { size: ${A4_MM.height}mm ${A4_MM.width}mm; }`),
    `.pdf-cover { page: cover; } .pdf-toc { page: contents; }`,
    // Wide tables (src/pdf/fit-tables.ts): smaller type, a landscape page, pieces by columns, and as a last
    // resort cells that wrap.
    `.pdf-wide { break-before: page; break-after: page; }`,
    `table.pdf-compact { font-size: 8pt; } table.pdf-compact :is(th, td) { padding: 1mm 1.4mm; }`,
    `table.pdf-wrap :is(th, td) { white-space: normal !important; overflow-wrap: anywhere; }`,
    `table.pdf-long { break-inside: auto !important; }`,
  ].join('\n');
}

/**
 * The running header — plan and version on the left, the part's title on the right — and "x / y" at the
 * foot, drawn by Chromium in the page margins with the document's own font; none on the cover. Added after the
 * tables are fitted: they change nothing inside the pages.
 */
export function planMarginCss(m: PrintManifest, parts: PrintPart[]): string {
  const running = [m.title, m.version].filter(Boolean).join(' · ');
  const box = `font-family: 'Noto Sans SC', sans-serif; font-size: 7.5pt; line-height: 1.3; color: #4f5e55; vertical-align: bottom; padding-bottom: 1.2mm; border-bottom: 0.5pt solid #d5dfd8; margin-bottom: 3.5mm;`;
  const titled = (page: string, title: string) => `@page ${page} { @top-right { content: ${cssString(title)}; } }`;
  return [
    `@page {
      @top-left { content: ${cssString(running)}; ${box} white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      @top-right { ${box} color: #1b2620; font-weight: 700; white-space: nowrap; }
      @bottom-center { content: counter(page) " / " counter(pages); font-family: 'Noto Sans SC', sans-serif; font-size: 8pt; color: #4f5e55; vertical-align: top; padding-top: 6mm; }
    }`,
    `@page cover { @top-left { content: none; border: none; } @top-right { content: none; border: none; } @bottom-center { content: none; } }`,
    titled('contents', m.labels.contents),
    ...parts.flatMap((p) => [titled(p.page, p.title), titled(`${p.page}${WIDE}`, p.title)]),
  ].join('\n');
}

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
    .pdf-cover { height: ${A4_MM.height - 1}mm; display: flex; flex-direction: column; break-after: page; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
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
  /** Element id of the part (its link target). */
  target: string;
  /** The page number shown; a placeholder of the same width until the pages are known. */
  page: string;
  group: 'chapters' | 'data';
}

export function tocHtml(m: PrintManifest, entries: TocEntry[]): { css: string; body: string } {
  const css = `
    .pdf-toc { break-after: page; }
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
      .map((e) => `<li><a href="#${escapeHtml(e.target)}">${e.outline !== undefined ? `<span class="o">${escapeHtml(e.outline)}</span>` : ''}<span class="t">${escapeHtml(e.title)}</span><span class="dots"></span><span class="n" data-target="${escapeHtml(e.target)}">${escapeHtml(e.page)}</span></a></li>`)
      .join('')}</ol>`;
  };
  const body = `<nav class="pdf-toc" aria-label="${escapeHtml(m.labels.contents)}"><h1>${escapeHtml(m.labels.contents)}</h1>${group('chapters', m.labels.chapters)}${group('data', m.labels.data)}</nav>`;
  return { css, body };
}

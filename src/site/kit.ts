// Types of the page kit (src/site/components): what a page hands a data table, a stat tile or a status pill.
// Pages pass facts and words from the catalog; the components choose markup and number style.
import type { ColumnFormat } from '../i18n/table-format.ts';
import type { ValueUnit } from '../i18n/format.ts';
import type { Explanation } from '../model/result/explanation.ts';
import { textWidth } from '../i18n/text-width.ts';

/** A traffic-light status, as targets, KPIs and findings have it; `info` for a neutral note. */
export type Status = 'green' | 'amber' | 'red' | 'info';

/** One column of a data table: the row field it shows, its header (from the catalog) and its number style. */
export interface Column {
  key: string;
  label: string;
  /** How the column's cells read (table-format.ts); `text` by default. */
  format?: ColumnFormat;
  /** Shade each figure by its size against the largest figure of all heat columns (a heat map read as a table). */
  heat?: boolean;
}

/** A piece of a cell's text, a link when it has `href`. */
export interface TextPart {
  text: string;
  href?: string;
}

/** A cell with more than its value: a link, a status pill, muted lines, a unit of its own, or its explanation. */
export interface RichCell {
  /** A number formatted by the column (or by `unit`), or text. */
  value?: number | string | null;
  /** Text with links inside, shown instead of `value` (a formula whose terms link to their definitions). */
  parts?: readonly TextPart[];
  /** The unit of this cell's number when its row differs from its column (a table of KPIs of many units). */
  unit?: ValueUnit;
  href?: string;
  /** Shown as a status pill with the cell's text. */
  status?: Status;
  /** A second, muted line, or several (a definition, then its source). */
  sub?: string | readonly string[];
  /** "How is this calculated" under the cell's text (Explain): a KPI's formula and inputs beside its name. */
  explain?: Explanation;
  /** The language of the cell's text when it is not the page's (a name the plan gives in one language only). */
  lang?: string;
  /** A tooltip: where the figure comes from, for the people who edit the plan (file:line · plan path). */
  title?: string;
  /** The text is a code from the data with no name (an SKU the plan does not list): in no language, not translated. */
  code?: boolean;
}

export type Cell = number | string | null | undefined | RichCell;

export interface Row {
  cells: Readonly<Record<string, Cell>>;
  /** Anchor of the row (a link from a finding or a chart lands on it). */
  id?: string;
  /** Emphasis of the row: a subtotal, the grand total, or an indented detail line. */
  kind?: 'subtotal' | 'grand' | 'detail';
  /** Starts a group of rows under this heading (a row across the table). */
  group?: string;
  /**
   * A line under the row across the table (its text, muted lines and "how is this calculated"): text that needs
   * the table's width, where the narrow sticky row header would stack it a few words a line on a phone.
   */
  note?: RichCell;
}

export function isRichCell(cell: Cell): cell is RichCell {
  return typeof cell === 'object' && cell !== null;
}

/** One line (or bar series) of a monthly chart: a figure per month of the plan; a month without one draws as 0. */
export interface MonthlySeries {
  label: string;
  values: Readonly<Record<string, number | undefined>> | undefined;
  /** Drawn as a line over the bars of a bar chart. */
  line?: boolean;
}

/** One series of a chart. */
export interface ChartDataset {
  label: string;
  data: number[];
  /** Drawn as a line on a bar chart (e.g. target over bars). */
  line?: boolean;
}

/** What a chart shows (the Chart component adds the page's locale and currency). */
export interface ChartSpec {
  title: string;
  type: 'line' | 'bar' | 'stacked' | 'radar' | 'doughnut' | 'horizontal';
  labels: string[];
  datasets: ChartDataset[];
  unit: 'money' | 'count' | 'rate' | 'number';
  /** Header of the labels column of the data table (Month, Channel …). */
  labelsTitle?: string;
}

/** What a data table shows (the DataTable component adds the page's locale and currency). */
export interface TableSpec {
  caption: string;
  /** Where the caption links to: what the table is about (a KPI's table of months, to the KPI's definition). */
  captionHref?: string;
  columns: readonly Column[];
  rows: readonly Row[];
  /** Cells of a totals row; its first column reads "Total" unless given. */
  totals?: Readonly<Record<string, Cell>>;
  /** Denser type for wide tables (a month per column). */
  dense?: boolean;
}

/** What a chart of figures by month shows (MonthlyChart adds the locale, the plan's months and its currency). */
export interface MonthlyChartSpec {
  title: string;
  series: readonly MonthlySeries[];
  unit: ChartSpec['unit'];
  /** Lines by default; bars, or bars stacked (a total by its parts). */
  type?: 'line' | 'bar' | 'stacked';
}

/**
 * The width (in Latin letters, i18n/text-width.ts) that holds a text in two lines. Lines break between words, and a
 * line ends before a word that does not fit, so the first line holds at least the width less the longest word: half
 * of the text and the longest word is enough (a wide character, 龙, is a word of its own), plus a space and a letter
 * for proportional type. Tables size text columns on a phone by it.
 */
export function twoLineWidth(text: string): number {
  let longestWord = 0;
  let word = 0;
  for (const char of text) {
    const width = textWidth(char);
    if (width === 2 || /\s/.test(char)) {
      longestWord = Math.max(longestWord, word, width === 2 ? 2 : 0);
      word = 0;
    } else word += width;
  }
  return Math.ceil((textWidth(text) + Math.max(longestWord, word)) / 2) + 2;
}

/** The width (in Latin letters, i18n/text-width.ts) that holds a text in one line, with twoLineWidth's room for proportional type. */
export function oneLineWidth(text: string): number {
  return textWidth(text) + 2;
}

// The computed charts and tables a chapter may place where its argument needs them: `::chart{series=…}` and
// `::table{of=…}`. Names are stable (plans cite them); validation checks them, the site draws them with the
// page kit (src/site/figures), and docs/chapters.md lists them (generated from here).

export const FIGURE_KINDS = ['chart', 'table'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export interface FigureInfo {
  /** What it shows, for docs/chapters.md. */
  shows: string;
  /** The data page that shows the same figure, for docs/chapters.md. */
  page: string;
}

export const CHAPTER_CHARTS = {
  'gmv-by-channel': { shows: 'GMV per month, stacked by sales channel, with the GMV target as a line.', page: 'Dashboard' },
  'gmv-by-month': { shows: 'GMV per month of all channels (promotions included) against the GMV target.', page: 'Targets' },
  'profit-by-month': { shows: 'Operating profit per month.', page: 'Dashboard' },
  'profit-cumulative': { shows: 'Operating profit added up month by month: where the plan breaks even.', page: 'Profit and loss' },
  'stock-by-month': { shows: 'Projected capital tied up in stock at each month’s end, at cost.', page: 'Supply and inventory' },
} as const satisfies Record<string, FigureInfo>;

export const CHAPTER_TABLES = {
  'pnl-by-quarter': { shows: 'The P&L statement by quarter and for the year, from GMV to operating profit.', page: 'Profit and loss' },
  targets: { shows: 'Each core target: baseline, target, growth, projection, gap and status.', page: 'Targets' },
  'channel-funnel': { shows: 'Per sales channel over the plan: visitors, orders, GMV, AOV and new customers, with the total.', page: 'Channels and funnel' },
  'channel-costs': { shows: 'Per sales channel over the plan: refunds, net revenue, platform and payment fees and fulfilment, with the total.', page: 'Channels and funnel' },
} as const satisfies Record<string, FigureInfo>;

export type ChartName = keyof typeof CHAPTER_CHARTS;
export type TableName = keyof typeof CHAPTER_TABLES;

/** Per directive: the attribute that names the figure, and the names it may take. */
export const FIGURE_DIRECTIVES = {
  chart: { attribute: 'series', names: CHAPTER_CHARTS },
  table: { attribute: 'of', names: CHAPTER_TABLES },
} as const satisfies Record<FigureKind, { attribute: string; names: Record<string, FigureInfo> }>;

export function isFigureKind(name: string): name is FigureKind {
  return (FIGURE_KINDS as readonly string[]).includes(name);
}

/** A placed figure: `::chart{series=gmv-by-channel}` is `{ kind: 'chart', name: 'gmv-by-channel' }`. */
export type FigureRef = { kind: 'chart'; name: ChartName } | { kind: 'table'; name: TableName };

/** The figure a directive's attributes name, if they name a known one. */
export function figureRef(kind: FigureKind, attributes: Readonly<Record<string, string>>): FigureRef | undefined {
  const { attribute, names } = FIGURE_DIRECTIVES[kind];
  const name = attributes[attribute];
  if (name === undefined || !Object.hasOwn(names, name)) return undefined;
  return { kind, name } as FigureRef;
}

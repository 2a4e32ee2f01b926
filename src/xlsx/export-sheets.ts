// What `shopplan export --xlsx` writes: one sheet per plan area, each a table of rows and columns taken from
// the computed plan. A sheet or a column is one entry here; the writer (write-workbook.ts) knows nothing of
// plans. Values are the engine's, unrounded; formats say how Excel shows them.
import type { PlanInput, Text } from '../model/plan-input.generated.ts';
import type { PlanResult } from '../model/result/plan-result.ts';
import type { Series } from '../model/result/series.ts';
import { PNL_LINES, type PnlLine, type PnlLineKey } from '../model/result/pnl.ts';
import { FUNNEL_KEYS, MONEY_KEYS, type FunnelKey } from '../model/result/funnel.ts';
import { t } from '../i18n/catalog.ts';
import type { ExportLabel } from '../i18n/messages/export.ts';
import type { Locale } from '../i18n/locale.ts';
import { entryFields, type Field } from '../validate/schema-fields.ts';

/** How Excel shows a number: `money` ¥1,234, `price` ¥12.50, `percent` 3.5%, `count` 1,234, `ratio` 2.35. */
export type Format = 'money' | 'price' | 'percent' | 'count' | 'ratio' | 'number' | 'text';

export type CellOut = string | number | boolean | null | undefined;

export interface ExportContext {
  result: PlanResult;
  input: PlanInput;
  locale: Locale;
  /** A label of the export in the sheet's language. */
  l(key: ExportLabel, vars?: Record<string, string>): string;
  /** Plan text in the sheet's language (falling back to the plan's first language). */
  text(text: Text | undefined | null): string;
}

export interface Column<R> {
  header: string;
  /** A format for the whole column, or per row (a P&L line in ¥, a KPI in %). */
  format: Format | ((row: R) => Format);
  value(row: R): CellOut;
}

export interface SheetSpec<R> {
  key: string;
  title: ExportLabel;
  rows(ctx: ExportContext): R[];
  columns(ctx: ExportContext, rows: R[]): Column<R>[];
}

/** A sheet ready for the writer. */
export interface Table {
  name: string;
  columns: Array<{ header: string }>;
  rows: Array<Array<{ value: CellOut; format: Format }>>;
}

const col = <R>(header: string, format: Column<R>['format'], value: (row: R) => CellOut): Column<R> => ({ header, format, value });

/** One column per month of the horizon, then the total (or none, for levels like headcount). */
function periodColumns<R>(periods: readonly string[], format: Column<R>['format'], of: (row: R) => Series | Record<string, number> | undefined | null, total?: { header: string; value: (row: R) => CellOut }): Column<R>[] {
  return [...periods.map((p) => col<R>(p, format, (row) => of(row)?.[p])), ...(total ? [col<R>(total.header, format, total.value)] : [])];
}

type Sku = NonNullable<NonNullable<PlanInput['products']>['skus']>[number];
type KpiRow = { id: string; month: string };
type OrgLine = { label: string; series: Series; format: Format; total: boolean };
type FunnelRow = { channel: string; key: FunnelKey };

const sum = (s: Series | undefined) => (s ? Object.values(s).reduce((a, b) => a + b, 0) : undefined);

const KPI_FORMATS: Record<string, Format> = { yuan: 'money', count: 'count', rate: 'percent', ratio: 'ratio' };

/** The P&L, one row per line, one column per period (months or quarters) and the total. */
function pnlSheet(key: string, title: ExportLabel, periods: (r: PlanResult) => [readonly string[], Record<string, PnlLine>]): SheetSpec<unknown> {
  return sheet<PnlLineKey>({
    key,
    title,
    rows: () => [...PNL_LINES],
    columns: (ctx) => {
      const [keys, lines] = periods(ctx.result);
      return [
        col<PnlLineKey>(ctx.l('col.line'), 'text', (k) => t(ctx.locale, `label.pnl.${k}`)),
        ...periodColumns<PnlLineKey>(keys, 'money', (k) => Object.fromEntries(keys.map((p) => [p, lines[p]?.[k] ?? 0])), { header: ctx.l('col.total'), value: (k) => ctx.result.pnl.total[k] }),
      ];
    },
  });
}

/** A sheet of any row type in the one list (rows only ever meet their own columns). */
const sheet = <R>(spec: SheetSpec<R>): SheetSpec<unknown> => spec as unknown as SheetSpec<unknown>;

export const SHEETS: readonly SheetSpec<unknown>[] = [
  sheet({
    key: 'targets',
    title: 'sheet.targets',
    rows: ({ result }) => Object.values(result.targets),
    columns: (ctx) => {
      const names = new Map((ctx.input.targets?.targets ?? []).map((t) => [t.id, t.name]));
      const fmt = (t: PlanResult['targets'][string]): Format => (t.unit === 'money' ? 'money' : t.unit === 'rate' ? 'percent' : 'count');
      type T = PlanResult['targets'][string];
      return [
        col<T>(ctx.l('col.target'), 'text', (t) => ctx.text(names.get(t.id)) || t.id),
        col<T>(ctx.l('col.value'), fmt, (t) => t.value),
        col<T>(ctx.l('col.baseline'), fmt, (t) => t.baseline),
        col<T>(ctx.l('col.growth'), 'percent', (t) => t.growth),
        col<T>(ctx.l('col.deadline'), 'text', (t) => t.deadline),
        ...periodColumns<T>(ctx.result.meta.horizon.months, fmt, (t) => t.monthly),
        ...periodColumns<T>(ctx.result.meta.quarters, fmt, (t) => t.quarterly),
      ];
    },
  }),
  pnlSheet('pnl-months', 'sheet.pnlMonths', (r) => [r.meta.horizon.months, r.pnl.months]),
  pnlSheet('pnl-quarters', 'sheet.pnlQuarters', (r) => [r.meta.quarters, r.pnl.quarters]),
  sheet({
    key: 'funnels',
    title: 'sheet.funnels',
    rows: ({ result }) => Object.keys(result.channels).flatMap((channel) => FUNNEL_KEYS.map((key) => ({ channel, key }))),
    columns: (ctx) => {
      const ch = (r: FunnelRow) => ctx.result.channels[r.channel]!;
      const fmt = (r: FunnelRow): Format => (MONEY_KEYS.has(r.key) ? 'money' : 'count');
      return [
        col<FunnelRow>(ctx.l('col.channel'), 'text', (r) => ctx.text(ch(r).name) || r.channel),
        col<FunnelRow>(ctx.l('col.metric'), 'text', (r) => t(ctx.locale, `label.funnel.${r.key}`)),
        ...periodColumns<FunnelRow>(ctx.result.meta.horizon.months, fmt, (r) => ch(r)[r.key], { header: ctx.l('col.total'), value: (r) => ch(r).totals[r.key] }),
      ];
    },
  }),
  sheet({
    key: 'skus',
    title: 'sheet.skus',
    rows: ({ input }) => input.products?.skus ?? [],
    columns: (ctx, rows) => {
      const sku = (s: Sku) => ctx.result.products.skus[s.id];
      const yesNo = (b: boolean | undefined) => (b === undefined ? undefined : ctx.l(b ? 'value.yes' : 'value.no'));
      return [
        ...inputColumns<Sku>(ctx, 'products', 'skus', rows),
        col<Sku>(ctx.l('col.price'), 'price', (s) => sku(s)?.price),
        col<Sku>(ctx.l('col.unitMargin'), 'price', (s) => sku(s)?.unitMargin),
        col<Sku>(ctx.l('col.marginRate'), 'percent', (s) => sku(s)?.marginRate),
        col<Sku>(ctx.l('col.score'), 'ratio', (s) => sku(s)?.score),
        col<Sku>(ctx.l('col.rank'), 'count', (s) => sku(s)?.rank),
        col<Sku>(ctx.l('col.units'), 'count', (s) => sum(sku(s)?.units)),
        col<Sku>(ctx.l('col.gmv'), 'money', (s) => sum(sku(s)?.gmv)),
        col<Sku>(ctx.l('col.slowSeller'), 'text', (s) => yesNo(sku(s)?.slowSeller)),
      ];
    },
  }),
  sheet({
    key: 'marketing',
    title: 'sheet.marketing',
    rows: ({ result }) => Object.values(result.marketing.channels),
    columns: (ctx) => {
      type M = PlanResult['marketing']['channels'][string];
      const names = new Map((ctx.input.marketing?.channels ?? []).map((c) => [c.id, c.name]));
      return [
        col<M>(ctx.l('col.marketingChannel'), 'text', (m) => ctx.text(names.get(m.id)) || m.id),
        col<M>(ctx.l('col.spend'), 'money', (m) => m.totals.spend),
        col<M>(ctx.l('col.clicks'), 'count', (m) => m.totals.clicks),
        col<M>(ctx.l('col.orders'), 'count', (m) => m.totals.orders),
        col<M>(ctx.l('col.gmv'), 'money', (m) => m.totals.gmv),
        col<M>(ctx.l('col.newCustomers'), 'count', (m) => m.totals.newCustomers),
        col<M>(ctx.l('col.cac'), 'price', (m) => m.cac),
        col<M>(ctx.l('col.roas'), 'ratio', (m) => m.roas),
        col<M>(ctx.l('col.roi'), 'percent', (m) => m.roi),
        col<M>(ctx.l('col.ltv'), 'price', (m) => m.ltv),
        col<M>(ctx.l('col.ltvCac'), 'ratio', (m) => m.ltvCac),
        col<M>(ctx.l('col.payback'), 'ratio', (m) => m.paybackMonths),
        ...periodColumns<M>(ctx.result.meta.horizon.months, 'money', (m) => m.spend).map((c) => ({ ...c, header: `${ctx.l('col.spendIn')} ${c.header}` })),
      ];
    },
  }),
  sheet({
    key: 'org',
    title: 'sheet.org',
    rows: (ctx) => {
      const { org } = ctx.result;
      if (!(ctx.input.org?.roles ?? []).length) return [];
      const teams = new Map((ctx.input.org?.teams ?? []).map((t) => [t.id, t.name]));
      const line = (key: ExportLabel, series: Series, format: Format = 'money', total = true): OrgLine => ({ label: ctx.l(key), series, format, total });
      return [
        line('org.headcount', org.headcount, 'count', false),
        ...Object.entries(org.byTeam).map(([id, series]) => ({ label: ctx.l('org.headcountOf', { name: ctx.text(teams.get(id)) || id }), series, format: 'count' as const, total: false })),
        line('org.salary', org.salary),
        line('org.socialInsurance', org.socialInsurance),
        line('org.bonus', org.bonus),
        line('org.payroll', org.payroll),
        line('org.training', org.training),
        line('org.incentiveCost', org.incentiveCost),
      ];
    },
    columns: (ctx) => [
      col<OrgLine>(ctx.l('col.line'), 'text', (r) => r.label),
      ...periodColumns<OrgLine>(ctx.result.meta.horizon.months, (r) => r.format, (r) => r.series, { header: ctx.l('col.total'), value: (r) => (r.total ? sum(r.series) : undefined) }),
    ],
  }),
  sheet({
    key: 'kpis',
    title: 'sheet.kpis',
    rows: ({ result }) => Object.values(result.kpis).flatMap((k) => result.meta.horizon.months.filter((m) => k.targetMonthly?.[m] !== undefined || k.projected?.[m] !== undefined || k.actual?.[m] !== undefined).map((month) => ({ id: k.id, month }))),
    columns: (ctx) => {
      const kpi = (r: KpiRow) => ctx.result.kpis[r.id]!;
      const fmt = (r: KpiRow): Format => KPI_FORMATS[kpi(r).unit] ?? 'number';
      const status = (r: KpiRow) => kpi(r).variance?.[r.month]?.status;
      return [
        col<KpiRow>(ctx.l('col.kpi'), 'text', (r) => ctx.text(kpi(r).name) || r.id),
        col<KpiRow>(ctx.l('col.month'), 'text', (r) => r.month),
        col<KpiRow>(ctx.l('col.kpiTarget'), fmt, (r) => kpi(r).targetMonthly?.[r.month]),
        col<KpiRow>(ctx.l('col.projected'), fmt, (r) => kpi(r).projected?.[r.month]),
        col<KpiRow>(ctx.l('col.actual'), fmt, (r) => kpi(r).actual?.[r.month]),
        col<KpiRow>(ctx.l('col.delta'), fmt, (r) => kpi(r).variance?.[r.month]?.delta),
        col<KpiRow>(ctx.l('col.attainment'), 'percent', (r) => kpi(r).variance?.[r.month]?.attainment),
        col<KpiRow>(ctx.l('col.status'), 'text', (r) => (status(r) ? ctx.l(`status.${status(r)!}`) : undefined)),
      ];
    },
  }),
];

/**
 * The plan's own fields of a list, one column per field as `shopplan import` reads them back: texts once per
 * plan language (`商品名称（中文）`), maps once per key (`选品评分.margin`), lists of ids joined by commas.
 * Columns no row fills are left out.
 */
export function inputColumns<R extends object>(ctx: ExportContext, file: string, list: string, rows: readonly R[]): Column<R>[] {
  const entry = entryFields(file, list);
  const locales = ctx.result.meta.locales.length ? ctx.result.meta.locales : ['zh-CN'];
  const title = (f: { title: Field['title'] }) => (ctx.locale === 'zh-CN' ? (f.title['zh-CN'] ?? f.title.en) : f.title.en);
  const get = (row: R, path: readonly string[]): unknown => path.reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), row);
  const out: Column<R>[] = [];
  for (const f of entry.fields) {
    if (f.kind === 'text' || f.kind === 'textList') {
      for (const locale of locales) {
        const pick = (v: unknown) => (typeof v === 'string' ? (locale === locales[0] ? v : undefined) : (v as Record<string, string> | undefined)?.[locale]);
        out.push(col<R>(`${title(f)}${localeSuffix(ctx, locale)}`, 'text', (row) => {
          const v = get(row, f.path);
          return f.kind === 'text' ? pick(v) : Array.isArray(v) ? v.map(pick).filter((x) => x !== undefined).join('\n') || undefined : undefined;
        }));
      }
      continue;
    }
    out.push(col<R>(title(f), FIELD_FORMATS[f.kind], (row) => {
      const v = get(row, f.path);
      return Array.isArray(v) ? v.join(', ') : (v as CellOut);
    }));
  }
  for (const f of entry.keyed) {
    const keys = [...new Set(rows.flatMap((row) => Object.keys((get(row, f.path) as Record<string, unknown> | undefined) ?? {})))].sort();
    for (const key of keys) out.push(col<R>(`${title(f)}.${key}`, FIELD_FORMATS[f.value], (row) => (get(row, [...f.path, key]) as CellOut)));
  }
  return out.filter((c, i) => i === 0 || rows.some((row) => c.value(row) !== undefined));
}

function localeSuffix(ctx: ExportContext, locale: string): string {
  const name = locale === 'zh-CN' || locale === 'en' ? ctx.l(`locale.${locale}`) : locale;
  return ctx.locale === 'zh-CN' ? `（${name}）` : ` (${name})`;
}

const FIELD_FORMATS: Record<Field['kind'], Format> = {
  id: 'text', string: 'text', text: 'text', textList: 'text', idList: 'text', enum: 'text', month: 'text', date: 'text', boolean: 'text',
  money: 'price', rate: 'percent', integer: 'count', number: 'number',
};

/** The sheets of a plan, in order; areas the plan leaves out give no sheet. */
export function buildTables(ctx: ExportContext): Table[] {
  const tables: Table[] = [];
  for (const spec of SHEETS) {
    const rows = spec.rows(ctx);
    if (!rows.length) continue;
    const columns = spec.columns(ctx, rows);
    tables.push({
      name: ctx.l(spec.title),
      columns: columns.map((c) => ({ header: c.header })),
      rows: rows.map((row) => columns.map((c) => ({ value: c.value(row), format: typeof c.format === 'function' ? c.format(row) : c.format }))),
    });
  }
  return tables;
}

// The pipeline's order-data stage (I/O at the edge, before the pure compute): data.yaml → files found,
// columns checked, rows read and analysed (or taken from the cache) → the aggregate OrderBaseline,
// KPI actuals for the plan's months, and diagnostics with file and line.
import { posix, resolve } from 'node:path';
import { Diagnostic, hasErrors, type DiagnosticInit } from '../diagnostics/diagnostic.ts';
import { maskPersonalData } from '../model/personal-data.ts';
import type { Code } from '../diagnostics/codes.ts';
import type { PlanSources } from '../load/load-plan.ts';
import { diagnosticAt, type AtOptions } from '../load/diagnostic-at.ts';
import type { PathSegment } from '../model/data-path.ts';
import type { PlanInput, DataFile } from '../model/plan-input.generated.ts';
import type { ActualsTable } from '../model/actuals.ts';
import { horizonMonths } from '../model/calendar.ts';
import { closest } from '../model/closest.ts';
import { formatOf, hashFiles, matchSourceFiles, MAX_ORDER_FILE_BYTES, type MatchedFile, type RefusedFile } from './files.ts';
import { planRoot } from '../load/plan-boundary.ts';
import { formatKiB } from '../load/decode.ts';
import { ORDER_PATH_TEXT } from '../model/order-path.ts';
import type { BadRowKind, LoadProblem, SourceSpec } from './load-orders.ts';
import type { AnalysisContext } from './analyze.ts';
import { analyzeOrders } from './analyze-orders.ts';
import type { ConnectionFactory } from './duckdb.ts';
import type { OrderBaseline, OrderMonth } from '../model/order-baseline.ts';
import { orderProfileId } from '../model/order-profile.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Why rows were left out, as the data-bad-rows diagnostic words it. */
const BAD_ROW_TEXT: Record<BadRowKind, string> = {
  malformed: 'have the wrong number of fields',
  'missing-id': 'have no order id or no customer id',
  'bad-time': 'have an order time that is not a date and time',
  'bad-amount': 'have a paid or refund amount that is not a number',
  'negative-amount': 'have a negative paid or refund amount',
  'bad-quantity': 'have a quantity that is not a whole number ≥ 0',
  'personal-data': 'have a SKU or channel that looks like personal data (an email address, mobile or ID number)',
  'unknown-channel': 'name a channel that is not in channels.yaml',
};

export interface OrderDataResult {
  baseline?: OrderBaseline;
  /** Monthly KPI actuals aggregated from orders in the plan horizon (data.yaml `actuals`). */
  actuals?: ActualsTable;
  diagnostics: Diagnostic[];
  /** Whether the analysis came from the cache. */
  cached?: boolean;
}

export interface OrderDataOptions {
  connect?: ConnectionFactory;
  /** Folder of cached analyses (the pipeline passes `<cache>/orders`); none when left out or null. */
  cacheDir?: string | null;
  /** A fresh folder for the analysis's temporary files (decoded rows, spills); it is deleted afterwards. */
  tempFolder?: () => Promise<string>;
}

type Source = DataFile['sources'][number];

export async function checkOrderData(sources: PlanSources, input: PlanInput, options: OrderDataOptions = {}): Promise<OrderDataResult> {
  const data = input.data;
  if (!data) return { diagnostics: [] };
  const yamlSource = sources.files.data;
  const diagnostics: Diagnostic[] = [];
  const report = (code: Code, message: string, segments: PathSegment[], options: AtOptions = {}) =>
    diagnostics.push(diagnosticAt(yamlSource, segments, code, maskPersonalData(message), { ...options, ...(options.hint ? { hint: maskPersonalData(options.hint) } : {}) }));
  const planDir = resolve(sources.dir);
  const months = horizonMonths(input.plan.horizon.start, input.plan.horizon.months);
  const baselineYear = data.baselineYear ?? Number(input.plan.horizon.start.slice(0, 4)) - 1;
  const channelIds = input.channels ? (input.channels.channels ?? []).map((c) => c.id) : null;

  // The configuration: what no schema can say.
  const profileId = orderProfileId(data)!;
  const takenBy = (input.targets?.seasonality ?? []).findIndex((p) => p.id === profileId);
  if (takenBy >= 0) {
    report('id-duplicate', `The seasonality profile "${profileId}" that data.yaml publishes is also defined in targets.yaml (seasonality[${takenBy}]).`, data.seasonality?.id ? ['seasonality', 'id'] : ['sources'], {
      hint: 'Give the order profile another id with `seasonality: { id: … }` in data.yaml, or rename the one in targets.yaml.',
    });
  }
  const rfmScoring = data.rfm?.scoring ?? 'quintiles';
  if (rfmScoring === 'cutoffs' && !input.users?.rfm) {
    report('data-config', 'RFM scoring `cutoffs` uses the cut-offs of users.yaml `rfm`, but the plan has none.', ['rfm', 'scoring'], { hint: 'Add `rfm` with its cut-offs and segments to users.yaml, or score by `quintiles`.' });
  }
  // The canonical IANA names first: constructing a formatter to try a name loads the time zone data (~20 ms).
  const canonical = new Set(Intl.supportedValuesOf('timeZone'));
  const zoneKnown = (zone: string) => {
    if (canonical.has(zone)) return true;
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  };
  if (data.timeZone && !zoneKnown(data.timeZone)) report('data-config', `"${data.timeZone}" is not a time zone.`, ['timeZone'], { hint: 'Use an IANA zone name such as `Asia/Shanghai` or `UTC`.' });
  for (const [i, s] of data.sources.entries()) {
    if (s.timeZone && !zoneKnown(s.timeZone)) report('data-config', `"${s.timeZone}" is not a time zone.`, ['sources', i, 'timeZone'], { hint: 'Use an IANA zone name such as `Asia/Shanghai` or `UTC`.' });
  }
  const specs: SourceSpec[] = [];
  const found: MatchedFile[][] = [];
  const root = await planRoot(planDir).catch(() => planDir);
  for (const [i, s] of data.sources.entries()) {
    const at = (...rest: PathSegment[]): PathSegment[] => ['sources', i, ...rest];
    if (!s.channel && !s.columns.channel) {
      report('data-config', `The order source "${s.id}" names no channel: give the channel of the whole file (\`channel: tmall\`) or the column that holds it (\`columns.channel\`).`, at('columns'));
    }
    const currency = s.currency ?? data.currency ?? input.plan.currency;
    if (currency !== input.plan.currency) {
      report('data-config', `The order source "${s.id}" is in ${currency}, but the plan is in ${input.plan.currency}; ShopPlan does not convert currencies.`, s.currency ? at('currency') : ['currency'], {
        hint: `Export the orders in ${input.plan.currency}, or convert the amounts before the analysis.`,
      });
    }
    const match = await matchSourceFiles(root, planDir, s.path);
    found.push(match.files);
    for (const r of match.refused) {
      const [code, why] = refusalText(r.refusal);
      report(code, `The order file "${r.name}" of source "${s.id}" ${why}; it is not read.`, at('path'));
    }
    if (match.files.length === 0 && match.refused.length === 0) {
      const glob = /[*?]/.test(s.path);
      report('data-file-missing', glob ? `No file matches "${s.path}" (order source "${s.id}"), looked for in ${sources.dir}.` : `The order file "${s.path}" of source "${s.id}" does not exist (paths are relative to ${sources.dir}).`, at('path'));
    }
  }
  if (hasErrors(diagnostics)) return { diagnostics };

  const cacheDir = options.cacheDir ?? null;
  const hashes = await hashFiles(found.flat().map((f) => f.path), cacheDir);
  for (const [i, s] of data.sources.entries()) {
    specs.push(sourceSpec(s, found[i]!.map((f) => ({ path: f.path, name: f.name, ...hashes.get(f.path)! })), data));
  }
  const context: AnalysisContext = {
    baselineYear,
    horizon: months,
    currency: input.plan.currency,
    timeZone: data.timeZone ?? DEFAULT_TIME_ZONE,
    channels: channelIds,
    // SKUs launched after the baseline year could not sell in it: they are no slow sellers.
    skus: (input.products?.skus ?? []).filter((s) => !s.launch || s.launch <= `${baselineYear}-12`).map((s) => s.id),
    seasonality: { id: profileId, metric: data.seasonality?.metric ?? 'gmv' },
    rfm: {
      scoring: rfmScoring,
      asOf: data.rfm?.asOf ?? `${baselineYear}-12-31`,
      windowMonths: data.rfm?.windowMonths ?? 12,
      ...(input.users?.rfm ? { cutoffs: { recencyDays: input.users.rfm.recencyDays, frequency: input.users.rfm.frequency, monetary: input.users.rfm.monetary } } : {}),
      segments: (input.users?.rfm?.segments ?? []).map((s) => ({ id: s.id, rule: { ...(s.rule.r ? { r: s.rule.r } : {}), ...(s.rule.f ? { f: s.rule.f } : {}), ...(s.rule.m ? { m: s.rule.m } : {}) } })),
    },
    topSkus: data.skus?.top ?? 10,
    slowShare: data.skus?.slowShare ?? 0.005,
    slowDays: data.skus?.slowDays ?? 90,
  };

  let outcome;
  try {
    outcome = await analyzeOrders(specs, context, { connect: options.connect, cacheDir, tempFolder: options.tempFolder });
  } catch (error) {
    report('data-engine', `The order analysis failed: ${String((error as Error)?.message ?? error).split('\n')[0]}`, ['sources'], {
      hint: 'Check that `@duckdb/node-api` is installed (`npm install`) for this platform; its native binary ships in the npm package.',
    });
    return { diagnostics };
  }
  const label = (name: string) => posix.join(sources.dir.replace(/\\/g, '/'), name);
  for (const p of outcome.problems) diagnostics.push(problemDiagnostic({ ...p, file: label(p.file) }, specs));
  const baseline = outcome.baseline ?? undefined;
  if (baseline) {
    const referenced = profileReferences(input, profileId);
    if (baseline.totals.orders === 0) {
      report(
        'data-baseline-missing',
        `No order in the analysed files falls in ${baselineYear}, the baseline year${referenced.length ? `, so the seasonality profile "${profileId}" that ${referenced.join(', ')} use${referenced.length === 1 ? 's' : ''} has no shares` : ''}.`,
        data.baselineYear ? ['baselineYear'] : ['sources'],
        { hint: `The data covers ${baseline.coverage.first ?? '—'} to ${baseline.coverage.last ?? '—'}; set \`baselineYear\` in data.yaml or add last year's export.`, severity: referenced.length ? 'error' : 'warning' },
      );
    } else if (baseline.totals.monthsCovered < 12) {
      const missing = Array.from({ length: 12 }, (_, k) => `${baselineYear}-${String(k + 1).padStart(2, '0')}`).filter((m) => !baseline.monthly[m]);
      report('data-partial-year', `The orders cover only ${baseline.totals.monthsCovered} months of ${baselineYear}: none in ${missing.join(', ')}. Seasonality and year figures count those months as zero.`, data.baselineYear ? ['baselineYear'] : ['sources']);
    }
  }
  const actuals = baseline && data.actuals ? actualsTable(baseline.actuals, data.actuals) : undefined;
  return { ...(baseline ? { baseline } : {}), ...(actuals && Object.keys(actuals).length ? { actuals } : {}), diagnostics, cached: outcome.cached };
}

function sourceSpec(s: Source, files: SourceSpec['files'], data: DataFile): SourceSpec {
  return {
    id: s.id,
    format: s.format ?? formatOf(files[0]?.path ?? s.path),
    files,
    encoding: s.encoding ?? 'utf-8',
    delimiter: s.delimiter ?? ',',
    ...(s.timeFormat ? { timeFormat: s.timeFormat } : {}),
    timeZone: s.timeZone ?? data.timeZone ?? DEFAULT_TIME_ZONE,
    ...(s.channel ? { channel: s.channel } : {}),
    channelMap: Object.fromEntries(Object.entries(s.channelMap ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')),
    ...(s.filter ? { filter: { column: s.filter.column, values: [...s.filter.values] } } : {}),
    columns: { ...s.columns },
  };
}

/** Which plan entries name the order profile, for messages. */
function profileReferences(input: PlanInput, id: string): string[] {
  const out: string[] = [];
  for (const t of input.targets?.targets ?? []) if (t.seasonality === id) out.push(`target ${t.id}`);
  for (const c of input.channels?.channels ?? []) if (c.seasonality === id) out.push(`channel ${c.id}`);
  for (const c of input.marketing?.channels ?? []) if (c.budget?.phasing === id) out.push(`marketing channel ${c.id}`);
  return out;
}

const ACTUAL_FIELDS = {
  gmv: (m: OrderMonth) => m.gmv,
  orders: (m: OrderMonth) => m.orders,
  aov: (m: OrderMonth) => m.aov,
  customers: (m: OrderMonth) => m.customers,
  newCustomers: (m: OrderMonth) => m.newCustomers ?? null,
  refundRate: (m: OrderMonth) => (m.gmv > 0 ? m.refunds / m.gmv : null),
  netSales: (m: OrderMonth) => m.netSales,
} as const satisfies Record<keyof NonNullable<DataFile['actuals']>, (m: OrderMonth) => number | null>;

function actualsTable(months: Record<string, OrderMonth>, mapping: NonNullable<DataFile['actuals']>): ActualsTable {
  const table: ActualsTable = {};
  for (const [month, figures] of Object.entries(months)) {
    for (const [field, kpi] of Object.entries(mapping) as Array<[keyof typeof ACTUAL_FIELDS, string]>) {
      const value = ACTUAL_FIELDS[field](figures);
      if (value !== null) (table[month] ??= {})[kpi] = value;
    }
  }
  return table;
}

/** Merges order actuals into the CSV actuals; a month and KPI given by both keeps the CSV value (reported). */
export function mergeActuals(csv: ActualsTable | undefined, orders: ActualsTable | undefined, dataFile: string | undefined): { table?: ActualsTable; diagnostics: Diagnostic[] } {
  if (!orders) return { ...(csv ? { table: csv } : {}), diagnostics: [] };
  const table: ActualsTable = {};
  const both: string[] = [];
  for (const [month, values] of Object.entries(orders)) table[month] = { ...values };
  for (const [month, values] of Object.entries(csv ?? {})) {
    for (const [kpi, v] of Object.entries(values)) {
      if (table[month]?.[kpi] !== undefined) both.push(`${kpi} ${month}`);
      (table[month] ??= {})[kpi] = v;
    }
  }
  const diagnostics = both.length
    ? [new Diagnostic('data-actuals-overlap', `actuals/*.csv and the orders both give ${both.slice(0, 6).join(', ')}${both.length > 6 ? ` and ${both.length - 6} more` : ''}; the CSV values are used.`, { file: dataFile, place: { start: { line: 1, column: 1 } } })]
    : [];
  return { table, diagnostics };
}

/**
 * A diagnostic of the order-data stage. Its words may quote what is in an order file (a channel value, a
 * header, the reader's error): anything there that looks like personal data is masked.
 */
function dataDiagnostic(code: Code, message: string, init: DiagnosticInit = {}): Diagnostic {
  return new Diagnostic(code, maskPersonalData(message), { ...init, ...(init.hint ? { hint: maskPersonalData(init.hint) } : {}) });
}

/** A column name as a message quotes it: at most 40 characters (a file without a header has data there). */
const shortName = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

/** The code and the words for an order file that is not read. */
function refusalText(refusal: RefusedFile['refusal']): ['data-path-outside' | 'data-file-kind', string] {
  switch (refusal.kind) {
    case 'outside':
      return ['data-path-outside', 'is a symbolic link that leads outside the plan folder'];
    case 'name':
      return ['data-file-kind', ORDER_PATH_TEXT[refusal.problem]];
    case 'not-regular':
      return ['data-file-kind', `is a ${refusal.what}, not a regular file`];
    case 'too-large':
      return ['data-file-kind', `is ${formatKiB(refusal.bytes)}; order files may be at most ${formatKiB(MAX_ORDER_FILE_BYTES)} (split the export and match the parts with \`*\`)`];
    case 'unreadable':
      return ['data-file-kind', refusal.why === 'permission' ? 'cannot be read: permission denied' : refusal.why === 'link-loop' ? 'is a symbolic link that loops back on itself' : 'cannot be read'];
  }
}

function problemDiagnostic(p: LoadProblem, specs: readonly SourceSpec[]): Diagnostic {
  const at = (line: number | null | undefined) => ({ file: p.file, ...(line ? { place: { start: { line, column: 1 } } } : {}) });
  const spec = specs.find((s) => s.id === p.source);
  switch (p.kind) {
    case 'file-empty':
      return dataDiagnostic('data-file-empty', `${p.file} has no order rows (order source "${p.source}").`, at(1));
    case 'missing-column': {
      const guess = closest(p.column, p.available) ?? p.available.find((a) => a.toLowerCase().startsWith(p.column.toLowerCase()) || p.column.toLowerCase().startsWith(a.toLowerCase()));
      const field = p.field === 'filter.column' ? 'filter.column' : `columns.${p.field}`;
      return dataDiagnostic('data-column-missing', `${p.file} has no column "${p.column}" (mapped as ${field} of source "${p.source}").${guess ? ` Did you mean "${shortName(guess)}"?` : ''}`, {
        ...at(1),
        hint: `Its columns are: ${p.available.slice(0, 20).map(shortName).join(', ')}${p.available.length > 20 ? ' …' : ''}. Fix the mapping in data.yaml to the header as written in the file.`,
      });
    }
    case 'encoding':
      if (p.encoding) return dataDiagnostic('data-encoding', `${p.file} is not valid ${p.encoding.toUpperCase()} (${p.detail ?? 'decoding failed'}).`, { ...at(null), hint: 'Check `encoding` of the source in data.yaml: `utf-8`, `gbk` or `gb18030`.' });
      return dataDiagnostic('data-encoding', `${p.file} is not UTF-8${p.line ? ` (line ${p.line})` : ''}; exports from Excel and Windows back offices are often GBK.`, {
        ...at(p.line),
        hint: `Add \`encoding: gbk\` to the source "${p.source}" in data.yaml (ShopPlan converts it), or save the file as UTF-8.`,
      });
    case 'unreadable':
      return dataDiagnostic('data-unreadable', `${p.file} cannot be read as ${spec?.format === 'parquet' ? 'Parquet' : 'CSV'}: ${p.detail}`, at(null));
    case 'bad-rows': {
      const unit = p.unit === 'line' ? (p.lines.length === 1 ? 'line' : 'lines') : p.lines.length === 1 ? 'row' : 'rows';
      const more = p.count > p.lines.length ? ', …' : '';
      const values = p.values?.length ? ` (${p.values.map((v) => `"${shortName(v)}"`).join(', ')})` : '';
      const hint =
        p.bad === 'unknown-channel'
          ? `Map the values to channel ids with \`channelMap\` of the source in data.yaml, or add the channels to channels.yaml.`
          : p.bad === 'personal-data'
            ? 'The SKU or channel column of the mapping in data.yaml seems to hold a customer column: check `columns.sku` and `columns.channel`. Such values never become ids on the site; the rows are left out.'
          : p.bad === 'bad-time'
            ? 'Write times as `2026-11-11 00:05:12` (or set `timeFormat` of the source); the rows are left out of the analysis.'
            : 'Fix the rows in the export, or leave them: they are left out of the analysis and counted.';
      return dataDiagnostic('data-bad-rows', `${p.count} ${p.count === 1 ? 'row' : 'rows'} of ${p.file} ${BAD_ROW_TEXT[p.bad].replace(/^have/, p.count === 1 ? 'has' : 'have').replace(/^name /, p.count === 1 ? 'names ' : 'name ')}${values} (${unit} ${p.lines.join(', ')}${more}); left out of the analysis.`, {
        ...at(p.unit === 'line' ? p.lines[0] : null),
        hint,
      });
    }
  }
}

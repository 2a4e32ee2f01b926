// Generates a large synthetic plan from the example plan, for benchmarks: more SKUs, more sales channels,
// a longer horizon. Deterministic (no randomness): the same arguments give the same files.
// Usage: node scripts/gen-large-plan.ts <out-dir> [--skus 5000] [--channels 40] [--months 36]
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptArgs } from './script-args.ts';
import { parse, stringify } from 'yaml';
import { horizonMonths } from '../src/model/calendar.ts';
import { allocate } from '../src/engine/largest-remainder.ts';

export interface LargePlanOptions {
  skus: number;
  channels: number;
  months: number;
  /** Copies of the example's targets, risks and board decisions until there are this many of each (none added when left out). */
  targets?: number;
  risks?: number;
  decisions?: number;
  /** Long names in both languages on channels, targets, risks and decisions (layout tests). */
  longNames?: boolean;
}

const LONG = { 'zh-CN': '（含跨境、分销、企业团购与线下快闪等全部延伸业务的合并口径）', en: ' (consolidated, incl. cross-border, distribution, corporate gifting and offline pop-ups)' };
/** A text with the long suffix in each language, for layout tests. */
const lengthen = (text: unknown) =>
  typeof text === 'string' ? `${text}${LONG.en}` : Object.fromEntries(Object.entries(text as Record<string, string>).map(([k, v]) => [k, `${v}${LONG[k as keyof typeof LONG] ?? LONG.en}`]));
/** The list grown to `count` entries by copies with new ids (`<id>-<n>`). */
function grow(list: any[], count: number | undefined): any[] {
  const out = [...list];
  for (let i = list.length; i < (count ?? 0); i++) out.push({ ...structuredClone(list[i % list.length]), id: `${list[i % list.length].id}-${i}` });
  return out;
}

const CONTENT = new URL('../content/', import.meta.url);
const read = (name: string) => parse(readFileSync(new URL(name, CONTENT), 'utf8')) as any;

export function generateLargePlan(out: string, o: LargePlanOptions): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(new URL('./', CONTENT), out, { recursive: true });
  const write = (name: string, data: unknown) => writeFileSync(join(out, name), stringify(data, { lineWidth: 0 }));

  const plan = read('plan.yaml');
  plan.horizon.months = o.months;
  write('plan.yaml', plan);
  const months = horizonMonths(plan.horizon.start, o.months);
  const years = o.months / 12;

  const targets = read('targets.yaml');
  for (const profile of targets.seasonality) {
    const base = Object.values(profile.shares) as number[];
    const parts = allocate(1_000_000, months.map((_, i) => base[i % base.length]!));
    profile.shares = Object.fromEntries(months.map((m, i) => [m, parts[i]! / 1_000_000]));
  }
  for (const t of targets.targets) {
    if (['gmv', 'revenue', 'gross-profit', 'operating-profit', 'new-customers', 'orders'].includes(t.metric)) t.value = Math.round(t.value * years);
    t.deadline = months[months.length - 1];
  }
  targets.targets = grow(targets.targets, o.targets).map((t: any, i: number) => (i >= targets.targets.length ? { ...t, milestones: undefined } : t));
  if (o.longNames) for (const t of targets.targets) t.name = lengthen(t.name);
  write('targets.yaml', targets);

  const risks = read('risks.yaml');
  risks.risks = grow(risks.risks, o.risks);
  if (o.longNames) for (const r of risks.risks) r.title = lengthen(r.title);
  write('risks.yaml', risks);
  const review = read('review.yaml');
  review.decisions = grow(review.decisions ?? [], o.decisions);
  if (o.longNames) for (const d of review.decisions) [d.title, d.recommendation] = [lengthen(d.title), lengthen(d.recommendation)];
  write('review.yaml', review);

  const channels = read('channels.yaml');
  const template = channels.channels as any[];
  for (let i = template.length; i < o.channels; i++) {
    const c = structuredClone(template[i % template.length]);
    c.id = `${c.id}-${i}`;
    c.funnel.visitors = Math.round(c.funnel.visitors / 10);
    template.push(c);
  }
  channels.channels = template.slice(0, Math.max(o.channels, 4));
  if (o.longNames) for (const c of channels.channels) c.name = lengthen(c.name);
  write('channels.yaml', channels);

  const products = read('products.yaml');
  const skus = products.skus as any[];
  const originals = skus.length;
  for (let i = originals; i < o.skus; i++) {
    const s = structuredClone(skus[i % originals]);
    s.id = `${s.id}-${i}`;
    s.forecast.monthlyUnits = Math.max(1, Math.round(s.forecast.monthlyUnits / 20));
    s.forecast.demandStdDev = Math.max(1, Math.round(s.forecast.demandStdDev / 20));
    skus.push(s);
  }
  write('products.yaml', products);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usage = 'Usage: node scripts/gen-large-plan.ts <out-dir> [--skus 5000] [--channels 40] [--months 36]';
  const { values, positionals } = scriptArgs(usage, { allowPositionals: true, options: { skus: { type: 'string' }, channels: { type: 'string' }, months: { type: 'string' } } });
  const out = positionals[0];
  if (!out) {
    console.error(usage);
    process.exit(2);
  }
  const options = { skus: Number(values.skus ?? 5000), channels: Number(values.channels ?? 40), months: Number(values.months ?? 36) };
  generateLargePlan(out, options);
  console.log(`wrote ${out}: ${options.skus} SKUs, ${options.channels} channels, ${options.months} months`);
}

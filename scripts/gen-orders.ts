// Writes the example plan's synthetic 2026 order exports (content/data/): one back-office export per
// channel, each in its own shape, as operators get them —
//   tmall-2026.csv.gz          Tmall (生意参谋) export: Chinese headers, UTF-8 with BOM, unpaid orders to filter out
//   jd-2026.csv.gz             JD (京东商智) export saved from Excel: GBK-encoded
//   douyin-2026.parquet        Douyin orders as the data warehouse keeps them (via the 抖店 API): typed Parquet
//   mini-program-2026.parquet  the mini-program's orders from the same warehouse
// Fictional customers and orders only: a seeded PRNG (sfc32), no Math.random, no clock — the same seed
// gives the same bytes. The shape follows the plan: 2026 GMV about ¥98 million at an AOV near ¥218,
// about 31 % of buyers buying again within the year, the tea seasons (New Year gifts, spring tea,
// 618, Mid-Autumn, 双11 as the year's peak) and each channel's price mix.
// Usage: node scripts/gen-orders.ts [--out content/data] [--seed 2026] [--scale 1]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { scriptArgs } from './script-args.ts';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { duckDbFactory, sqlString } from '../src/data/duckdb.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const YEAR = 2026;

/** sfc32 seeded through splitmix32: small, fast, good enough for synthetic data. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

// 2026 calendar: day 0 = 1 January. Spring Festival is 17 February, Mid-Autumn 25 September.
const DAYS = 365;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_START = MONTH_DAYS.reduce<number[]>((acc, d, i) => [...acc, (acc[i - 1] ?? 0) + (i ? MONTH_DAYS[i - 1]! : 0)], []);
const dayOf = (m: number, d: number) => MONTH_START[m - 1]! + d - 1;
const monthOfDay = (day: number) => MONTH_START.findLastIndex((s) => s <= day) + 1;
function dateOfDay(day: number): string {
  const m = monthOfDay(day);
  return `${YEAR}-${String(m).padStart(2, '0')}-${String(day - MONTH_START[m - 1]! + 1).padStart(2, '0')}`;
}

/** Month shares of the year: shelf commerce (tea gifting) and the flatter livestream curve. */
const SHELF = [0.125, 0.058, 0.08, 0.085, 0.057, 0.092, 0.035, 0.055, 0.093, 0.075, 0.155, 0.09];
const LIVE = [0.1, 0.055, 0.075, 0.08, 0.07, 0.1, 0.055, 0.06, 0.09, 0.08, 0.145, 0.09];

/** Festival windows and peak days: multipliers on the daily weight within the month. */
function dayMultiplier(day: number): number {
  const within = (m1: number, d1: number, m2: number, d2: number) => day >= dayOf(m1, d1) && day <= dayOf(m2, d2);
  let k = 1;
  if (within(1, 5, 2, 6)) k *= 1.5; // 年货节
  if (within(2, 9, 2, 22)) k *= 0.25; // couriers pause around the Spring Festival
  if (within(3, 1, 3, 8)) k *= 1.3; // 38 女王节
  if (within(3, 20, 4, 20)) k *= 1.4; // spring tea launch
  if (within(5, 20, 6, 20)) k *= 1.5; // 618 window
  if (day === dayOf(5, 31)) k *= 3; // 618 first wave at 20:00
  if (day === dayOf(6, 1)) k *= 2;
  if (day === dayOf(6, 18)) k *= 6;
  if (within(9, 1, 9, 24)) k *= 1.5; // Mid-Autumn gifting
  if (within(10, 20, 11, 11)) k *= 1.4; // 双11 window
  if (day === dayOf(10, 31) || day === dayOf(11, 1)) k *= 3.5; // pre-sale final payments
  if (day === dayOf(11, 11)) k *= 9;
  if (within(12, 8, 12, 12)) k *= 1.5; // 双12
  if (day === dayOf(12, 12)) k *= 2.5;
  return k;
}

/** Cumulative day weights for a month-share profile. */
function dayCdf(shares: number[]): Float64Array {
  const w = new Float64Array(DAYS);
  for (let m = 1; m <= 12; m++) {
    const start = MONTH_START[m - 1]!;
    let sum = 0;
    for (let d = 0; d < MONTH_DAYS[m - 1]!; d++) sum += dayMultiplier(start + d);
    for (let d = 0; d < MONTH_DAYS[m - 1]!; d++) w[start + d] = (shares[m - 1]! * dayMultiplier(start + d)) / sum;
  }
  const cdf = new Float64Array(DAYS);
  let run = 0;
  for (let i = 0; i < DAYS; i++) cdf[i] = run += w[i]!;
  for (let i = 0; i < DAYS; i++) cdf[i]! /= run;
  return cdf;
}

/** A day drawn from the profile, after `after` (exclusive); -1 when no day is left. */
function drawDay(cdf: Float64Array, rnd: () => number, after = -1): number {
  const lo = after < 0 ? 0 : cdf[after]!;
  if (after >= DAYS - 1 || lo >= 1) return -1;
  const u = lo + rnd() * (1 - lo);
  let a = Math.max(0, after + 1);
  let b = DAYS - 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (cdf[mid]! < u) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** Hour of the order: evenings, and midnight on festival peak days. */
const HOURS = [3, 1.5, 0.8, 0.4, 0.3, 0.3, 0.5, 1.2, 2.2, 3, 3.4, 3.6, 3.8, 3.6, 3.4, 3.5, 3.6, 3.8, 4, 4.6, 6, 6.6, 6.2, 4.6];
const PEAK_DAYS = new Set([dayOf(5, 31), dayOf(6, 18), dayOf(10, 31), dayOf(11, 1), dayOf(11, 11), dayOf(12, 12)]);
function drawTime(day: number, rnd: () => number): string {
  let hour: number;
  if (PEAK_DAYS.has(day) && rnd() < 0.35) hour = rnd() < 0.7 ? 0 : 20;
  else {
    const total = HOURS.reduce((a, b) => a + b, 0);
    let u = rnd() * total;
    hour = 0;
    while (u > HOURS[hour]! && hour < 23) u -= HOURS[hour++]!;
  }
  const mm = Math.floor(rnd() * 60);
  const ss = Math.floor(rnd() * 60);
  return `${dateOfDay(day)} ${String(hour).padStart(2, '0')}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

export interface Sku {
  id: string;
  price: number;
  channels: string[] | null;
}

/** Popularity of a SKU in a month on a channel (relative weights). */
function skuWeight(sku: Sku, channel: string, month: number): number {
  const base: Record<string, number> = {
    'longjing-yuqian-100g': 14,
    'cold-brew-green-30bags': 10,
    'dianhong-sample-50g': 8,
    'shoumei-cake-100g': 7,
    'longjing-mingqian-250g': 0,
    'anji-baicha-200g': 3,
    'dianhong-golden-bud-200g': 5,
    'dahongpao-250g': 3.4,
    'baimudan-cake-357g': 2.6,
    'gift-box-spring-festival': 0,
    'gift-box-mid-autumn-2026': 0,
    'teaware-travel-set': 2.5,
    'dianhong-tin-2025': 0.12,
    'longjing-shifeng-500g': 0.25,
    'teaware-jingdezhen-gongfu-set': 0.35,
    'gift-box-shanlan-collection': 0.22,
  };
  let w = base[sku.id] ?? 0;
  if (sku.id === 'longjing-mingqian-250g') w = month === 3 ? 5 : month === 4 ? 7 : month === 5 ? 2 : 0.3;
  if (sku.id === 'anji-baicha-200g' && month >= 3 && month <= 5) w *= 2.2;
  if (sku.id === 'longjing-yuqian-100g' && month >= 4 && month <= 6) w *= 1.3;
  if (sku.id === 'cold-brew-green-30bags') w *= month >= 5 && month <= 8 ? 2.6 : 0.5;
  if (sku.id === 'dianhong-golden-bud-200g' && (month <= 2 || month >= 11)) w *= 1.6;
  if (sku.id === 'gift-box-spring-festival') w = month === 1 ? 9 : month === 2 ? 3 : month === 12 ? 4 : 0.05;
  if (sku.id === 'gift-box-mid-autumn-2026') w = month === 9 ? 8 : month === 8 ? 3 : 0;
  if (sku.id === 'gift-box-shanlan-collection' && (month === 1 || month === 9 || month === 12)) w *= 3;
  // Channel mix: samplers and cold brew on Douyin, gifts and corporate orders on JD, premium on the mini-program.
  const premium = sku.price >= 400;
  if (channel === 'douyin') w *= premium ? 0.55 : sku.price < 70 ? 1 : 1.1;
  if (channel === 'jd') w *= sku.id.startsWith('gift-box') ? 1.1 : sku.price < 50 ? 0.7 : 1;
  if (channel === 'tmall') w *= sku.price >= 200 ? 1.6 : 1;
  if (channel === 'mini-program') w *= premium ? 3 : 1;
  if (sku.channels && !sku.channels.includes(channel)) w = 0;
  return w;
}

export interface ChannelSpec {
  id: string;
  /** Orders to generate (before the scale). */
  orders: number;
  /** Share of buyers who buy again within the year (before year-end truncation). */
  repeat: number;
  /** Mean number of further orders of a repeat buyer. */
  further: number;
  /** Share of orders refunded (in full, mostly). */
  refund: number;
  profile: number[];
  prefix: string;
}

export const CHANNELS: ChannelSpec[] = [
  { id: 'tmall', orders: 159_000, repeat: 0.44, further: 1.7, refund: 0.05, profile: SHELF, prefix: 'tm' },
  { id: 'jd', orders: 84_000, repeat: 0.38, further: 1.5, refund: 0.04, profile: SHELF, prefix: 'jd' },
  { id: 'douyin', orders: 160_000, repeat: 0.28, further: 1.4, refund: 0.12, profile: LIVE, prefix: 'dy' },
  { id: 'mini-program', orders: 33_000, repeat: 0.68, further: 2.4, refund: 0.03, profile: SHELF, prefix: 'mp' },
];

export interface Order {
  id: string;
  customer: string;
  time: string;
  paid: number;
  refund: number;
  sku: Sku;
  qty: number;
}

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const FESTIVAL_STEPS = [0.85, 0.88, 0.9, 0.9];
const EVERYDAY_STEPS = [1, 1, 0.95, 0.95, 0.92];

export function skus(): Sku[] {
  const products = parse(readFileSync(join(ROOT, 'content/products.yaml'), 'utf8')) as { skus: Array<{ id: string; listPrice: number; channels?: string[]; launch?: string }> };
  const list: Sku[] = products.skus
    .filter((s) => !s.launch || s.launch <= `${YEAR}-12`)
    .map((s) => ({ id: s.id, price: s.listPrice, channels: s.channels ?? null }));
  // Last year's Mid-Autumn gift box: sold in 2026, no longer in products.yaml (its successor launches in 2027).
  list.push({ id: 'gift-box-mid-autumn-2026', price: 498, channels: null });
  return list;
}

/** One channel's orders for the year, sorted by time. */
/** Month shares of orders that give the profile's shares of GMV, given each month's expected order value. */
function orderProfile(spec: ChannelSpec, skuList: Sku[]): number[] {
  const value = spec.profile.map((_, i) => {
    const weights = skuList.map((s) => skuWeight(s, spec.id, i + 1));
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.reduce((a, w, k) => a + w * skuList[k]!.price * (skuList[k]!.price < 80 ? 1.5 : 1.2), 0) / total;
  });
  const raw = spec.profile.map((share, i) => share / value[i]!);
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / sum);
}

export function channelOrders(spec: ChannelSpec, scale: number, rnd: () => number, skuList: Sku[]): Order[] {
  const cdf = dayCdf(orderProfile(spec, skuList));
  const ids = new Set<string>();
  const newId = () => {
    for (;;) {
      let s = `${spec.prefix}_`;
      for (let i = 0; i < 5; i++) s += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
      if (!ids.has(s)) {
        ids.add(s);
        return s;
      }
    }
  };
  const byMonth = Array.from({ length: 13 }, (_, m) => {
    const weights = skuList.map((s) => (m === 0 ? 0 : skuWeight(s, spec.id, m)));
    const total = weights.reduce((a, b) => a + b, 0);
    return { weights, total };
  });
  const pickSku = (month: number) => {
    const { weights, total } = byMonth[month]!;
    let u = rnd() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i]!;
      if (u <= 0) return skuList[i]!;
    }
    return skuList[skuList.length - 1]!;
  };
  // Order days follow the channel's seasons exactly; each order is either a new buyer's first or the
  // next order of an earlier buyer who planned more (at least a week after their last).
  const days = Array.from({ length: Math.round(spec.orders * scale) }, () => drawDay(cdf, rnd)).sort((a, b) => a - b);
  const repeatShare = (spec.repeat * spec.further) / (1 + spec.repeat * spec.further);
  const pool: Array<{ id: string; next: number; left: number }> = [];
  const raw: Array<Omit<Order, 'id'>> = [];
  for (const day of days) {
    let customer: string | undefined;
    if (pool.length && rnd() < repeatShare) {
      for (let attempt = 0; attempt < 6 && !customer; attempt++) {
        const i = Math.floor(rnd() * pool.length);
        const c = pool[i]!;
        if (c.next > day) continue;
        customer = c.id;
        c.left--;
        c.next = day + 7 + Math.floor(rnd() * 40);
        if (c.left === 0) {
          pool[i] = pool[pool.length - 1]!;
          pool.pop();
        }
      }
    }
    if (!customer) {
      customer = newId();
      if (rnd() < spec.repeat) {
        // 1 + geometric further orders with the channel's mean.
        let left = 1;
        while (rnd() > 1 / spec.further && left < 30) left++;
        pool.push({ id: customer, next: day + 7 + Math.floor(rnd() * 40), left });
      }
    }
    const month = monthOfDay(day);
    const sku = pickSku(month);
    const festival = dayMultiplier(day) > 1.2;
    const qty = sku.price < 80 ? (rnd() < 0.6 ? 1 : rnd() < 0.7 ? 2 : 3) : sku.id.startsWith('gift-box') && spec.id === 'jd' && rnd() < 0.05 ? 2 + Math.floor(rnd() * 5) : rnd() < 0.85 ? 1 : rnd() < 0.8 ? 2 : 3;
    // Prices move in steps (festival discount, coupon, member price), as shop prices do.
    const discount = (festival ? FESTIVAL_STEPS[Math.floor(rnd() * FESTIVAL_STEPS.length)]! : EVERYDAY_STEPS[Math.floor(rnd() * EVERYDAY_STEPS.length)]!) * (spec.id === 'mini-program' ? 0.95 : 1);
    const paid = Math.round(sku.price * qty * discount * 100) / 100;
    const refunded = rnd() < spec.refund;
    const refund = refunded ? (rnd() < 0.85 ? paid : Math.round(paid * 0.3 * 100) / 100) : 0;
    raw.push({ customer, time: drawTime(day, rnd), paid, refund, sku, qty });
  }
  raw.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.customer < b.customer ? -1 : 1));
  let serial = 0;
  return raw.map((o) => {
    serial += 1;
    return { ...o, id: orderId(spec.id, serial) };
  });
}

function orderId(channel: string, serial: number): string {
  const n = String(serial).padStart(8, '0');
  if (channel === 'tmall') return `46${YEAR}${n}`;
  if (channel === 'jd') return `30${n}`;
  if (channel === 'douyin') return `69${YEAR}${n}`;
  return `MP${YEAR}${n}`;
}

/** GBK bytes for text whose non-ASCII characters are in GBK (built from Node's GBK decoder). */
function gbkEncoder(): (text: string) => Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, [number, number]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else {
        const pair = table.get(ch);
        if (!pair) throw new Error(`"${ch}" has no GBK code`);
        out.push(...pair);
      }
    }
    return Buffer.from(out);
  };
}

const money = (v: number) => v.toFixed(2);

/** Orders → Parquet through DuckDB (zstd), with the warehouse's column names and types. */
async function writeParquet(target: string, orders: Order[], channel: string): Promise<void> {
  const tmp = join(tmpdir(), `shopplan-gen-orders-${process.pid}-${channel}.csv`);
  writeFileSync(tmp, `order_no,buyer_id,pay_time,pay_amount,refund_amount,sku_code,quantity\n${orders.map((o) => [o.id, o.customer, o.time, money(o.paid), money(o.refund), o.sku.id, o.qty].join(',')).join('\n')}\n`);
  const db = await duckDbFactory({ threads: 1 })();
  try {
    await db.run(`COPY (SELECT order_no, buyer_id, CAST(pay_time AS TIMESTAMP) AS pay_time, CAST(pay_amount AS DECIMAL(12, 2)) AS pay_amount,
        CAST(refund_amount AS DECIMAL(12, 2)) AS refund_amount, sku_code, CAST(quantity AS INTEGER) AS quantity
      FROM read_csv(${sqlString(tmp)}, header = true, all_varchar = true) ORDER BY pay_time, order_no)
      TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 19, ROW_GROUP_SIZE 200000)`);
  } finally {
    db.close();
    rmSync(tmp, { force: true });
  }
}

export interface GenerateOptions {
  out: string;
  seed: number;
  scale: number;
}

export async function generateExampleOrders(options: GenerateOptions): Promise<Record<string, { orders: number; bytes: number }>> {
  const rnd = prng(options.seed);
  const list = skus();
  mkdirSync(options.out, { recursive: true });
  const report: Record<string, { orders: number; bytes: number }> = {};
  const write = (name: string, bytes: Buffer, orders: number) => {
    writeFileSync(join(options.out, name), bytes);
    report[name] = { orders, bytes: bytes.length };
  };
  const gzip = (text: string | Buffer) => gzipSync(typeof text === 'string' ? Buffer.from(text) : text, { level: 9 });
  for (const spec of CHANNELS) {
    const orders = channelOrders(spec, options.scale, rnd, list);
    if (spec.id === 'tmall') {
      // 生意参谋-style export: unpaid orders are in the file too, closed without a payment time.
      const lines = ['\uFEFF订单编号,买家会员名,订单状态,订单付款时间,买家实际支付金额,退款金额,商家编码,宝贝数量'];
      for (const o of orders) {
        lines.push([o.id, o.customer, o.refund > 0 && o.refund === o.paid ? '已退款' : '交易成功', o.time, money(o.paid), money(o.refund), o.sku.id, String(o.qty)].join(','));
        if (rnd() < 0.015) lines.push([`${o.id}9`, o.customer, '未付款关闭', '', '0.00', '0.00', o.sku.id, String(o.qty)].join(','));
      }
      write('tmall-2026.csv.gz', gzip(`${lines.join('\n')}\n`), orders.length);
    } else if (spec.id === 'jd') {
      // Saved from Excel on Windows: GBK.
      const lines = ['订单号,用户账号,付款确认时间,实付金额,退款金额,商品编号,商品数量'];
      for (const o of orders) lines.push([o.id, o.customer, o.time, money(o.paid), o.refund ? money(o.refund) : '', o.sku.id, String(o.qty)].join(','));
      write('jd-2026.csv.gz', gzip(gbkEncoder()(`${lines.join('\r\n')}\r\n`)), orders.length);
    } else {
      // Douyin and the mini-program reach the company's data warehouse through their APIs: typed Parquet.
      const name = `${spec.id}-2026.parquet`;
      await writeParquet(join(options.out, name), orders, spec.id);
      report[name] = { orders: orders.length, bytes: readFileSync(join(options.out, name)).length };
    }
  }
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = scriptArgs('Usage: node scripts/gen-orders.ts [--out content/data] [--seed 2026] [--scale 1]', { options: { out: { type: 'string', default: join(ROOT, 'content/data') }, seed: { type: 'string', default: '2026' }, scale: { type: 'string', default: '1' } } });
  const report = await generateExampleOrders({ out: values.out!, seed: Number(values.seed), scale: Number(values.scale) });
  let total = 0;
  for (const [name, r] of Object.entries(report)) {
    total += r.bytes;
    console.log(`${name.padEnd(28)} ${String(r.orders).padStart(8)} orders  ${(r.bytes / 1024 / 1024).toFixed(2)} MB`);
  }
  console.log(`${'total'.padEnd(28)} ${' '.repeat(15)}  ${(total / 1024 / 1024).toFixed(2)} MB`);
}

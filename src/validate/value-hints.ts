// What to type instead when a value has the wrong type: the number an operator meant by "3.5%" or
// "120万", and quotes for digits that are meant as text (`festival: 618`).

const CHINESE_UNITS: Record<string, number> = { 千: 1e3, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const LATIN_UNITS: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, w: 1e4, W: 1e4 };

export interface MeantNumber {
  value: number;
  /** What made the text not a number: a per-cent sign, a unit (万, k), thousands separators, a currency. */
  reading: 'percent' | 'unit' | 'separators' | 'currency';
}

/**
 * The number a text that should have been a number most likely means: `3.5%` → 0.035, `120万` → 1200000,
 * `1.5亿` → 150000000, `1,200,000` → 1200000, `¥1,200` / `1200元` → 1200. Undefined when it is not one.
 */
export function meantNumber(text: string): MeantNumber | undefined {
  const s = text.trim().replace(/\s+/g, '').replace(/，/g, ',').replace(/．/g, '.').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const percent = /^([-+]?\d+(?:\.\d+)?)[%％]$/.exec(s);
  if (percent) return { value: round(Number(percent[1]) / 100), reading: 'percent' };
  const unit = /^([-+]?\d+(?:\.\d+)?)([千万萬亿億kKmMwW])(?:元|块)?$/.exec(s);
  if (unit) return { value: round(Number(unit[1]) * (CHINESE_UNITS[unit[2]!] ?? LATIN_UNITS[unit[2]!]!)), reading: 'unit' };
  const plain = s.replace(/^(?:[¥￥]|CNY|RMB)/i, '').replace(/(?:元|块|CNY|RMB)$/i, '');
  if (/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(plain) && (plain !== s || plain.includes(','))) {
    return { value: Number(plain.replace(/,/g, '')), reading: plain !== s ? 'currency' : 'separators' };
  }
  return undefined;
}

/** A hint for a value of the wrong type, or undefined when the default hint fits. */
export function typeHint(expected: readonly string[], data: unknown): string | undefined {
  const wantsText = expected.includes('string');
  const wantsNumber = expected.includes('number') || expected.includes('integer');
  if (wantsText && !wantsNumber && (typeof data === 'number' || typeof data === 'boolean')) {
    return `YAML reads unquoted ${typeof data === 'number' ? 'digits as a number' : `${String(data)} as true/false`}; put the text in quotes: "${String(data)}".`;
  }
  if (wantsNumber && typeof data === 'string') {
    const meant = meantNumber(data);
    if (meant?.reading === 'percent') return `Write rates as decimals without "%": ${meant.value} for ${data.trim()}.`;
    if (meant?.reading === 'unit') return `Write the whole number without units such as 万 or 亿: ${meant.value} for ${data.trim()}.`;
    if (meant) return `Write a plain number without currency signs or thousands separators: ${meant.value}.`;
    if (/^\s*[-+]?\d+(\.\d+)?\s*$/.test(data)) return `Remove the quotes: ${data.trim()} is a number.`;
    return 'Write a plain number, without quotes, units or separators (e.g. 1200000 or 0.035).';
  }
  return undefined;
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

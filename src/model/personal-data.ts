// Values that look like personal information (个人信息, PIPL): email addresses, mainland mobile numbers and
// 18-digit resident ID numbers. Order files may hold them in a misplaced column; such values are masked in
// every message about order files and never become an id or label of a published output. One list of
// patterns serves both JavaScript (masking text) and DuckDB's RE2 (marking rows), so the two never drift.

interface Pattern {
  kind: 'email' | 'id-number' | 'mobile';
  /** The pattern body, valid in both JavaScript and RE2 (no look-around). */
  body: string;
  /** Whether the match must not touch further digits on either side. */
  digits: boolean;
  mask: string;
}

// The ID number comes before the mobile number: its digits would otherwise be taken for a phone.
const PATTERNS: readonly Pattern[] = [
  { kind: 'email', body: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}', digits: false, mask: '***@***' },
  { kind: 'id-number', body: '[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]', digits: true, mask: '******************' },
  { kind: 'mobile', body: '(?:\\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}', digits: true, mask: '1**********' },
];

const JS = PATTERNS.map((p) => ({ ...p, re: new RegExp(p.digits ? `(?<![0-9])${p.body}(?![0-9])` : p.body, 'g') }));

/** The text with every value that looks like personal data replaced by a mask (`***@***`, `1**********`, …). */
export function maskPersonalData(text: string): string {
  let out = text;
  for (const p of JS) out = out.replace(p.re, p.mask);
  return out;
}

/** Whether the text holds a value that looks like personal data. */
export function looksPersonal(text: string): boolean {
  return JS.some((p) => {
    p.re.lastIndex = 0;
    return p.re.test(text);
  });
}

/** One RE2 pattern (DuckDB `regexp_matches`) that finds any of them inside a value. */
export const PERSONAL_DATA_RE2 = PATTERNS.map((p) => (p.digits ? `(?:^|[^0-9])${p.body}(?:[^0-9]|$)` : p.body)).join('|');

// Terminal widths of the command line's table cells (src/i18n/text-width.ts): hand-counted cases, and the same
// width as string-width (which measures emoji sequences as clusters, and costs ~80 ms to start) on any text of
// the characters a plan's tables hold — Chinese, Latin, digits, full-width and currency signs, marks, combining
// accents, invisible format characters.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { textWidth } from '../../src/i18n/text-width.ts';

describe('textWidth', () => {
  it.each([
    ['', 0],
    ['GMV 60.2M', 9], // 9 ASCII characters
    ['天猫旗舰店', 10], // 5 wide characters × 2
    ['¥6,018.4万', 10], // ¥ (narrow) + 7 ASCII + 万 (2)
    ['（全角）', 8], // full-width parentheses are wide: 4 × 2
    ['e\u0301', 1], // e + a combining acute accent
    ['a\u200bb', 2], // a zero-width space between
    ['✓ ✗ ▲', 5], // three narrow signs and two spaces
    ['\u001b', 0], // a control character
  ])('%j takes %i columns', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });

  it('agrees with string-width on text of the characters plan tables hold', () => {
    const chars = fc.oneof(
      fc.constantFrom(...'天猫京东抖音小程序万亿元月季度目标实际完成率（）：，。、'),
      fc.constantFrom(...'abcXYZ 0123456789.,-+%/()'),
      fc.constantFrom('¥', '×', '÷', '≤', '≥', '→', '✓', '✗', '▲', '▼', '—', '…', '·', '°', '€'),
      fc.constantFrom('\u0301', '\u0308', '\u200b', '\u200d', '\ufe0f', '\u00ad'),
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(textWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 500 },
    );
  });
});

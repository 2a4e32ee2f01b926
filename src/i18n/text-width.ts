// How many terminal columns a text takes: two for a wide or full-width character (Chinese, full-width signs,
// most emoji), none for a control character, a combining mark or an invisible format character, one for the
// rest. Character by character, by Unicode's East Asian Width: what the command line's tables and frames
// hold (names, numbers, units, ✓ ✗ ▲). string-width, which also measures emoji sequences as a whole, cost
// about 80 ms to load and first call (Intl.Segmenter and its emoji pattern) in every `shopplan compute`.
import { eastAsianWidth } from 'get-east-asian-width';

const INVISIBLE = /^[\p{Control}\p{Mark}\p{Default_Ignorable_Code_Point}]$/u;

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // Printable ASCII, the common case, without a pattern test.
    if (code >= 0x20 && code < 0x7f) width += 1;
    else if (!INVISIBLE.test(char)) width += eastAsianWidth(code);
  }
  return width;
}

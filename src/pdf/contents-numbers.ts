// The contents' page numbers, written into the printed PDF. The plan is printed once with a placeholder of three
// eights for every number (as wide as any real one: the digits of the fonts used are tabular), and each placeholder
// is then replaced by the page its part starts on, glyph for glyph, in the content stream Chromium wrote. Before,
// a second print of the whole plan (1.3–2.4 s of Chromium per locale) found the numbers first.
//
// Chromium (Skia) writes each text run of the contents' numbers as one text object of its own:
//   BT /F5 14 Tf 1 0 0 -1 671.97 1246 Tm <001B> Tj 8.008 0 Td <001B> Tj 8.008 0 Td <001B> Tj ET
// one glyph per `Tj`, each placed by `Td` from the one before. A number of fewer digits keeps the slots on the right
// (the text is right-aligned), so every digit lands where Chromium would have drawn it. The glyphs come from the
// same font; its ToUnicode map says which glyph is which digit, and the text, the tags (the marked content around
// the object) and the links stay as they are.
//
// Nothing is changed unless every placeholder is found where expected and every digit needed is in the font's
// subset (a digit the document never draws in that font has no outline there): the caller then prints the plan
// again with its numbers, as before.
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';

/** What the contents show until their numbers are known. */
export const PLACEHOLDER = '888';

const SLOTS = PLACEHOLDER.length;
const HEX = '<([0-9A-Fa-f]{4})>';
const NUMBER = '(-?\\d*\\.?\\d+)';
// One text object holding the placeholder: font, text matrix, then its glyphs, one `Tj` each, the same glyph each time.
const PLACEHOLDER_OBJECT = new RegExp(`BT\\n(/\\S+) ${NUMBER} Tf\\n([^\\n]*) Tm\\n${HEX} Tj${`\\n${NUMBER} 0 Td <\\4> Tj`.repeat(SLOTS - 1)}\\nET`, 'g');

interface Found {
  stream: PDFRef;
  start: number;
  end: number;
  font: string;
  size: string;
  matrix: string;
  /** `Td` offsets from each slot to the next. */
  steps: number[];
  /** Glyph ids of the digits 0–9 in the object's font (null: not in its subset). */
  digits: Array<string | null>;
}

/**
 * Writes `numbers` (in the contents' order) over the placeholders on the pages `pageIndexes` (0-based) of a
 * document Chromium printed. Returns false, changing nothing, when the placeholders found are not one per
 * number, a number is longer than the placeholder, or its digits are not all in the font.
 */
export function fillContentsNumbers(doc: PDFDocument, pageIndexes: readonly number[], numbers: readonly number[]): boolean {
  const pages = doc.getPages();
  const texts = new Map<PDFRef, string>();
  const found: Found[] = [];
  for (const index of pageIndexes) {
    const page = pages[index];
    if (!page) return false;
    const fonts = new Map<string, Array<string | null> | undefined>();
    for (const ref of contentRefs(page)) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) return false;
      const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      texts.set(ref, text);
      for (const m of text.matchAll(PLACEHOLDER_OBJECT)) {
        const key = `${m[1]} ${m[4]!.toUpperCase()}`;
        if (!fonts.has(key)) fonts.set(key, digitGlyphs(page, m[1]!, parseInt(m[4]!, 16)));
        const glyphs = fonts.get(key);
        // Three of one glyph is the placeholder only where that glyph is an "8" of the font.
        if (!glyphs) continue;
        found.push({ stream: ref, start: m.index, end: m.index + m[0].length, font: m[1]!, size: m[2]!, matrix: m[3]!, steps: m.slice(5, 5 + SLOTS - 1).map(Number), digits: glyphs });
      }
    }
  }
  if (found.length !== numbers.length) return false;
  const replacements = found.map((f, i) => textObject(f, String(numbers[i])));
  if (replacements.some((r) => r === null)) return false;

  for (const [ref, text] of texts) {
    let out = '';
    let at = 0;
    found.forEach((f, i) => {
      if (f.stream !== ref) return;
      out += text.slice(at, f.start) + replacements[i]!;
      at = f.end;
    });
    if (at === 0) continue;
    out += text.slice(at);
    doc.context.assign(ref, doc.context.flateStream(Buffer.from(out, 'latin1')));
  }
  return true;
}

/** The placeholder's text object with `digits` right-aligned in its slots; null when they do not fit or are not all in the font. */
function textObject(f: Found, number: string): string | null {
  if (!/^\d+$/.test(number) || number.length > SLOTS) return null;
  const glyphs = [...number].map((d) => f.digits[Number(d)]);
  if (glyphs.some((g) => g === null || g === undefined)) return null;
  const skipped = SLOTS - number.length;
  // Slot i sits at the sum of the first i steps; the first digit is moved to its slot in one step.
  const lead = f.steps.slice(0, skipped).reduce((a, b) => a + b, 0);
  const shows = glyphs.map((g, i) => {
    const step = i === 0 ? (skipped ? `${pdfNumber(lead)} 0 Td ` : '') : `${pdfNumber(f.steps[skipped + i - 1]!)} 0 Td `;
    return `${step}<${g}> Tj`;
  });
  return `BT\n${f.font} ${f.size} Tf\n${f.matrix} Tm\n${shows.join('\n')}\nET`;
}

/** A number as a PDF content stream writes it: no exponent, at most five decimals, no trailing zeros. */
function pdfNumber(x: number): string {
  return x.toFixed(5).replace(/\.?0+$/, '');
}

function contentRefs(page: PDFPage): PDFRef[] {
  const contents = page.node.get(PDFName.of('Contents'));
  if (contents instanceof PDFRef) return [contents];
  if (contents instanceof PDFArray) return contents.asArray().filter((r): r is PDFRef => r instanceof PDFRef);
  return [];
}

/**
 * The glyph ids (4 hex digits, upper case) of the digits 0–9 that go with the glyph `eight` of a page's font
 * resource, from the font's ToUnicode map; undefined when `eight` is not an "8" of the font. Where a digit has
 * several glyphs (e.g. proportional and tabular figures), the one in the run of `eight` is taken, so all digits
 * come from one set; null for a digit the font's subset does not hold.
 */
function digitGlyphs(page: PDFPage, name: string, eight: number): Array<string | null> | undefined {
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const font = fonts?.lookupMaybe(PDFName.of(name.slice(1)), PDFDict);
  const ref = font?.get(PDFName.of('ToUnicode'));
  const cmap = ref && font!.context.lookup(ref);
  if (!(cmap instanceof PDFRawStream)) return undefined;
  const byDigit = new Map<number, number[]>();
  for (const [gid, text] of toUnicode(Buffer.from(decodePDFRawStream(cmap).decode()).toString('latin1'))) {
    if (/^[0-9]$/.test(text)) byDigit.set(Number(text), [...(byDigit.get(Number(text)) ?? []), gid]);
  }
  if (!byDigit.get(8)?.includes(eight)) return undefined;
  return Array.from({ length: 10 }, (_, d) => {
    const gids = byDigit.get(d) ?? [];
    const gid = gids.includes(eight - 8 + d) ? eight - 8 + d : gids.length === 1 ? gids[0]! : null;
    return gid === null ? null : gid.toString(16).toUpperCase().padStart(4, '0');
  });
}

/** The glyph → text pairs of a ToUnicode CMap (`bfchar` entries and `bfrange` runs, two-byte codes). */
export function toUnicode(cmap: string): Map<number, string> {
  const out = new Map<number, string>();
  const text = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, unicode] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) out.set(parseInt(code!, 16), text(unicode!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, target] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const first = parseInt(from!, 16);
      const last = parseInt(to!, 16);
      if (target!.startsWith('[')) {
        [...target!.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach(([, hex], i) => first + i <= last && out.set(first + i, text(hex!)));
      } else {
        const base = parseInt(target!.slice(1, -1), 16);
        for (let code = first; code <= last; code++) out.set(code, String.fromCharCode(base + code - first));
      }
    }
  }
  return out;
}

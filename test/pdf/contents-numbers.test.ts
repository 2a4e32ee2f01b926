// The contents' numbers written into a printed PDF (src/pdf/contents-numbers.ts), on documents built here the way
// Chromium writes them: one text object per placeholder, one glyph per `Tj`, each placed by `Td` from the one before,
// glyph ids named by the font's ToUnicode map. The real print is checked in pdf.test.ts (pdftotext of the contents).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { fillContentsNumbers, toUnicode } from '../../src/pdf/contents-numbers.ts';

// Noto Sans's digits 0–9 are glyphs 0x13–0x1C; 8 is 0x1B. Tabular: each 8.008 wide at 14 px.
const gid = (d: number) => (0x13 + d).toString(16).toUpperCase().padStart(4, '0');
const STEP = '8.0079651';
const placeholder = (y: number, font = '/F5', glyph = gid(8)) => `BT\n${font} 14 Tf\n1 0 0 -1 671.96875 ${y} Tm\n<${glyph}> Tj\n${STEP} 0 Td <${glyph}> Tj\n${STEP} 0 Td <${glyph}> Tj\nET`;
const title = (y: number) => `BT\n/F5 14 Tf\n1 0 0 -1 0 ${y} Tm\n<0026> Tj\n17.113251 0 Td <0052> Tj\nET`;
const marked = (mcid: number, object: string) => `/NonStruct <</MCID ${mcid} >>BDC\n${object}\nEMC`;

/** Tabular figures of the same font, a second set of digit glyphs: 0x0200–0x0209. */
const TABULAR = 0x200;
const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/**
 * A CMap as Skia writes it: single glyphs and runs. `digits`: the digits the font's subset holds; `tabular`: whether
 * it also holds the tabular set (as a font does whose digits are drawn both ways in one document).
 */
function cmap(digits: readonly number[], tabular = false): string {
  const chars = [...digits.map((d) => `<${gid(d)}> <${hex(0x30 + d)}>`), ...(tabular ? digits.map((d) => `<${hex(TABULAR + d)}> <${hex(0x30 + d)}>`) : [])];
  return `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n${chars.length} beginbfchar\n${chars.join('\n')}\nendbfchar\n1 beginbfrange\n<0024> <0026> <0041>\nendbfrange\nendcmap\nend\nend`;
}

/** A one-font document whose pages hold `pages` (content streams, Flate-compressed as Chromium's are). */
async function document(pages: string[], digits: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], tabular = false): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = doc.context.register(doc.context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'BAAAAA+NotoSans-Regular', ToUnicode: doc.context.register(doc.context.flateStream(cmap(digits, tabular))) }));
  for (const content of pages) {
    const page = doc.addPage([595.28, 841.89]);
    page.node.set(PDFName.of('Resources'), doc.context.obj({ Font: { F5: font } }));
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(content)));
  }
  return doc;
}

function contentOf(doc: PDFDocument, index: number): string {
  const ref = doc.getPages()[index]!.node.get(PDFName.of('Contents'));
  const stream = doc.context.lookup(ref instanceof PDFArray ? ref.get(0) : (ref as PDFRef)) as PDFRawStream;
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

/** The glyphs each text object shows (as digits where they are digits' glyphs), and where its first glyph sits (the sum of `Td`s before it). */
function shown(content: string): Array<{ text: string; x: number }> {
  return [...content.matchAll(/BT\n[\s\S]*?ET/g)].map(([object]) => {
    let x = 0;
    let first: number | undefined;
    let text = '';
    for (const [, dx, glyph] of object.matchAll(/(?:(-?[\d.]+) 0 Td )?<(\w{4})> Tj/g)) {
      x += Number(dx ?? 0);
      first ??= x;
      const digit = parseInt(glyph!, 16) - 0x13;
      text += digit >= 0 && digit <= 9 ? String(digit) : `<${glyph}>`;
    }
    return { text, x: first ?? 0 };
  });
}

describe('the contents numbered in the printed PDF', () => {
  it('writes each number over its placeholder, right-aligned in the placeholder’s slots, and leaves the rest as it was', async () => {
    const page2 = [marked(0, title(1163)), marked(1, placeholder(1246)), marked(2, title(1274)), marked(3, placeholder(1300))].join('\n');
    const page3 = marked(0, placeholder(100));
    const doc = await document(['cover', page2, page3]);
    expect(fillContentsNumbers(doc, [0, 1, 2], [5, 12, 107])).toBe(true);
    // "5" takes the third slot, 2 × 8.0079651 = 16.0159302 right of the placeholder's start; "12" the second and third.
    expect(shown(contentOf(doc, 1))).toEqual([
      { text: '<0026><0052>', x: 0 },
      { text: '5', x: 16.01593 },
      { text: '<0026><0052>', x: 0 },
      { text: '12', x: 8.00797 },
    ]);
    expect(shown(contentOf(doc, 2))).toEqual([{ text: '107', x: 0 }]);
    // the marked content (the tags' hold on the text), the font, size and text matrix are kept
    expect(contentOf(doc, 1)).toContain(`/NonStruct <</MCID 1 >>BDC\nBT\n/F5 14 Tf\n1 0 0 -1 671.96875 1246 Tm\n16.01593 0 Td <${gid(5)}> Tj\nET\nEMC`);
    expect(contentOf(doc, 1)).toContain(title(1274));
    expect(contentOf(doc, 0)).toBe('cover');
  });

  it('puts every digit of any number up to the placeholder’s length where the same glyphs written from the start would stand', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 30 }), async (numbers) => {
        const doc = await document(['cover', numbers.map((_, i) => placeholder(100 + 30 * i)).join('\n')]);
        expect(fillContentsNumbers(doc, [0, 1], numbers)).toBe(true);
        const objects = shown(contentOf(doc, 1));
        expect(objects.map((o) => Number(o.text))).toEqual(numbers);
        // right-aligned: the last digit always in the last slot
        objects.forEach((o) => expect(o.x + (o.text.length - 1) * Number(STEP)).toBeCloseTo(2 * Number(STEP), 4));
      }),
      { numRuns: 60 },
    );
  });

  it('takes the digits from the set of the placeholder’s own "8" when the font holds two (proportional and tabular)', async () => {
    const doc = await document(['cover', [placeholder(10, '/F5', hex(TABULAR + 8)), placeholder(40)].join('\n')], undefined, true);
    expect(fillContentsNumbers(doc, [0, 1], [47, 5])).toBe(true);
    // "47" in the second and third slots, in tabular glyphs: 0x0204, 0x0207 (the proportional ones are 0x0017, 0x001A)
    expect(contentOf(doc, 1)).toContain(`8.00797 0 Td <${hex(TABULAR + 4)}> Tj\n8.00797 0 Td <${hex(TABULAR + 7)}> Tj\nET`);
    expect(shown(contentOf(doc, 1)).at(-1)).toEqual({ text: '5', x: 16.01593 });
  });

  it.each([
    ['a digit the font’s subset does not hold (its outline is not in the file)', [[placeholder(1)], [7]], [0, 1, 2, 3, 4, 5, 6, 8, 9]],
    ['more placeholders than numbers', [[placeholder(1), placeholder(2)], [3]], undefined],
    ['fewer placeholders than numbers', [[placeholder(1)], [3, 4]], undefined],
    ['a number longer than the placeholder', [[placeholder(1)], [1000]], undefined],
    ['three of a glyph that is not the font’s "8"', [[placeholder(1, '/F5', gid(3))], [3]], undefined],
    ['a font the page does not have', [[placeholder(1, '/F9')], [3]], undefined],
  ] as const)('changes nothing and says so when it cannot: %s', async (_, [objects, numbers], digits) => {
    const content = objects.join('\n');
    const doc = await document(['cover', content], digits);
    expect(fillContentsNumbers(doc, [0, 1], numbers)).toBe(false);
    expect(contentOf(doc, 1)).toBe(content);
  });

  it('reads a ToUnicode map’s single glyphs and runs (both forms)', () => {
    const map = toUnicode('2 beginbfchar\n<0013> <0030>\n<001B> <0038>\nendbfchar\n2 beginbfrange\n<0024> <0026> <0041>\n<0030> <0031> [<0061> <0062>]\nendbfrange');
    expect([...map]).toEqual([[0x13, '0'], [0x1b, '8'], [0x24, 'A'], [0x25, 'B'], [0x26, 'C'], [0x30, 'a'], [0x31, 'b']]);
  });
});

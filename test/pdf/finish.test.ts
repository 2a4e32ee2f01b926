// pdf-lib steps of the PDF, on documents made here (no Chromium): the exact A4 box (portrait and
// landscape), fixed metadata and no per-print file id (same input → same bytes), the outline shown on
// opening, links to the local server neutralised, and the first pages of the parts read from the named
// destinations Chromium writes.
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { A4, finishPdf, outlineItems } from '../../src/pdf/finish.ts';
import { partPages } from '../../src/pdf/page-numbers.ts';

const metadata = { title: 'Plan v1', author: 'Co', subject: 'Full plan', keywords: ['Co'], language: 'en', date: new Date('2026-11-20T08:00:00Z'), producer: 'ShopPlan 0.1.0' };

/** A document as Chromium prints it: pages of 594.96 × 841.92 pt (one landscape), links, named destinations, an id. */
async function printed(options: { uris?: string[]; dests?: Record<string, number>; outline?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const sizes: Array<[number, number]> = [[594.96, 841.92], [594.96, 841.92], [841.92, 594.96], [594.96, 841.92]];
  for (const [i, size] of sizes.entries()) doc.addPage(size).drawText(`page ${i + 1}`, { x: 50, y: 50, size: 8 });
  const first = doc.getPage(0);
  const annots = (options.uris ?? []).map((uri, i) =>
    doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10, 10 + i * 20, 100, 25 + i * 20], A: doc.context.register(doc.context.obj({ Type: 'Action', S: 'URI', URI: PDFString.of(uri) } as never)) } as never)),
  );
  if (annots.length) first.node.set(PDFName.of('Annots'), doc.context.obj(annots));
  if (options.dests) {
    const dests = doc.context.obj({});
    for (const [name, page] of Object.entries(options.dests)) dests.set(PDFName.of(name), doc.context.obj([doc.getPage(page - 1).ref, PDFName.of('XYZ'), 0, 800, 0]));
    doc.catalog.set(PDFName.of('Dests'), doc.context.register(dests));
  }
  if (options.outline) {
    // Two entries, the second with a child, titled as Chromium titles wrapped headings.
    const root = doc.context.nextRef();
    const [a, b, c] = [doc.context.nextRef(), doc.context.nextRef(), doc.context.nextRef()];
    doc.context.assign(c, doc.context.obj({ Title: PDFHexString.fromText('Child'), Parent: b } as never));
    doc.context.assign(b, doc.context.obj({ Title: PDFHexString.fromText('Second headingSecond heading'), Parent: root, Prev: a, First: c, Last: c, Count: 1 } as never));
    doc.context.assign(a, doc.context.obj({ Title: PDFHexString.fromText('A wrappedheading'), Parent: root, Next: b } as never));
    doc.context.assign(root, doc.context.obj({ Type: 'Outlines', First: a, Last: b, Count: 3 } as never));
    doc.catalog.set(PDFName.of('Outlines'), root);
  }
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(String(Math.random()).slice(2)), PDFHexString.of('00')]);
  return doc.save();
}

describe('finishPdf', () => {
  it('sets every page box to A4 exactly, portrait or landscape, anchored at the top-left', async () => {
    const { bytes, pages } = await finishPdf(await printed(), metadata);
    expect(pages).toBe(4);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const boxes = doc.getPages().map((p) => p.getMediaBox());
    expect(boxes.map((b) => [b.width, b.height])).toEqual([[A4.width, A4.height], [A4.width, A4.height], [A4.height, A4.width], [A4.width, A4.height]]);
    expect(boxes[0]!.y + boxes[0]!.height).toBeCloseTo(841.92, 2);
    expect(boxes[2]!.y + boxes[2]!.height).toBeCloseTo(594.96, 2);
    expect(doc.getPages().map((p) => p.getCropBox().width)).toEqual(boxes.map((b) => b.width));
  });

  it('writes fixed metadata and no file id: two prints of the same input give the same bytes', async () => {
    const [a, b] = [await finishPdf(await printed(), metadata), await finishPdf(await printed(), metadata)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const doc = await PDFDocument.load(a.bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('Plan v1');
    expect(doc.getAuthor()).toBe('Co');
    expect(doc.getCreator()).toBe('ShopPlan');
    expect(doc.getProducer()).toBe('ShopPlan 0.1.0');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-20T08:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-20T08:00:00.000Z');
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toContain('en');
    expect(doc.context.trailerInfo.ID).toBeUndefined();
  });

  it('numbers structure ids in document order and sorts the ID tree: Chromium numbering nodes differently gives the same bytes', async () => {
    // Three tagged elements in document order; Chromium's DOM node ids differ between prints, and its ID tree
    // lists them in its own order.
    async function tagged(ids: string[], treeOrder: number[]): Promise<Uint8Array> {
      const doc = await PDFDocument.create({ updateMetadata: false });
      doc.addPage([594.96, 841.92]);
      const elements = ids.map((id) => doc.context.register(doc.context.obj({ Type: 'StructElem', S: 'P', ID: PDFString.of(id) } as never)));
      const names = treeOrder.flatMap((i) => [PDFString.of(ids[i]!), elements[i]!]);
      const idTree = doc.context.obj({ Names: doc.context.obj(names as never[]) } as never);
      doc.catalog.set(PDFName.of('StructTreeRoot'), doc.context.register(doc.context.obj({ Type: 'StructTreeRoot', K: doc.context.obj(elements), IDTree: idTree } as never)));
      return doc.save();
    }
    const a = await finishPdf(await tagged(['node00000900', 'node00000100', 'node00000500'], [1, 2, 0]), metadata);
    const b = await finishPdf(await tagged(['node00000007', 'node00000031', 'node00000003'], [2, 0, 1]), metadata);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const doc = await PDFDocument.load(a.bytes, { updateMetadata: false });
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const tree = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray).asArray();
    expect(tree.filter((_, i) => i % 2 === 0).map((k) => (k as PDFString).decodeText())).toEqual(['node00000001', 'node00000002', 'node00000003']);
  });

  it('titles the outline with the headings when there is one per entry, and keeps it otherwise', async () => {
    const titles = async (headings: string[]) => {
      const finished = await finishPdf(await printed({ outline: true }), metadata, { headings });
      const doc = await PDFDocument.load(finished.bytes);
      return { retitled: finished.retitled, titles: outlineItems(doc.catalog.lookup(PDFName.of('Outlines'), PDFDict)).map((i) => (i.lookup(PDFName.of('Title')) as PDFHexString).decodeText()) };
    };
    expect(await titles(['A wrapped heading', 'Second heading', 'Child'])).toEqual({ retitled: true, titles: ['A wrapped heading', 'Second heading', 'Child'] });
    expect(await titles(['Only one'])).toEqual({ retitled: false, titles: ['A wrappedheading', 'Second headingSecond heading', 'Child'] });
  });

  it('opens on the outline when the document has one', async () => {
    const withOutline = await PDFDocument.load((await finishPdf(await printed({ outline: true }), metadata)).bytes);
    expect(withOutline.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
    const without = await PDFDocument.load((await finishPdf(await printed(), metadata)).bytes);
    expect(without.catalog.get(PDFName.of('PageMode'))).toBeUndefined();
  });

  it('neutralises the links it is told to drop (their URI leaves the file) and keeps the others', async () => {
    const local = 'http://127.0.0.1:4567/targets/';
    const result = await finishPdf(await printed({ uris: [local, 'https://example.com/'] }), metadata, { dropLink: (uri) => uri.startsWith('http://127.0.0.1') });
    expect(result.dropped).toBe(1);
    expect(Buffer.from(result.bytes).includes('127.0.0.1')).toBe(false);
    const doc = await PDFDocument.load(result.bytes);
    const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).asArray().map((r) => doc.context.lookup(r, PDFDict));
    expect(annots.map((a) => a.has(PDFName.of('A')))).toEqual([false, true]);
  });
});

describe('partPages', () => {
  it('reads the first page of each part from the named destinations, and names the ones missing', async () => {
    const bytes = await printed({ dests: { 'part-1': 2, 'part-2': 3, 'part-2-intro': 4 } });
    const { pages, first } = await partPages(bytes, ['part-1', 'part-2']);
    expect(pages).toBe(4);
    expect(Object.fromEntries(first)).toEqual({ 'part-1': 2, 'part-2': 3 });
    await expect(partPages(bytes, ['part-1', 'part-3'])).rejects.toThrow(/part-3/);
  });
});

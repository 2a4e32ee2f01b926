// pdf-lib steps of the PDF, on documents made here (no Chromium): merging, jumps for links, dropped local
// links, page numbers drawn over the pages, the exact A4 box and fixed metadata.
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { A4, assemble, countPages, type LinkTarget } from '../../src/pdf/assemble.ts';
import { partLink, partOfLink } from '../../src/pdf/html.ts';

/** A part of `pages` pages as Chromium prints them (595.92 × 841.92 pt), with URI links on its first page. */
async function part(pages: number, uris: string[] = []): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595.92, 841.92]).drawText(`page ${i + 1}`, { x: 50, y: 50, size: 8 });
  const first = doc.getPage(0);
  const annots = uris.map((uri, i) =>
    doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [10, 10 + i * 20, 100, 25 + i * 20], A: { Type: 'Action', S: 'URI', URI: PDFString.of(uri) } } as never)),
  );
  if (annots.length) first.node.set(PDFName.of('Annots'), doc.context.obj(annots));
  return doc.save();
}

const metadata = { title: 'Plan v1', author: 'Co', subject: 'Full plan', keywords: ['Co'], language: 'en', date: new Date('2026-11-20T08:00:00Z'), producer: 'ShopPlan 0.1.0' };

describe('assemble', () => {
  it('merges parts, turns contents links into jumps to first pages, drops local links, keeps web links', async () => {
    const local = 'http://127.0.0.1:4567/targets/';
    const parts = [await part(1), await part(1, [partLink(2), partLink(3), local, 'https://example.com/']), await part(2), await part(3)];
    const resolveLink = (uri: string): LinkTarget => {
      const n = partOfLink(uri);
      return n !== undefined ? { part: n } : uri.startsWith('http://127.0.0.1') ? 'drop' : 'keep';
    };
    const result = await assemble({ parts, resolveLink, metadata });
    expect(result.pages).toBe(7);
    expect(result.firstPages).toEqual([1, 2, 3, 5]);
    expect(result.internalLinks).toBe(2);
    expect(Buffer.from(result.bytes).includes('127.0.0.1')).toBe(false);

    const doc = await PDFDocument.load(result.bytes);
    const refs = doc.getPages().map((p) => p.ref);
    const annots = doc.getPage(1).node.lookup(PDFName.of('Annots'), PDFArray);
    expect(annots.size()).toBe(3);
    const dicts = annots.asArray().map((r) => doc.context.lookup(r, PDFDict));
    const dest = (d: PDFDict) => d.lookupMaybe(PDFName.of('Dest'), PDFArray);
    expect(refs.indexOf(dest(dicts[0]!)!.get(0) as PDFRef) + 1).toBe(3);
    expect(refs.indexOf(dest(dicts[1]!)!.get(0) as PDFRef) + 1).toBe(5);
    expect(dest(dicts[0]!)!.get(1)).toBe(PDFName.of('Fit'));
    expect(String(dicts[2]!.lookup(PDFName.of('A'), PDFDict).get(PDFName.of('URI')))).toContain('example.com');
  });

  it('sets the page box to A4 exactly and fixed metadata, the same bytes every time', async () => {
    const input = { parts: [await part(2)], resolveLink: () => 'keep' as const, metadata };
    const [a, b] = [await assemble(input), await assemble(input)];
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const doc = await PDFDocument.load(a.bytes, { updateMetadata: false });
    for (const page of doc.getPages()) {
      const box = page.getMediaBox();
      expect([box.width, box.height]).toEqual([A4.width, A4.height]);
      // Anchored at the top: the content keeps its place.
      expect(box.y + box.height).toBeCloseTo(841.92, 2);
    }
    expect(doc.getTitle()).toBe('Plan v1');
    expect(doc.getAuthor()).toBe('Co');
    expect(doc.getCreator()).toBe('ShopPlan');
    expect(doc.getProducer()).toBe('ShopPlan 0.1.0');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-20T08:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-20T08:00:00.000Z');
  });

  it('draws the overlay pages over every page from `from` on, and adds bookmarks', async () => {
    const overlay = await part(2);
    const result = await assemble({ parts: [await part(1), await part(2)], overlay: { pdf: overlay, from: 2 }, resolveLink: () => 'keep', metadata, outline: [{ part: 1, title: '目录' }] });
    const doc = await PDFDocument.load(result.bytes);
    const xobjects = (i: number) => doc.getPage(i).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict)?.keys().length ?? 0;
    expect([xobjects(0), xobjects(1), xobjects(2)]).toEqual([0, 1, 1]);
    expect(doc.catalog.get(PDFName.of('Outlines'))).toBeInstanceOf(PDFRef);
    expect(await countPages(result.bytes)).toBe(3);
  });
});

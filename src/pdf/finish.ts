// The pdf-lib step after Chromium printed a document: the exact ISO A4 page boxes, fixed metadata (same
// input → same bytes), the outline shown when the file opens, and no link left to the local server the
// pages were printed from. The document itself (text, tags, outline, links) is Chromium's, untouched.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  /** Creation and modification date: the plan version's git commit date, or a constant. */
  date: Date;
  producer: string;
}

/** ISO 216 A4 in PostScript points (210 × 297 mm). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** The date used when the plan's version has no git date: a constant, so the PDF stays the same. */
export const CONSTANT_DATE = new Date('2000-01-01T00:00:00Z');

export async function countPages(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

export interface Finished {
  bytes: Uint8Array;
  pages: number;
  /** Link annotations removed because `dropLink` said so. */
  dropped: number;
}

/**
 * Finishes a PDF Chromium printed. `dropLink` decides which URI links go (links to the local server: its
 * random port must not reach the file).
 */
export async function finishPdf(bytes: Uint8Array, metadata: PdfMetadata, dropLink: (uri: string) => boolean = () => false): Promise<Finished> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  let dropped = 0;
  for (const page of doc.getPages()) {
    // Chromium rounds the paper to whole device units (e.g. 594.96 × 841.92 pt for 210 × 297 mm); the box
    // is set to A4 exactly — portrait or landscape — anchored at the top-left, so under a point of blank
    // margin goes.
    const box = page.getMediaBox();
    const landscape = box.width > box.height;
    const [width, height] = landscape ? [A4.height, A4.width] : [A4.width, A4.height];
    const top = box.y + box.height;
    page.setMediaBox(box.x, top - height, width, height);
    page.setCropBox(box.x, top - height, width, height);
    dropped += dropLinks(doc, page.node, dropLink);
  }
  setMetadata(doc, metadata);
  if (doc.catalog.has(PDFName.of('Outlines'))) doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  // Skia's file identifier changes from one print to the next; without it the same input gives the same bytes.
  doc.context.trailerInfo.ID = undefined;
  const out = await doc.save({ useObjectStreams: true });
  return { bytes: out, pages: doc.getPageCount(), dropped };
}

function uriOf(doc: PDFDocument, annot: PDFDict): string | undefined {
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  if (!action || action.get(PDFName.of('S')) !== PDFName.of('URI')) return undefined;
  const uri = action.lookup(PDFName.of('URI'));
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
}

function dropLinks(doc: PDFDocument, page: PDFDict, drop: (uri: string) => boolean): number {
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  let dropped = 0;
  for (const ref of annots?.asArray() ?? []) {
    const annot = doc.context.lookupMaybe(ref, PDFDict);
    const uri = annot && annot.get(PDFName.of('Subtype')) === PDFName.of('Link') ? uriOf(doc, annot) : undefined;
    if (!annot || uri === undefined || !drop(uri)) continue;
    // The annotation stays (the tag tree points at it) but goes nowhere, and its URI is out of the file.
    const action = annot.get(PDFName.of('A'));
    if (action instanceof PDFRef) doc.context.delete(action);
    annot.delete(PDFName.of('A'));
    dropped++;
  }
  return dropped;
}

function setMetadata(doc: PDFDocument, m: PdfMetadata): void {
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  doc.setAuthor(m.author);
  doc.setSubject(m.subject);
  doc.setKeywords(m.keywords);
  doc.setCreator('ShopPlan');
  doc.setProducer(m.producer);
  doc.setCreationDate(m.date);
  doc.setModificationDate(m.date);
  doc.setLanguage(m.language);
}

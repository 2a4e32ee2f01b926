// pdf-lib steps that need no browser: count pages, merge the printed parts, stamp the page numbers, turn
// the links Chromium wrote into jumps inside the document, and set fixed metadata (same input → same PDF).
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFPage } from 'pdf-lib';

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

/** Where a link of a printed page should go once the parts are merged: a part (at an anchor of it, when
 * that part has it as a destination, else its first page), kept as it is, or dropped. */
export type LinkTarget = { part: number; anchor?: string } | 'keep' | 'drop';

export interface AssembleInput {
  parts: Uint8Array[];
  /** One page per merged page from page `from` (1-based) on, drawn over it: running header and page number. */
  overlay?: { pdf: Uint8Array; from: number };
  /** Decides every URI link: jump to a part's first page, keep it, or drop it. */
  resolveLink: (uri: string) => LinkTarget;
  metadata: PdfMetadata;
  /** Bookmarks: part index → title (shown in a reader's outline panel). */
  outline?: Array<{ part: number; title: string }>;
}

export interface Assembled {
  bytes: Uint8Array;
  pages: number;
  /** First page (1-based) of each part. */
  firstPages: number[];
  /** How many links became jumps inside the document. */
  internalLinks: number;
}

export async function assemble(input: AssembleInput): Promise<Assembled> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const firstPages: number[] = [];
  /** Per part: its named destinations (Chromium's in-page anchors), pointing at the merged pages. */
  const anchors: Array<Map<string, PDFArray>> = [];
  /** Per merged page: the part it comes from. */
  const partOfPage: number[] = [];
  for (const [part, bytes] of input.parts.entries()) {
    const src = await PDFDocument.load(bytes, { updateMetadata: false });
    firstPages.push(doc.getPageCount() + 1);
    const copied = await doc.copyPages(src, src.getPageIndices());
    for (const page of copied) {
      doc.addPage(page);
      partOfPage.push(part);
    }
    anchors.push(namedDestinations(src, copied, doc));
  }
  const pages = doc.getPages();

  if (input.overlay) {
    const { pdf, from } = input.overlay;
    const count = pages.length - from + 1;
    const stamps = await doc.embedPdf(pdf, Array.from({ length: count }, (_, i) => i));
    stamps.forEach((stamp, i) => pages[from - 1 + i]!.drawPage(stamp, { x: 0, y: 0 }));
  }
  // Chromium rounds the paper to whole device units (595.92 × 841.92 pt for 210 × 297 mm); the box is set
  // to A4 exactly, anchored at the top-left, so less than a point of blank margin goes.
  for (const page of pages) {
    const box = page.getMediaBox();
    const top = box.y + box.height;
    page.setMediaBox(box.x, top - A4.height, A4.width, A4.height);
    page.setCropBox(box.x, top - A4.height, A4.width, A4.height);
  }

  let internalLinks = 0;
  pages.forEach((page, i) => (internalLinks += rewriteLinks(doc, page, { pages, firstPages, anchors, ownAnchors: anchors[partOfPage[i]!]! }, input.resolveLink)));
  if (input.outline?.length) addOutline(doc, pages, firstPages, input.outline);
  setMetadata(doc, input.metadata);
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: pages.length, firstPages, internalLinks };
}

/** Loads one printed PDF, fixes its links and metadata (the board summary). */
export async function finish(bytes: Uint8Array, resolveLink: (uri: string) => LinkTarget, metadata: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  const result = await assemble({ parts: [bytes], resolveLink, metadata });
  return { bytes: result.bytes, pages: result.pages };
}

function text(value: unknown): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

/** A part's `/Dests` (name → [page /XYZ x y z]) with its pages replaced by their merged copies. */
function namedDestinations(src: PDFDocument, copied: PDFPage[], doc: PDFDocument): Map<string, PDFArray> {
  const out = new Map<string, PDFArray>();
  const dests = src.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return out;
  const srcRefs = src.getPages().map((p) => p.ref);
  for (const [name, value] of dests.entries()) {
    const resolved = src.context.lookup(value);
    const array = resolved instanceof PDFDict ? resolved.lookupMaybe(PDFName.of('D'), PDFArray) : resolved instanceof PDFArray ? resolved : undefined;
    const index = array ? srcRefs.indexOf(array.get(0) as PDFRef) : -1;
    if (!array || index < 0) continue;
    out.set(name.decodeText(), doc.context.obj([copied[index]!.ref, ...array.asArray().slice(1)]));
  }
  return out;
}

interface LinkContext {
  pages: PDFPage[];
  firstPages: number[];
  anchors: Array<Map<string, PDFArray>>;
  /** The named destinations of the part this page belongs to. */
  ownAnchors: Map<string, PDFArray>;
}

/**
 * Every URI link becomes a jump inside the document (`/Dest [page /Fit]`, or the anchor's own position),
 * stays, or goes, as `resolve` says; links to a named anchor of the same part point at its position
 * directly (the merged document has no name table). Returns how many links jump inside the document.
 */
function rewriteLinks(doc: PDFDocument, page: PDFPage, ctx: LinkContext, resolve: (uri: string) => LinkTarget): number {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return 0;
  let internal = 0;
  const keep: Array<ReturnType<PDFArray['get']>> = [];
  for (let i = 0; i < annots.size(); i++) {
    const ref = annots.get(i);
    const annot = doc.context.lookupMaybe(ref, PDFDict);
    if (!annot || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) {
      keep.push(ref);
      continue;
    }
    const named = annot.get(PDFName.of('Dest'));
    if (named instanceof PDFName || named instanceof PDFString || named instanceof PDFHexString) {
      const dest = ctx.ownAnchors.get(named.decodeText());
      if (!dest) {
        if (ref instanceof PDFRef) doc.context.delete(ref);
        continue;
      }
      annot.set(PDFName.of('Dest'), dest);
      keep.push(ref);
      internal++;
      continue;
    }
    const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
    const uri = action && action.get(PDFName.of('S')) === PDFName.of('URI') ? text(action.lookup(PDFName.of('URI'))) : undefined;
    if (uri === undefined) {
      keep.push(ref);
      continue;
    }
    const target = resolve(uri);
    if (target === 'drop') {
      // Out of the file too, not only off the page: its URI names the local server's random port.
      if (ref instanceof PDFRef) doc.context.delete(ref);
      continue;
    }
    if (target !== 'keep') {
      const first = ctx.firstPages[target.part];
      const page = first === undefined ? undefined : ctx.pages[first - 1];
      if (!page) {
        if (ref instanceof PDFRef) doc.context.delete(ref);
        continue;
      }
      const anchor = target.anchor === undefined ? undefined : ctx.anchors[target.part]?.get(target.anchor);
      annot.delete(PDFName.of('A'));
      annot.set(PDFName.of('Dest'), anchor ?? doc.context.obj([page.ref, PDFName.of('Fit')]));
      internal++;
    }
    keep.push(ref);
  }
  if (keep.length !== annots.size()) {
    if (keep.length) page.node.set(PDFName.of('Annots'), doc.context.obj(keep));
    else page.node.delete(PDFName.of('Annots'));
  }
  return internal;
}

/** A flat outline (bookmarks), one entry per part. */
function addOutline(doc: PDFDocument, pages: PDFPage[], firstPages: number[], items: Array<{ part: number; title: string }>): void {
  const entries = items.filter((i) => firstPages[i.part] !== undefined);
  if (!entries.length) return;
  const rootRef = doc.context.nextRef();
  const refs: PDFRef[] = entries.map(() => doc.context.nextRef());
  entries.forEach((item, i) => {
    const page = pages[firstPages[item.part]! - 1]!;
    const dict: Record<string, unknown> = {
      Title: PDFHexString.fromText(item.title),
      Parent: rootRef,
      Dest: [page.ref, PDFName.of('Fit')],
    };
    if (i > 0) dict.Prev = refs[i - 1];
    if (i < entries.length - 1) dict.Next = refs[i + 1];
    doc.context.assign(refs[i]!, doc.context.obj(dict as never));
  });
  doc.context.assign(rootRef, doc.context.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: entries.length } as never));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
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

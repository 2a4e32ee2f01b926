// The pdf-lib step after Chromium printed a document: the exact ISO A4 page boxes, fixed metadata (same
// input → same bytes), the outline shown when the file opens, and no link left to the local server the
// pages were printed from. The document itself (text, tags, outline, links) is Chromium's, untouched.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

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

/** Loads a PDF as it is (no metadata of pdf-lib's own), without yielding to the event loop while parsing. */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

export async function countPages(bytes: Uint8Array): Promise<number> {
  return (await loadPdf(bytes)).getPageCount();
}

export interface Finished {
  bytes: Uint8Array;
  pages: number;
  /** Link annotations neutralised because `dropLink` said so. */
  dropped: number;
  /** Whether the outline's titles were replaced by `headings` (false: no outline, or a different count). */
  retitled: boolean;
}

export interface FinishOptions {
  /** Decides which URI links go (links to the local server: its random port must not reach the file). */
  dropLink?: (uri: string) => boolean;
  /**
   * The document's printed headings in order. Chromium makes the outline from the headings but takes
   * their titles from the laid-out lines, losing the space at a line break and sometimes repeating a line;
   * the titles are replaced by these when the counts agree.
   */
  headings?: string[];
}

/** Finishes a PDF Chromium printed (its bytes, or the document already loaded). */
export async function finishPdf(pdf: Uint8Array | PDFDocument, metadata: PdfMetadata, options: FinishOptions = {}): Promise<Finished> {
  const dropLink = options.dropLink ?? (() => false);
  const doc = pdf instanceof PDFDocument ? pdf : await loadPdf(pdf);
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
  renumberStructureIds(doc);
  setMetadata(doc, metadata);
  const outline = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (outline) doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  const retitled = outline !== undefined && options.headings !== undefined && retitle(outline, options.headings);
  // Skia's file identifier changes from one print to the next; without it the same input gives the same bytes.
  doc.context.trailerInfo.ID = undefined;
  const out = await doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
  return { bytes: out, pages: doc.getPageCount(), dropped, retitled };
}

/** The outline's items in reading order (depth first). */
export function outlineItems(outline: PDFDict): PDFDict[] {
  const items: PDFDict[] = [];
  const walk = (node: PDFDict) => {
    for (let item = node.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push(item);
      walk(item);
    }
  };
  walk(outline);
  return items;
}

function retitle(outline: PDFDict, headings: string[]): boolean {
  const items = outlineItems(outline);
  if (items.length !== headings.length) return false;
  items.forEach((item, i) => item.set(PDFName.of('Title'), PDFHexString.fromText(headings[i]!)));
  return true;
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

/**
 * Tagged PDFs name their structure elements after Chromium's DOM node ids (`node00000893`), which depend on
 * what the browser did before and in which order it numbered the nodes. They become 1, 2, 3… in the order
 * of the structure tree (the document's order), everywhere they appear (`/ID`, table cells' `/Headers`, the
 * ID tree), so the same input gives the same bytes.
 */
function renumberStructureIds(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const idOf = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);
  // Depth first through the structure tree, each element once.
  const next = new Map<string, string>();
  const seen = new Set<PDFDict>();
  const walk = (node: unknown): void => {
    const value = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (value instanceof PDFArray) {
      for (const item of value.asArray()) walk(item);
    } else if (value instanceof PDFDict && !seen.has(value)) {
      seen.add(value);
      const id = idOf(value.get(PDFName.of('ID')));
      if (id !== undefined && !next.has(id)) next.set(id, `node${String(next.size + 1).padStart(8, '0')}`);
      walk(value.get(PDFName.of('K')));
    }
  };
  walk(root.get(PDFName.of('K')));
  if (!next.size) return;
  const renamed = (value: unknown): PDFString | undefined => {
    const id = idOf(value);
    const to = id === undefined ? undefined : next.get(id);
    return to === undefined ? undefined : PDFString.of(to);
  };
  const visit = (value: unknown): void => {
    if (value instanceof PDFDict) {
      for (const [key, v] of value.entries()) {
        const to = renamed(v);
        if (to) value.set(key, to);
        else visit(v);
      }
    } else if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) {
        const to = renamed(value.get(i));
        if (to) value.set(i, to);
        else visit(value.get(i));
      }
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) visit(obj);
  // Renamed, the ID tree's entries keep Chromium's order; a name tree is sorted by key (and so the same bytes).
  sortNameTree(doc, root.get(PDFName.of('IDTree')));
}

function sortNameTree(doc: PDFDocument, node: unknown): void {
  const dict = node instanceof PDFRef ? doc.context.lookup(node) : node;
  if (!(dict instanceof PDFDict)) return;
  const kids = dict.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (const kid of kids.asArray()) sortNameTree(doc, kid);
  const names = dict.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!names) return;
  const items = names.asArray();
  const key = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '');
  const pairs: Array<[unknown, unknown]> = [];
  for (let i = 0; i + 1 < items.length; i += 2) pairs.push([items[i], items[i + 1]]);
  pairs.sort((a, b) => (key(a[0]) < key(b[0]) ? -1 : key(a[0]) > key(b[0]) ? 1 : 0));
  const sorted = doc.context.obj(pairs.flat() as never[]) as PDFArray;
  dict.set(PDFName.of('Names'), sorted);
  if (dict.has(PDFName.of('Limits')) && pairs.length) dict.set(PDFName.of('Limits'), doc.context.obj([pairs[0]![0], pairs[pairs.length - 1]![0]] as never[]));
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

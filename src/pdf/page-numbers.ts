// Where the parts of a printed plan start: Chromium writes a named destination (`/Dests`) for every
// element a link of the document points at, so the contents' links to `#part-<n>` name the page each
// part starts on.
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { ShopPlanError } from '../diagnostics/errors.ts';

/** The 1-based page each named destination points at. */
export function destinationPages(doc: PDFDocument): Map<string, number> {
  const pages = doc.getPages().map((p) => p.ref);
  const out = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return out;
  for (const [name, value] of dests.entries()) {
    const resolved = doc.context.lookup(value);
    const array = resolved instanceof PDFDict ? resolved.lookupMaybe(PDFName.of('D'), PDFArray) : resolved instanceof PDFArray ? resolved : undefined;
    const index = array ? pages.indexOf(array.get(0) as PDFRef) : -1;
    if (index >= 0) out.set(name.decodeText(), index + 1);
  }
  return out;
}

/** The first page of each of `ids` in a printed document, and its page count; throws when one is missing. */
export async function partPages(pdf: Uint8Array | PDFDocument, ids: readonly string[]): Promise<{ pages: number; first: Map<string, number> }> {
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const dests = destinationPages(doc);
  const missing = ids.filter((id) => !dests.has(id));
  if (missing.length) throw new ShopPlanError('pdf-failed', `Chromium wrote no destination for ${missing.join(', ')}: the contents cannot be numbered.`);
  return { pages: doc.getPageCount(), first: new Map(ids.map((id) => [id, dests.get(id)!])) };
}

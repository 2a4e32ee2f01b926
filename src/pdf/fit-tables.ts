// No table of the full plan is clipped on paper. The composed document (src/pdf/compose.ts) is laid out
// for print at the text width of a portrait page. A table wider than that first tries smaller type;
// failing that it moves, with the short content just before it (headings, a line of text), into a
// `.pdf-wide` block printed on landscape pages of its part; a table too wide even there (in smaller type)
// is split by columns into tables that each repeat the row-header columns (e.g. a monthly P&L: January to
// June, then July to December and the year); a piece still too wide (one very wide column) lets its
// cells wrap.
//
// Both functions run in the page (page.evaluate serialises them): they may use nothing from outside.

export interface FitInput {
  /** Text width of a portrait and of a landscape page, in CSS pixels. */
  portrait: number;
  landscape: number;
  /** Text height of a portrait page, in CSS pixels. */
  height: number;
  /** Appended to a part's page name for its landscape pages. */
  suffix: string;
}

export interface FitReport {
  /** Tables that fit their portrait page in smaller type. */
  compact: number;
  /** Tables printed on landscape pages (split ones counted once). */
  landscape: number;
  /** Tables split by columns, and into how many pieces in all. */
  split: number;
  pieces: number;
  /** Pieces whose cells had to wrap. */
  wrapped: number;
}

export function fitTablesInPage(input: FitInput): FitReport {
  const report: FitReport = { compact: 0, landscape: 0, split: 0, pieces: 0, wrapped: 0 };
  const SLACK = 0.5;
  const extent = (table: Element, section: Element) => table.getBoundingClientRect().right - section.getBoundingClientRect().left;
  const sum = (values: number[], from: number, to: number) => values.slice(from, to).reduce((a, b) => a + b, 0);

  /** Splits a table by columns into pieces that fit `available`; returns the pieces (the table alone when it cannot be split). */
  const split = (table: HTMLTableElement, available: number): HTMLTableElement[] => {
    const rows = [...table.rows];
    const start = new Map<HTMLTableCellElement, number>();
    const taken = rows.map(() => new Set<number>());
    let columns = 0;
    rows.forEach((row, r) => {
      let c = 0;
      for (const cell of row.cells) {
        while (taken[r]!.has(c)) c++;
        start.set(cell, c);
        for (let dr = 0; dr < Math.max(1, cell.rowSpan) && r + dr < rows.length; dr++) for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) taken[r + dr]!.add(c + dc);
        c += Math.max(1, cell.colSpan);
      }
      columns = Math.max(columns, c);
    });
    const width = Array.from({ length: columns }, () => 0);
    for (const [cell, c] of start) if (cell.colSpan <= 1) width[c] = Math.max(width[c]!, cell.getBoundingClientRect().width);
    // Row-header columns (the body's leading <th> columns, at least the first) repeat in every piece.
    const body = rows.filter((r) => r.parentElement?.tagName !== 'THEAD');
    let head = 0;
    while (head < columns - 1 && body.length > 0 && body.every((r) => [...r.cells].some((cell) => start.get(cell) === head && cell.tagName === 'TH'))) head++;
    head = Math.max(1, head);
    const headWidth = sum(width, 0, head);
    const pieces: Array<[number, number]> = [];
    let from = head;
    let used = headWidth;
    for (let c = head; c < columns; c++) {
      if (c > from && used + width[c]! > available - SLACK) {
        pieces.push([from, c]);
        from = c;
        used = headWidth;
      }
      used += width[c]!;
    }
    pieces.push([from, columns]);
    if (pieces.length < 2) return [table];
    // As many pieces, with as many columns each as can be (Jan–Jun, Jul–Dec and the year, rather than
    // Jan–Nov, then December and the year), when they fit.
    const count = pieces.length;
    const data = columns - head;
    const even = Array.from({ length: count }, (_, k): [number, number] => [head + Math.round((k * data) / count), head + Math.round(((k + 1) * data) / count)]);
    if (even.every(([a, b]) => headWidth + sum(width, a, b) <= available - SLACK)) pieces.splice(0, count, ...even);
    const copies = pieces.map(([a, b], k) => {
      const copy = table.cloneNode(true) as HTMLTableElement;
      const copyRows = [...copy.rows];
      rows.forEach((row, r) => {
        const cells = [...copyRows[r]!.cells];
        [...row.cells].forEach((cell, i) => {
          const s = start.get(cell)!;
          const span = Math.max(1, cell.colSpan);
          // Columns of this cell the piece keeps: the row headers and its own range.
          let kept = 0;
          for (let c = s; c < s + span; c++) if (c < head || (c >= a && c < b)) kept++;
          if (kept === 0) cells[i]!.remove();
          else if (span > 1) cells[i]!.colSpan = kept;
        });
      });
      for (const col of copy.querySelectorAll('colgroup, col')) col.remove();
      // Ids stay unique: the first piece keeps them, the others get a suffix (and their references too).
      if (k > 0) {
        for (const el of [copy, ...copy.querySelectorAll('[id]')]) if (el.id) el.id = `${el.id}-${k + 1}`;
        for (const el of copy.querySelectorAll('[headers]')) el.setAttribute('headers', el.getAttribute('headers')!.split(/\s+/).filter(Boolean).map((id) => `${id}-${k + 1}`).join(' '));
      }
      return copy;
    });
    table.replaceWith(...copies);
    return copies;
  };

  /** Short content just before a wide table (its headings, a line of text) goes to the landscape page with it. */
  const LEAD_HEIGHT = 150;
  for (const section of document.querySelectorAll<HTMLElement>('.pdf-part')) {
    const tables = [...section.querySelectorAll('table')].filter((t) => !t.parentElement?.closest('table') && t.getClientRects().length > 0);
    for (const table of tables) {
      const fits = (width: number) => extent(table, section) <= width + SLACK;
      if (fits(input.portrait)) continue;
      // Smaller type first: most tables just over the width then stay on the page.
      table.classList.add('pdf-compact');
      if (fits(input.portrait)) {
        report.compact++;
        continue;
      }
      table.classList.remove('pdf-compact');
      // What moves: the table with its scroll box or figure, and the grid or flex row it sits in.
      let block: HTMLElement = table.closest<HTMLElement>('.table-scroll, .scroll, figure') ?? table;
      if (!section.contains(block)) block = table;
      while (block.parentElement && block.parentElement !== section && /grid|flex/.test(getComputedStyle(block.parentElement).display) && block.parentElement.children.length > 1) block = block.parentElement;
      let wide = block.closest<HTMLElement>('.pdf-wide');
      if (!wide) {
        const lead: Element[] = [];
        let height = 0;
        let before = block.previousElementSibling;
        while (before && !before.classList.contains('pdf-wide') && (before.getClientRects().length === 0 || !before.querySelector('table, canvas'))) {
          height += before.getBoundingClientRect().height;
          if (!/^H[1-6]$/.test(before.tagName) && height > LEAD_HEIGHT) break;
          lead.unshift(before);
          before = before.previousElementSibling;
        }
        // Two wide tables in a row share their landscape pages.
        if (before?.classList.contains('pdf-wide') && lead.every((el) => /^H[1-6]$/.test(el.tagName))) wide = before as HTMLElement;
        else {
          wide = document.createElement('div');
          wide.className = 'pdf-wide';
          wide.style.setProperty('page', `${section.style.getPropertyValue('page')}${input.suffix}`);
          (lead[0] ?? block).before(wide);
        }
        wide.append(...lead, block);
        report.landscape++;
      }
      // Measured at the landscape text width; printed at the width of the landscape page.
      wide.style.width = `${input.landscape}px`;
      if (!fits(input.landscape)) table.classList.add('pdf-compact');
      if (!fits(input.landscape)) {
        const pieces = split(table, input.landscape);
        if (pieces.length > 1) {
          report.split++;
          report.pieces += pieces.length;
        }
        for (const piece of pieces) {
          if (extent(piece, section) <= input.landscape + SLACK) continue;
          piece.classList.add('pdf-wrap');
          report.wrapped++;
        }
      }
      wide.style.width = '';
    }
    // A long table may break between rows (the site keeps tables whole, which for a long one means a
    // mostly empty page before it); short ones stay in one piece.
    for (const t of section.querySelectorAll('table')) if (t.getBoundingClientRect().height > input.height * 0.4) t.classList.add('pdf-long');
  }
  return report;
}

export interface TableBox {
  /** The part's element id. */
  part: string;
  /** The table's caption or first header cell, to name it in a failure. */
  label: string;
  landscape: boolean;
  /** Left and right edge relative to the part's left edge, in CSS pixels. */
  left: number;
  right: number;
  /** The text width of its page. */
  available: number;
}

/** Where every printed table of the composed document lies, each at the text width of its page. */
export function measureTablesInPage(input: FitInput): TableBox[] {
  const wide = [...document.querySelectorAll<HTMLElement>('.pdf-wide')];
  for (const w of wide) w.style.width = `${input.landscape}px`;
  const boxes: TableBox[] = [];
  for (const section of document.querySelectorAll<HTMLElement>('.pdf-part')) {
    const left = section.getBoundingClientRect().left;
    for (const table of section.querySelectorAll('table')) {
      if (table.getClientRects().length === 0) continue;
      const landscape = table.closest('.pdf-wide') !== null;
      const box = table.getBoundingClientRect();
      const label = (table.caption?.textContent || table.querySelector('th')?.textContent || '').trim().slice(0, 60);
      boxes.push({ part: section.id, label, landscape, left: box.left - left, right: box.right - left, available: landscape ? input.landscape : input.portrait });
    }
  }
  for (const w of wide) w.style.width = '';
  return boxes;
}

// Bounds on what chapters may hold, checked on the text before the Markdown parser sees it. micromark
// (under remark and MDX) spends time that grows with the square of some structures — runs of `*` and
// `_`, unmatched brackets, nested containers — and around a millisecond per line or tag otherwise, so a
// few kilobytes of the wrong shape would stall every command. Most bounds hold for all chapters of a
// plan together, because the work adds up. Prose comes nowhere near them (the example plan's 18
// chapters: 52 KB, 478 lines, 673 marks); test/unit/mdx-limits.test.ts holds the pathological shapes.

export const CHAPTER_LIMITS = {
  /** Bytes (UTF-8) of all chapters: about 85,000 Chinese characters. */
  bytes: 256 * 1024,
  /** Lines of all chapters. */
  lines: 4000,
  /** Markdown marks (`* _ ~ [ ] ( ) < > \` \\ & ! | { }`) in all chapters. */
  marks: 10_000,
  /** Nesting on one line: `>` and list markers, plus indentation / 2. */
  depth: 8,
  /** Nesting summed over the lines of all chapters (a line in a list in a quote counts 2). */
  nesting: 2000,
  /** Separate block quotes in all chapters. */
  blockQuotes: 200,
  /** Table rows (lines starting with `|`) in all chapters. */
  tableRows: 1000,
  /** Cells in one table row. */
  tableColumns: 32,
  /** Unescaped `*`, `_` and `~` in one paragraph (or list item, heading, table row). */
  emphasis: 64,
  /** Unescaped `[` and `]` in one paragraph. */
  brackets: 64,
} as const;

export type ChapterLimit = keyof typeof CHAPTER_LIMITS;

export interface LimitExceeded {
  limit: ChapterLimit;
  /** Character range of the place that goes over it. */
  start: number;
  end: number;
}

/** Lines that start a new block (so a new paragraph for the per-paragraph counts). */
const BLOCK_START = /^\s*(?:[>#|]|[-*+]\s|\d{1,9}[.)]\s|$)/;
const CONTAINER_PREFIX = /^[ \t]*(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)*/;
const MARKS = /[*_~[\]()<>`\\&!|{}]/g;

/** What the chapters read so far have used; `take` adds one chapter and says where it goes over a bound. */
export class ChapterBudget {
  private bytes = 0;
  private lines = 0;
  private marks = 0;
  private nesting = 0;
  private blockQuotes = 0;
  private tableRows = 0;

  take(text: string): LimitExceeded | undefined {
    if ((this.bytes += Buffer.byteLength(text, 'utf8')) > CHAPTER_LIMITS.bytes) return { limit: 'bytes', start: 0, end: 0 };
    let offset = 0;
    let inQuote = false;
    let emphasis = 0;
    let brackets = 0;
    for (const line of text.split('\n')) {
      const start = offset;
      const end = offset + line.length;
      const over = (limit: ChapterLimit): LimitExceeded => ({ limit, start, end });
      offset = end + 1;
      if (++this.lines > CHAPTER_LIMITS.lines) return over('lines');
      const prefix = CONTAINER_PREFIX.exec(line)![0];
      const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
      const depth = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length + Math.floor(indent / 2);
      if (depth > CHAPTER_LIMITS.depth) return over('depth');
      if ((this.nesting += depth) > CHAPTER_LIMITS.nesting) return over('nesting');
      const quote = prefix.includes('>');
      if (quote && !inQuote && ++this.blockQuotes > CHAPTER_LIMITS.blockQuotes) return over('blockQuotes');
      inQuote = quote || (inQuote && line.trim() !== '');
      const body = line.slice(prefix.length);
      if (body.startsWith('|')) {
        if (++this.tableRows > CHAPTER_LIMITS.tableRows) return over('tableRows');
        if (unescaped(body, /\|/g) > CHAPTER_LIMITS.tableColumns + 1) return over('tableColumns');
      }
      if (BLOCK_START.test(line)) {
        emphasis = 0;
        brackets = 0;
      }
      if ((emphasis += unescaped(body, /[*_~]/g)) > CHAPTER_LIMITS.emphasis) return over('emphasis');
      if ((brackets += unescaped(body, /[[\]]/g)) > CHAPTER_LIMITS.brackets) return over('brackets');
      if ((this.marks += line.match(MARKS)?.length ?? 0) > CHAPTER_LIMITS.marks) return over('marks');
    }
    return undefined;
  }
}

/** Occurrences of a pattern's characters that are not escaped with a backslash. */
function unescaped(text: string, pattern: RegExp): number {
  let n = 0;
  for (const m of text.matchAll(pattern)) {
    let slashes = 0;
    for (let i = (m.index ?? 0) - 1; i >= 0 && text[i] === '\\'; i--) slashes++;
    if (slashes % 2 === 0) n++;
  }
  return n;
}

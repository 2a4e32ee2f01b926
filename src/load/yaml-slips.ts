// The first YAML syntax error, moved to where people make that mistake and explained in their terms: each
// slip an operator typically makes (a full-width colon from a Chinese input method, a tab, `a: b: c`, a
// stray line, an unclosed bracket or quote …) gets a message and a hint that say what to type instead.
import type { YAMLError } from 'yaml';
import { yamlTokens } from './yaml-tokens.ts';
import { Diagnostic } from '../diagnostics/diagnostic.ts';
import { placeOf, type TextSource } from './source-file.ts';

interface Slip {
  message: string;
  hint: string;
  /** Character range in the text; defaults to the error's. */
  at?: [number, number];
}

/** One located `yaml-syntax` diagnostic for the first syntax error of a file. */
export function explainSyntaxError(error: YAMLError, all: readonly YAMLError[], source: TextSource): Diagnostic {
  const slip = recognise(error, all, source.text) ?? generic(error);
  const [start, end] = slip.at ?? error.pos;
  return new Diagnostic('yaml-syntax', slip.message, { file: source.file, place: placeOf(source, start, end), hint: slip.hint });
}

function recognise(error: YAMLError, all: readonly YAMLError[], text: string): Slip | undefined {
  // An unclosed quote swallows the lines after it; whatever the parser trips over first, the quote is the slip.
  if (all.some((e) => e.code === 'MISSING_CHAR' && /quote/.test(e.message))) {
    const quote = unclosedQuote(text);
    if (quote) return quote;
  }
  const runOn = runOnQuote(text, error.pos[0]) ?? strayBlockHeader(text, error.pos[0]);
  if (runOn) return runOn;
  const line = lineAt(text, error.pos[0]);
  // A full-width colon turns `key：value` into a key without a value, or into a key that runs on into the next line.
  const colon = fullWidthColon(text, line.start) ?? (error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'MISSING_CHAR' ? undefined : fullWidthColon(text, previousLine(text, line.start)));
  if (colon !== undefined) {
    const fixed = lineAt(text, colon);
    const corrected = `${text.slice(fixed.start, colon)}: ${text.slice(colon + 1, fixed.end).trimStart()}`.trim();
    return {
      message: 'This line separates key and value with a full-width colon “：” (typed with a Chinese input method); YAML only understands the ASCII colon ":".',
      hint: `Type an ASCII colon followed by a space: \`${corrected}\`. Switch the input method to English (Shift) for keys and punctuation.`,
      at: [colon, colon + 1],
    };
  }
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { message: 'This line is indented with a tab; YAML allows only spaces for indentation.', hint: 'Replace the tab with spaces (two per level, as in the lines around it); most editors can “convert indentation to spaces”.' };
    case 'MISSING_CHAR':
      if (/Implicit map keys/.test(error.message)) {
        return {
          message: `The line "${clip(text.slice(line.start, line.end).trim())}" has no "key:" — every line of a mapping must be \`key: value\`.`,
          hint: 'Delete the line if it slipped in (e.g. pasted or appended by mistake); otherwise write it as `key: value`, with a colon and a space.',
          at: [line.start + indentOf(text, line.start), line.end],
        };
      }
      return undefined;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return implicitKeySlip(error, all, text);
    case 'BAD_INDENT':
      if (/Flow (sequence|map)/.test(error.message)) return unclosedBracket(text, error.pos[0]) ?? undefined;
      return badIndent(text, line.start);
    case 'BAD_SCALAR_START': {
      const char = text[error.pos[0]] ?? '';
      return { message: `A value cannot start with "${char}" unless it is quoted: YAML reserves it.`, hint: `Put the whole value in quotes, e.g. "${clip(text.slice(error.pos[0], line.end).trim())}".` };
    }
    case 'BAD_DQ_ESCAPE':
      return { message: `Inside double quotes a backslash starts an escape, and "${text.slice(error.pos[0], error.pos[1])}" is not one.`, hint: 'Use single quotes for text with backslashes, or write a backslash as \\\\.' };
    case 'BAD_DIRECTIVE':
      return { message: 'A line cannot start with "%": YAML reads it as a directive.', hint: 'Quote the key or value that starts with %, or write rates as decimals (0.035, not 3.5%).' };
    default:
      return undefined;
  }
}

/**
 * `a: b: c`, `key: value` followed by a deeper-indented `key:`, or a `- item` after `key: value` lines:
 * YAML reports them as an implicit key running on. Point at the line that is wrong.
 */
function implicitKeySlip(error: YAMLError, all: readonly YAMLError[], text: string): Slip | undefined {
  const next = (offset: number) => lineAt(text, offset);
  const spillsOver = all.some((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === error.pos[0]);
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /Nested mappings/.test(error.message) && !spillsOver) {
    const line = next(error.pos[0]);
    return {
      message: 'This line holds a second "key:" inside a value (`a: b: c`); a value on the same line as its key cannot be a mapping.',
      hint: `If the colon is part of the text, quote the value (\`${quoteValue(text.slice(line.start, line.end))}\`); if it is a nested key, put it on its own line, indented under the first.`,
      at: [error.pos[0], line.end],
    };
  }
  const seqItem = all.find((e) => e.code === 'UNEXPECTED_TOKEN' && /block-seq-ind/.test(e.message)) ?? (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /block sequence/.test(error.message) ? error : undefined);
  if (seqItem) {
    const line = next(seqItem.pos[0]);
    return {
      message: 'A list item ("- …") appears where the lines around it are `key: value` pairs; YAML cannot mix the two at one level.',
      hint: 'Put the list under a key that ends with ":" and indent its items, e.g. `items:` then `  - x`; or remove the "- " if this is another key.',
      at: [line.start + indentOf(text, line.start), line.end],
    };
  }
  if (error.code === 'UNEXPECTED_TOKEN' && /in YAML stream/.test(error.message)) {
    // The file's first data line is no `key:` (a comment split by a line break, a pasted word): YAML reads the file
    // as that one text and trips over the first key after it, possibly far below.
    const first = firstContentLine(text);
    const firstLine = first && text.slice(first.start + first.indent, first.end);
    if (first && firstLine && first.start < error.pos[0] && !/^(?:-(?:\s|$)|[^\s:#][^:]*:(?:\s|$)|["'[{&*!|>])/.test(firstLine)) {
      return {
        message: `The file's first data line "${clip(firstLine.trim())}" is not \`key: value\`, so YAML reads the file as that one text and cannot go on below it.`,
        hint: 'Delete the line if it slipped in, or put back the "#" (or join the line break) that made it part of a comment; top-level lines of a plan file are `key: value` or comments.',
        at: [first.start + first.indent, first.end],
      };
    }
  }
  if (error.code === 'UNEXPECTED_TOKEN' && /at node end/.test(error.message)) {
    const line = next(error.pos[0]);
    const first = firstContentLine(text);
    if (first && first.indent > indentOf(text, line.start)) {
      return {
        message: `The first key of the file is indented (${first.indent} space${first.indent === 1 ? '' : 's'}), so YAML expects every top-level key there; the keys below start further left.`,
        hint: 'Remove the spaces before the first key (or the "#" that was deleted from a comment line), so top-level keys start in column 1.',
        at: [first.start, first.end],
      };
    }
    const value = /^\s*(?:-\s+)?[^:]+:\s*'(.*)'?\s*$/.exec(text.slice(line.start, line.end));
    const quoted = /["']/.test(text.slice(line.start, error.pos[0]));
    if (value) {
      // 'it's': the apostrophe closed the single-quoted text.
      const inner = value[1]!.replace(/'$/, '');
      return {
        message: 'An apostrophe ends this single-quoted text early, so text follows the closing quote.',
        hint: `An apostrophe inside single quotes is written twice ('${inner.replace(/'/g, "''")}'), or use double quotes: "${inner.replace(/"/g, '\\"')}".`,
        at: [error.pos[0], line.end],
      };
    }
    if (!quoted) return undefined;
    return {
      message: 'Text follows a closing quote on the same line; a quoted value must end with its quote.',
      hint: `Quote the whole value: \`${quoteValue(text.slice(line.start, line.end))}\`.`,
      at: [error.pos[0], line.end],
    };
  }
  if (error.code === 'UNEXPECTED_TOKEN' && /flow-(seq|map)-end/.test(error.message)) {
    return { message: `This "${text[error.pos[0]]}" closes a bracket that was never opened.`, hint: 'Remove it, or open the list with [ or the mapping with { where it starts.' };
  }
  // "key: value" followed by a deeper-indented "key:" — the second line is the mistake.
  const spill = all.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === error.pos[0]) ?? (error.code === 'MULTILINE_IMPLICIT_KEY' ? error : undefined);
  if (spill) {
    const keyLine = next(spill.pos[0]);
    if (!text.slice(keyLine.start, keyLine.end).includes(':')) {
      return {
        message: `The line "${clip(text.slice(keyLine.start, keyLine.end).trim())}" has no "key:", so YAML reads it and the next line as one long key.`,
        hint: 'Write it as `key: value` (colon, then a space), or delete it if it slipped in.',
        at: [keyLine.start + indentOf(text, keyLine.start), keyLine.end],
      };
    }
    const line = next(spill.pos[1] - 1 < keyLine.end ? keyLine.end + 1 : spill.pos[1] - 1);
    const start = line.start + indentOf(text, line.start);
    return {
      message: 'This line is indented deeper than the key above it, so YAML reads it as part of that value.',
      hint: 'Align it with the keys around it; or, if it belongs under the key above, remove the value after that key’s colon.',
      at: [start, line.end],
    };
  }
  return undefined;
}

/** Where a quoted scalar opens but never closes, found with the yaml lexer (which keeps an unclosed one as one token). */
function unclosedQuote(text: string): Slip | undefined {
  for (const { type, source, offset } of yamlTokens(text)) {
    const body = source.slice(1);
    const open = (type === 'single-quoted-scalar' && !/^(?:[^']|'')*'$/.test(body)) || (type === 'double-quoted-scalar' && !/^(?:[^"\\]|\\[\s\S])*"$/.test(body));
    if (!open) continue;
    const quote = source[0]!;
    return {
      message: `This quoted text never ends: add the closing ${quote === '"' ? 'double' : 'single'} quote (${quote}).`,
      hint: quote === "'" ? "Close the quote at the end of the text; an apostrophe inside single quotes is written twice (it''s), or use double quotes." : 'Close the quote at the end of the text; a quote inside double quotes is written \\".',
      at: [offset, offset + 1],
    };
  }
  return undefined;
}

/**
 * A stray quote that a later apostrophe closes: the quoted text runs on over several lines and the parser trips
 * just after it (as when `'` lands before a comment and the next `'` is in "Singles' Day" 16 lines later).
 * Plans write long text in `>-` blocks, so quoted text over 3+ lines that ends within 2 lines of the error is the slip.
 */
function runOnQuote(text: string, offset: number): Slip | undefined {
  let last: { source: string; offset: number } | undefined;
  for (const token of yamlTokens(text)) {
    // The error may be at the quote itself (a multi-line implicit key) or just after the text it closes.
    if (token.offset > offset) break;
    if (token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar') last = token;
  }
  if (!last) return undefined;
  const lines = last.source.split('\n').length;
  const end = last.offset + last.source.length;
  if (lines < 3 || text.slice(end, offset).split('\n').length > 3) return undefined;
  const quote = last.source[0]!;
  const closedAt = text.slice(0, end).split('\n').length;
  return {
    message: `This ${quote} opens quoted text that runs on over ${lines} lines, to the ${quote} at line ${closedAt}: the lines between are read as one text.`,
    hint: `Delete the stray ${quote} if it slipped in; quoted text should end on its own line (an apostrophe inside single quotes is written twice: it''s), and long text is written as a \`>-\` block.`,
    at: [last.offset, last.offset + 1],
  };
}

/**
 * A `>` or `|` that starts a line (not after `key:` or `- `) opens a block of text that swallows the lines below
 * it, and the parser trips far down (found by the fuzzer: `>` typed before a list item of review.yaml).
 */
function strayBlockHeader(text: string, offset: number): Slip | undefined {
  for (const token of yamlTokens(text)) {
    if (token.offset > offset) break;
    if (token.type !== 'block-scalar-header') continue;
    const line = lineAt(text, token.offset);
    if (text.slice(line.start, token.offset).trim() !== '') continue;
    const char = token.source[0]!;
    return {
      message: `This line starts with "${char}", which YAML reads as the start of a block of text (${char === '>' ? 'folded' : 'with its line breaks kept'}): the lines below it become that text.`,
      hint: `Delete the "${char}" if it slipped in; a block of text follows a key, as in \`basis: ${char}-\` with the text on the lines below.`,
      at: [token.offset, token.offset + 1],
    };
  }
  return undefined;
}

/** The `[` or `{` before `offset` that is never closed, found with the yaml lexer (so quotes, apostrophes inside plain text and comments count as YAML reads them). */
function unclosedBracket(text: string, offset: number): Slip | undefined {
  const open: number[] = [];
  for (const token of yamlTokens(text)) {
    if (token.offset >= offset) break;
    if (token.type === 'flow-map-start' || token.type === 'flow-seq-start') open.push(token.offset);
    else if ((token.type === 'flow-map-end' || token.type === 'flow-seq-end') && open.length) open.pop();
  }
  const at = open[0];
  if (at === undefined) return undefined;
  const close = text[at] === '[' ? ']' : '}';
  return {
    message: `The ${close === ']' ? 'list' : 'mapping'} opened with "${text[at]}" here is never closed.`,
    hint: `Add "${close}" at the end of it, on the same line (e.g. \`[zh-CN, en]\`), or write the entries as indented lines instead.`,
    at: [at, at + 1],
  };
}

/** The offset of a full-width colon used as a key separator on the line starting at `lineStart`, if any. */
function fullWidthColon(text: string, lineStart: number | undefined): number | undefined {
  if (lineStart === undefined) return undefined;
  const { end } = lineAt(text, lineStart);
  const line = text.slice(lineStart, end);
  // A key (no ASCII colon, quote or comment before it), then "：".
  const m = /^(\s*(?:-\s+)?)[^\s#'":：][^#'":：]*：/.exec(line);
  return m ? lineStart + m[0].length - 1 : undefined;
}

function generic(error: YAMLError): Slip {
  const first = error.message.split('\n')[0] ?? error.message;
  return { message: `${first.replace(/ at line \d+, column \d+:?$/, '').trim()}.`.replace(/\.\.$/, '.'), hint: 'Check the marked place: indentation with spaces, a colon and a space after each key, matching quotes and brackets.' };
}

/**
 * A key indented differently from its mapping's keys. The parser reports the line where the columns stop agreeing,
 * which may be lines after the slip (a line break or a deleted character in an earlier key, found by the fuzzer), so
 * the message names the keys above whose columns it could have meant: the nearest deeper one (a sibling it falls
 * short of) and the nearest shallower one (the key it sits under) — whichever slipped is then in view.
 */
function badIndent(text: string, lineStart: number): Slip {
  const indent = indentOf(text, lineStart);
  const { deeper, shallower } = keysAbove(text, lineStart, indent);
  const generic = 'Align it with the keys around it: keys of one mapping start in the same column.';
  const named = (k: KeyLine) => `\`${clip(k.text)}\` at line ${k.line} (column ${k.indent + 1})`;
  if (!deeper && !shallower) return { message: 'This line is indented differently from the other keys of the same mapping.', hint: generic };
  const message = deeper && shallower
    ? `This line (column ${indent + 1}) is indented neither like the key above it, ${named(deeper)}, nor like ${named(shallower)}.`
    : `This line (column ${indent + 1}) is indented differently from the key above it, ${named((deeper ?? shallower)!)}.`;
  return { message, hint: `${generic} If a line named here is the one that slipped (a line break or a character lost in it), fix that line instead.` };
}

interface KeyLine {
  line: number;
  indent: number;
  text: string;
}

/**
 * Walking up from a line: the first `key:` line indented deeper than it, and the first indented less (where the walk
 * stops). Blank and comment lines are skipped, and so are other lines indented deeper (the text of a block scalar).
 */
function keysAbove(text: string, lineStart: number, indent: number): { deeper?: KeyLine; shallower?: KeyLine } {
  let deeper: KeyLine | undefined;
  for (let start = previousLine(text, lineStart); start !== undefined; start = previousLine(text, start)) {
    const line = text.slice(start, lineAt(text, start).end);
    if (/^\s*(#.*)?$/.test(line)) continue;
    const own = indentOf(text, start);
    const isKey = /^\s*(?:-\s+)?(?:"[^"]*"|'[^']*'|[^\s#'"][^#]*?)\s*:(?:\s|$)/.test(line);
    const key = () => ({ line: text.slice(0, start).split('\n').length, indent: own, text: line.trim() });
    if (own > indent) {
      if (isKey && !deeper) deeper = key();
      continue;
    }
    return { ...(deeper ? { deeper } : {}), ...(own < indent && isKey ? { shallower: key() } : {}) };
  }
  return deeper ? { deeper } : {};
}

function lineAt(text: string, offset: number): { start: number; end: number } {
  const nl = text.indexOf('\n', offset);
  return { start: offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1, end: nl < 0 ? text.length : nl };
}

/** The first line that holds data (not blank, not a comment, not `---`), with its indentation. */
function firstContentLine(text: string): { start: number; end: number; indent: number } | undefined {
  let start = 0;
  while (start < text.length) {
    const { end } = lineAt(text, start);
    const line = text.slice(start, end);
    if (line.trim() && !/^\s*#/.test(line) && line.trim() !== '---') return { start, end, indent: indentOf(text, start) };
    start = end + 1;
  }
  return undefined;
}

function previousLine(text: string, lineStart: number): number | undefined {
  if (lineStart === 0) return undefined;
  return lineStart < 2 ? 0 : text.lastIndexOf('\n', lineStart - 2) + 1;
}

function indentOf(text: string, lineStart: number): number {
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0].length;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** `  name: a: b` → `name: "a: b"`; single quotes when the value holds double ones. */
function quoteValue(line: string): string {
  const m = /^\s*(-\s+)?([^:]+):\s*(.*)$/.exec(line);
  const quote = (v: string) => (v.includes('"') ? `'${v.replace(/'/g, "''")}'` : `"${v}"`);
  return m ? `${m[1] ?? ''}${m[2]!.trim()}: ${quote(m[3]!.trim())}` : quote(line.trim());
}

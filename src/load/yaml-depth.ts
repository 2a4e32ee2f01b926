// How deeply a YAML text nests, found with the yaml lexer before anything is parsed: the parser and the
// composer slow down badly (and recurse) on thousands of levels, while a plan never needs more than a few.
import { CST, Lexer } from 'yaml';

/** Nesting levels a plan file may use; the deepest plan path is under 10 levels. */
export const MAX_YAML_DEPTH = 32;

/** Lexer tokens that mark a token's kind but are not part of the source text. */
const CONTROL_TOKENS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * The offset of the first token nested deeper than `limit`, or undefined. Block levels are counted from
 * indentation (one level per deeper indentation still open) plus `- ` / `? ` indicators on the same line,
 * flow levels from open `[` and `{`. Stops at the first token beyond the limit, so a hostile file costs
 * little.
 */
export function tooDeepAt(text: string, limit: number = MAX_YAML_DEPTH): number | undefined {
  const indents: number[] = [];
  let offset = 0;
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  let inline = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    const width = CONTROL_TOKENS.has(token) ? 0 : token.length;
    // The token after a scalar marker is the scalar's text, whatever character it starts with.
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    scalarNext = token === CST.SCALAR;
    if (type === 'newline' || (type === 'scalar' && token.endsWith('\n'))) {
      lineStart = true;
      indent = 0;
      inline = 0;
    } else if (type === 'space' && lineStart) {
      indent = token.length;
    } else if (type !== 'space' && type !== 'comment' && width > 0) {
      if (lineStart && flow === 0) {
        while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
      lineStart = false;
      if (type === 'seq-item-ind' || type === 'explicit-key-ind') inline++;
      else if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
      else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0) flow--;
      if (indents.length + inline + flow > limit) return offset;
    }
    offset += width;
  }
  return undefined;
}

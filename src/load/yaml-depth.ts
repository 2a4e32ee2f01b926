// How deeply a YAML text nests, found with the yaml lexer before anything is parsed: the parser and the
// composer slow down badly (and recurse) on thousands of levels, while a plan never needs more than a few.
import { yamlTokens } from './yaml-tokens.ts';

/** Nesting levels a plan file may use; the deepest plan path is under 10 levels. */
export const MAX_YAML_DEPTH = 32;

/**
 * The offset of the first token nested deeper than `limit`, or undefined. Block levels are counted from
 * indentation (one level per deeper indentation still open) plus `- ` / `? ` indicators on the same line,
 * flow levels from open `[` and `{`. Stops at the first token beyond the limit, so a hostile file costs
 * little.
 */
export function tooDeepAt(text: string, limit: number = MAX_YAML_DEPTH, lexemes?: Iterable<string>): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = true;
  let indent = 0;
  let inline = 0;
  for (const { type, source, offset } of yamlTokens(text, lexemes)) {
    if (type === 'newline' || (type === 'scalar' && source.endsWith('\n'))) {
      lineStart = true;
      indent = 0;
      inline = 0;
    } else if (type === 'space' && lineStart) {
      indent = source.length;
    } else if (type !== 'space' && type !== 'comment') {
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
  }
  return undefined;
}

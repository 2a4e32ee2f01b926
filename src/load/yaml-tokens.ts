// The yaml lexer's tokens with their kind and offset: a cheap, linear look at a text before (or instead
// of) parsing it.
import { CST, Lexer } from 'yaml';

export interface YamlToken {
  /** The lexer's kind; the text of any scalar is 'scalar', whatever it starts with. */
  type: ReturnType<typeof CST.tokenType> | 'scalar';
  source: string;
  /** Offset of the token in the text. */
  offset: number;
}

/** Lexer tokens that mark a token's kind but are not part of the source text. */
const CONTROL_TOKENS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** `lexemes`: the lexer's output for `text` when the caller has it already (parse-yaml.ts lexes a file once). */
export function* yamlTokens(text: string, lexemes: Iterable<string> = new Lexer().lex(text)): Generator<YamlToken> {
  let offset = 0;
  let scalarNext = false;
  for (const token of lexemes) {
    if (CONTROL_TOKENS.has(token)) {
      scalarNext = token === CST.SCALAR;
      continue;
    }
    // The token after a scalar marker is the scalar's text, whatever character it starts with.
    yield { type: scalarNext ? 'scalar' : CST.tokenType(token), source: token, offset };
    scalarNext = false;
    offset += token.length;
  }
}

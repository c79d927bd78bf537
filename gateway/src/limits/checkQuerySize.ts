import { Lexer, Source, TokenKind } from 'graphql';
import type { SentGraphQLRequest } from '#packages/server/index.js';
import { GatewayErrorCode, gatewayError } from '../gatewayError.js';

export interface QuerySizeLimits {
  /** Longest query text, in characters. */
  readonly maxQueryLength: number;
  /** Longest string literal (`"…"` or `"""…"""`) in it, in characters. */
  readonly maxStringLiteralLength: number;
}

/**
 * Refuses (400) a query whose text or one of whose string literals is longer than the limits,
 * before it is parsed, hashed for APQ, registered or cached. The token limit (`MAX_QUERY_TOKENS`)
 * cannot do this: a megabyte string literal is one token. The literals are found by the lexer
 * alone, whose work is bounded by the length checked first; text that does not lex is left to the
 * parser to report.
 */
export function checkQuerySize(requests: readonly SentGraphQLRequest[], limits: QuerySizeLimits): void {
  for (const { query } of requests) {
    if (typeof query !== 'string') continue;
    if (query.length > limits.maxQueryLength) {
      throw gatewayError(`The query is ${query.length} characters long; at most ${limits.maxQueryLength} are accepted`, {
        code: GatewayErrorCode.MAX_QUERY_LENGTH_LIMIT,
        status: 400,
        details: { limit: limits.maxQueryLength, length: query.length },
      });
    }
    if (query.length <= limits.maxStringLiteralLength) continue;
    const longest = longestStringLiteral(query);
    if (longest > limits.maxStringLiteralLength) {
      throw gatewayError(
        `The query has a string literal of ${longest} characters; at most ${limits.maxStringLiteralLength} are accepted (pass long values as variables)`,
        {
          code: GatewayErrorCode.MAX_STRING_LITERAL_LIMIT,
          status: 400,
          details: { limit: limits.maxStringLiteralLength, length: longest },
        },
      );
    }
  }
}

function longestStringLiteral(query: string): number {
  const lexer = new Lexer(new Source(query));
  let longest = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (token.kind === TokenKind.STRING || token.kind === TokenKind.BLOCK_STRING) longest = Math.max(longest, token.end - token.start);
    }
  } catch {
    // a syntax error: the parser reports it, with its position
  }
  return longest;
}

/** Why a quote token was refused: it was not made by us (or was edited), or its time is up. */
export type QuoteErrorCode = 'QUOTE_INVALID' | 'QUOTE_EXPIRED';

/**
 * A quote token that cannot be honoured. Callers that took the token from a client turn it into a
 * `BAD_USER_INPUT` naming the argument, and pass `code` along so clients can tell "ask for a new
 * quote" (expired) from "this was never a quote" (invalid).
 */
export class QuoteError extends Error {
  override name = 'QuoteError';
  constructor(
    readonly code: QuoteErrorCode,
    message: string,
  ) {
    super(message);
  }
}

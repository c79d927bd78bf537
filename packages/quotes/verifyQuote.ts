import { timingSafeEqual } from 'node:crypto';
import type { Quote } from './Quote.js';
import { QuoteError } from './QuoteError.js';
import { fromPayload } from './quotePayload.js';
import { QUOTE_TOKEN_PREFIX, quoteMac } from './signQuote.js';

/** Longer than any quote we make (a few hundred bytes of JSON); refuses junk before hashing it. */
const MAX_TOKEN_LENGTH = 8_192;

/**
 * Checks a quote token and returns the quote it fixes.
 *
 * The signature is compared as base64url *text*, in constant time: comparing decoded bytes would
 * accept a token whose last character was edited in the bits base64 leaves unused (two tokens,
 * one MAC). The payload is only decoded once the MAC matches.
 *
 * @param now the instant to judge expiry by, in ms since the epoch.
 * @throws QuoteError `QUOTE_INVALID` (malformed, edited or signed with another key) or
 *   `QUOTE_EXPIRED` (genuine, but `expiresAt` has passed).
 */
export function verifyQuote(token: string, key: Buffer, now: number): Quote {
  if (token.length > MAX_TOKEN_LENGTH) throw invalid();
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== QUOTE_TOKEN_PREFIX) throw invalid();
  const [, payload = '', mac = ''] = parts;
  const expected = quoteMac(`${QUOTE_TOKEN_PREFIX}.${payload}`, key);
  const given = Buffer.from(mac, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected, 'utf8'))) throw invalid();

  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const quote = fromPayload(decoded);
  if (Date.parse(quote.expiresAt) <= now) {
    throw new QuoteError('QUOTE_EXPIRED', `this quote expired at ${quote.expiresAt}; ask for a new one`);
  }
  return quote;
}

function invalid(): QuoteError {
  return new QuoteError('QUOTE_INVALID', 'not a quote from this API, or edited since it was made');
}

import { BoundedMap } from '#packages/cache/index.js';
import { verifyQuote, type Quote } from '#packages/quotes/index.js';

/** Tokens kept: more than the orders a replica books at once, each a few hundred bytes. */
const KEPT = 1_000;

/** Quotes whose token this process has checked, by token, under `keptFor`; oldest first. */
const checked = new BoundedMap<string, Quote>(KEPT);
let keptFor: Buffer | undefined;

/**
 * `verifyQuote`, with a token's MAC checked and its payload decoded once: an order reads its quote
 * when it is placed, at VERIFY_QUOTE, CREATE_SHIPMENT, AUTHORIZE_PAYMENT and for its confirmation
 * event. Expiry is judged on every call (by `verifyQuote` itself when it has passed, for its error),
 * and a token checked under one key says nothing under another.
 */
export function verifiedQuote(token: string, key: Buffer, now: number): Quote {
  if (keptFor !== key) {
    checked.clear();
    keptFor = key;
  }
  let quote = checked.get(token);
  if (quote === undefined) {
    quote = verifyQuote(token, key, Number.NEGATIVE_INFINITY);
    checked.set(token, quote);
  }
  if (Date.parse(quote.expiresAt) <= now) return verifyQuote(token, key, now); // throws QUOTE_EXPIRED
  return quote;
}

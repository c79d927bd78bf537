import { createHmac } from 'node:crypto';
import type { Quote } from './Quote.js';
import { toPayload } from './quotePayload.js';

/** Token format and version: `q2.<payload>.<signature>`. A new format gets a new prefix. */
export const QUOTE_TOKEN_PREFIX = 'q2';

/**
 * Signs a quote into a token: `q2.<base64url(payload JSON)>.<base64url(HMAC-SHA256)>`, the MAC
 * taken over `q2.<payload>` exactly as sent. Anyone can read a token (it is not encrypted: it
 * holds nothing the buyer may not see); only holders of `key` can make one. The payload
 * (`toPayload`) is written in one fixed order with integers only, so a quote has one token text.
 */
export function signQuote(quote: Quote, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(toPayload(quote)), 'utf8').toString('base64url');
  const signed = `${QUOTE_TOKEN_PREFIX}.${payload}`;
  return `${signed}.${quoteMac(signed, key)}`;
}

/** The MAC as base64url text: tokens are compared as text, see `verifyQuote`. */
export function quoteMac(signed: string, key: Buffer): string {
  return createHmac('sha256', key).update(signed, 'utf8').digest('base64url');
}

import { describe, expect, it } from 'vitest';
import { verifiedQuote } from '../src/saga/verifiedQuote.js';
import { TEST_QUOTE_KEY, testQuoteToken } from './support/testQuote.js';

describe('verifiedQuote', () => {
  it('answers a token it checked before as verifyQuote does, and still refuses it once it has expired', () => {
    const token = testQuoteToken({ ttlMs: 60_000 });
    const quote = verifiedQuote(token, TEST_QUOTE_KEY, Date.now());
    expect(verifiedQuote(token, TEST_QUOTE_KEY, Date.now())).toEqual(quote);
    expect(() => verifiedQuote(token, TEST_QUOTE_KEY, Date.parse(quote.expiresAt))).toThrow(
      expect.objectContaining({ code: 'QUOTE_EXPIRED' }),
    );
  });

  it('does not take a token checked under one key for good under another', () => {
    const token = testQuoteToken();
    verifiedQuote(token, TEST_QUOTE_KEY, Date.now());
    const otherKey = Buffer.from('another-quote-signing-secret-0123456789', 'utf8');
    expect(() => verifiedQuote(token, otherKey, Date.now())).toThrow(expect.objectContaining({ code: 'QUOTE_INVALID' }));
    expect(() => verifiedQuote(token, TEST_QUOTE_KEY, Date.now())).not.toThrow();
  });
});

import { GraphQLError } from 'graphql';
import { ErrorCode, userInputError } from '#packages/errors/index.js';
import { QuoteError, verifyQuote, type Quote } from '#packages/quotes/index.js';
import type { AuthorizationRequest, PaymentProvider } from '../adapters/ports.js';

/** Longest idempotency key passed on: providers cap theirs (255 is common). */
const MAX_KEY_LENGTH = 200;

/** An idempotency key every provider can carry (a header): 1–200 visible ASCII characters. */
export function readIdempotencyKey(key: string, argumentName: string): string {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw userInputError(`${argumentName}: 1 to ${MAX_KEY_LENGTH} visible ASCII characters`, argumentName);
  }
  return key;
}

/**
 * The quote a token fixes, checked here as in `orders`: a token edited by hand (or signed with
 * another key) is `QUOTE_INVALID`, one whose time is up `QUOTE_EXPIRED`.
 */
export function verifiedQuote(token: string, key: Buffer, now: number): Quote {
  try {
    return verifyQuote(token, key, now);
  } catch (error) {
    if (!(error instanceof QuoteError)) throw error;
    throw new GraphQLError(`input.quoteId: ${error.message}`, { extensions: { code: error.code, argumentName: 'input.quoteId' } });
  }
}

/**
 * What to ask the quote's provider to authorize: what the buyer pays at checkout, from the buyer's
 * country to the seller's, settled in the goods' currency, as the fee was priced. The provider must
 * take the method the buyer chose (its fee is the one the quote fixed), and a quote made for one
 * method (its card tax, its provider) is paid by that method.
 */
export function authorizationOf(
  quote: Quote,
  provider: PaymentProvider | undefined,
  input: { method: string; escrow: boolean; idempotencyKey: string },
): AuthorizationRequest {
  if (provider === undefined) {
    throw new GraphQLError(`input.quoteId: its provider ${quote.paymentFee.provider} is no longer available; ask for a new quote`, {
      extensions: { code: ErrorCode.QUOTE_EXPIRED, argumentName: 'input.quoteId' },
    });
  }
  if (!quote.paymentFee.methods.includes(input.method) || !provider.info.methods.includes(input.method)) {
    throw userInputError(
      `input.method: the quote's payment fee is ${provider.info.name}'s, which takes ${quote.paymentFee.methods.join(', ')}; quote again to pay by ${input.method}`,
      'input.method',
    );
  }
  if (quote.paymentMethod !== null && quote.paymentMethod !== input.method) {
    throw userInputError(
      `input.method: the quote was made for ${quote.paymentMethod}; quote again to pay by ${input.method}`,
      'input.method',
    );
  }
  return {
    // Only what is paid at checkout goes through the provider; the rest is paid to the carrier on delivery.
    amount: quote.payableAtCheckout,
    buyerCountry: quote.destinationCountry,
    merchantCountry: quote.originCountry,
    settlementCurrency: quote.original.item.currency,
    reference: input.idempotencyKey,
    escrow: input.escrow,
    idempotencyKey: input.idempotencyKey,
  };
}

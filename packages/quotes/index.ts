export {
  QUOTE_PART_NAMES,
  type CollectedAt,
  type Payer,
  type PaymentFeeTerms,
  type Quote,
  type QuoteCharge,
  type QuoteDeclaration,
  type QuoteParts,
  type QuotePromise,
  type QuoteRates,
} from './Quote.js';
export { paymentBase, quoteAmounts, type QuoteComponents, type QuoteSums } from './quoteAmounts.js';
export { QuoteError, type QuoteErrorCode } from './QuoteError.js';
export { referenceRatesOf } from './referenceRatesOf.js';
export { QUOTE_TOKEN_PREFIX, signQuote } from './signQuote.js';
export { verifyQuote } from './verifyQuote.js';

export { canonicalJson, type JsonValue } from './canonicalJson.js';
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
export { QuoteError, type QuoteErrorCode } from './QuoteError.js';
export { QUOTE_TOKEN_PREFIX, signQuote } from './signQuote.js';
export { verifyQuote } from './verifyQuote.js';

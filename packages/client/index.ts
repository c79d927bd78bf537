export {
  createTradegraphClient,
  type PlaceOrderRequest,
  type TradegraphClient,
  type TradegraphClientOptions,
} from './createTradegraphClient.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retryDelay.js';
export { TradegraphError, type TradegraphErrorEntry } from './TradegraphError.js';
export * from '#operations/__generated__/operations.js';
export type { IsoCountryCode } from '#packages/countries/index.js';
export type { CurrencyCode } from '#packages/money/index.js';

import DataLoader from 'dataloader';
import type { Authorization, FeeQuote, FeeQuoteRequest, PaymentProvider } from './adapters/ports.js';

export interface PaymentsLoaders {
  /** Per provider id: fee quotes, all those asked for in one request sent as one batch. */
  readonly feeQuotes: ReadonlyMap<string, DataLoader<FeeQuoteRequest, FeeQuote, string>>;
  /**
   * Per provider id: authorizations by the provider's id, each read once per request however many
   * fields or `Payment` references ask. No provider reads many at once, so a batch is parallel reads.
   */
  readonly authorizations: ReadonlyMap<string, DataLoader<string, Authorization>>;
}

/**
 * Per-request loaders: every landed cost of a search (one `_entities` call, 10 or 50 options)
 * asks each provider once, within `feeQuoteDeadlineMs`. A provider that fails or is too slow
 * fails only its own answers; the others still compete for the cheapest fee.
 */
export function createLoaders(providers: ReadonlyMap<string, PaymentProvider>, feeQuoteDeadlineMs: number): PaymentsLoaders {
  const feeQuotes = new Map<string, DataLoader<FeeQuoteRequest, FeeQuote, string>>();
  for (const [id, provider] of providers) {
    feeQuotes.set(
      id,
      new DataLoader<FeeQuoteRequest, FeeQuote, string>(
        async (requests) => {
          try {
            return await provider.quoteFees(requests, AbortSignal.timeout(feeQuoteDeadlineMs));
          } catch (error) {
            const failure = error instanceof Error ? error : new Error(String(error));
            return requests.map(() => failure);
          }
        },
        {
          cacheKeyFn: keyOf,
          // Each landed cost first awaits the (shared) reference rates, then asks for fees; waiting
          // for the macrotask queue rather than the default next tick keeps every option of the
          // request in one batch however many promise hops lie between them.
          batchScheduleFn: (callback) => setImmediate(callback),
        },
      ),
    );
  }
  const authorizations = new Map(
    [...providers].map(([id, provider]) => [
      id,
      new DataLoader<string, Authorization>((ids) =>
        Promise.all(ids.map((authorizationId) => provider.retrieve(authorizationId).catch((error: unknown) => toError(error)))),
      ),
    ]),
  );
  return { feeQuotes, authorizations };
}

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

const keyOf = (request: FeeQuoteRequest): string =>
  `${request.amount.minor}:${request.amount.currency}:${request.buyerCountry}:${request.merchantCountry}:${request.settlementCurrency}`;

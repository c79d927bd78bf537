import DataLoader from 'dataloader';
import { UpstreamError } from '#packages/errors/index.js';
import type { Logger } from '#packages/log/index.js';
import type { CarrierAdapter, RateAnswer, RateRequest } from './adapters/ports.js';

/** One loader per carrier id. */
export type RateLoaders = ReadonlyMap<string, DataLoader<RateRequest, RateAnswer, string>>;

/**
 * Per-request loaders, one per carrier: every rate request of a page (all offers, both
 * `shippingOptions` and `shippingRestrictions`) made in one tick becomes one batched vendor call
 * per carrier, and equal requests (same lane, same parcel) are asked once. A carrier that fails
 * fails only its own keys, and is logged once per call, not once per offer.
 */
export function createRateLoaders(carriers: readonly CarrierAdapter[], logger: Logger): RateLoaders {
  return new Map(
    carriers.map((adapter) => [
      adapter.carrier.id,
      new DataLoader<RateRequest, RateAnswer, string>(
        async (requests) => {
          try {
            const answers = await adapter.quote(requests);
            const failed = answers.filter((answer) => answer instanceof Error);
            if (failed.length > 0)
              logger.warn('carrier could not rate some parcels', { carrier: adapter.carrier.id, count: failed.length, error: failed[0] });
            return answers;
          } catch (error) {
            const failure = error instanceof Error ? error : new Error(String(error));
            logger.warn('carrier failed; its options are left out', {
              carrier: adapter.carrier.id,
              requests: requests.length,
              failure: error instanceof UpstreamError ? error.failure : 'unexpected',
              error: failure.message,
            });
            return requests.map(() => failure);
          }
        },
        { cacheKeyFn: rateRequestKey },
      ),
    ]),
  );
}

/** Equal lanes and parcels ask the carrier once. */
export function rateRequestKey(request: RateRequest): string {
  return [
    request.from,
    request.to,
    request.weightGrams,
    request.dimensionsCm?.join('x') ?? '-',
    request.containsLithiumBattery ? 'Li' : '-',
  ].join('|');
}

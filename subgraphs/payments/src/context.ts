import type { LatestReferenceRates, ReferenceRatesClient } from '#packages/fx/index.js';
import type { Logger } from '#packages/log/index.js';
import type { ReachCounter } from '#packages/reach/index.js';
import type { PaymentProvider } from './adapters/ports.js';
import { paymentOwnerKey } from './booking/paymentId.js';
import { createLoaders, type PaymentsLoaders } from './createLoaders.js';

/** What every payments resolver gets; one per request. */
export interface Context {
  readonly providers: ReadonlyMap<string, PaymentProvider>;
  readonly loaders: PaymentsLoaders;
  /** The reference rates for this request: read once per request, so every amount uses the same day's rates. */
  rates: () => Promise<LatestReferenceRates>;
  readonly quoteKey: Buffer;
  readonly quoteTtlSeconds: number;
  /** The clock quotes are issued and judged by (ms since the epoch); tests move it. */
  now: () => number;
  readonly logger: Logger;
  /** The request carried the service secret: the booking mutations are open to it, and every payment. */
  readonly serviceCaller: boolean;
  /** Counts the landed costs computed per marketplace and buyer country (flushed to orders). */
  readonly reach: ReachCounter;
  /** The API key the gateway signed for: a payment is visible to the key its order was placed with. */
  readonly ownerKeyId: string | undefined;
  /** The key payment ids are tagged with (`paymentOwnerKey`). */
  readonly paymentOwnerKey: Buffer;
}

export interface PaymentsServices {
  readonly providers: ReadonlyMap<string, PaymentProvider>;
  readonly fx: ReferenceRatesClient;
  readonly quoteKey: Buffer;
  readonly quoteTtlSeconds: number;
  /** Deadline for the providers' fee quotes of one request (`FEE_QUOTE_DEADLINE_MS`). */
  readonly feeQuoteDeadlineMs: number;
  readonly now: () => number;
  readonly logger: Logger;
  readonly reach: ReachCounter;
}

/** The owner-tag key of each quote key, derived once rather than for every request. */
const ownerKeys = new WeakMap<Buffer, Buffer>();
function ownerKeyOf(quoteKey: Buffer): Buffer {
  let key = ownerKeys.get(quoteKey);
  if (key === undefined) {
    key = paymentOwnerKey(quoteKey);
    ownerKeys.set(quoteKey, key);
  }
  return key;
}

export function createContext(services: PaymentsServices, serviceCaller = false, ownerKeyId?: string): Context {
  let rates: Promise<LatestReferenceRates> | undefined;
  return {
    providers: services.providers,
    loaders: createLoaders(services.providers, services.feeQuoteDeadlineMs),
    rates: () => (rates ??= services.fx.latest()),
    quoteKey: services.quoteKey,
    quoteTtlSeconds: services.quoteTtlSeconds,
    now: services.now,
    logger: services.logger,
    serviceCaller,
    reach: services.reach,
    ownerKeyId,
    paymentOwnerKey: ownerKeyOf(services.quoteKey),
  };
}

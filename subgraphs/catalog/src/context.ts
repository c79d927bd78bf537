import type { ReferenceRatesClient } from '#packages/fx/index.js';
import type { HsClassifier, HsNomenclature } from '#packages/hs/index.js';
import type { Logger } from '#packages/log/index.js';
import type { ReachCounter } from '#packages/reach/index.js';
import type { RestrictionRules } from '#packages/restrictions/index.js';
import type { MarketplaceAdapter } from './adapters/ports.js';
import { createLoaders, type CatalogLoaders } from './createLoaders.js';
import type { SellerTrustClient } from './trust/createSellerTrustClient.js';

/** What every catalog resolver gets; one per request. */
export interface Context {
  readonly adapters: ReadonlyMap<string, MarketplaceAdapter>;
  readonly loaders: CatalogLoaders;
  readonly searchDeadlineMs: number;
  readonly cursorKey: Buffer;
  readonly referenceRates: ReferenceRatesClient;
  readonly logger: Logger;
  /** Classifies products from their titles (`classifyProduct`, `Offer.hsClassification`); built once per service. */
  readonly classifier: HsClassifier;
  /** The HS 2022 nomenclature, to check sellers' codes. */
  readonly nomenclature: HsNomenclature;
  /** What may not cross, or only under conditions (`packages/restrictions`), for `filter.onlyShippable`. */
  readonly restrictions: RestrictionRules;
  /** The request carried the service secret: the booking mutations are open to it. */
  readonly serviceCaller: boolean;
  /** The trust subgraph, asked for sellers' levels by `filter.minTrustLevel`. */
  readonly sellerTrust: SellerTrustClient;
  /** Counts the offers each search page shows, per marketplace and buyer country (flushed to orders). */
  readonly reach: ReachCounter;
}

export type CatalogServices = Omit<Context, 'loaders' | 'serviceCaller'>;

export function createContext(services: CatalogServices, serviceCaller = false): Context {
  return { ...services, loaders: createLoaders(services.adapters, services), serviceCaller };
}

import DataLoader from 'dataloader';
import type { OfferRecord } from '../adapters/ports.js';
import type { CatalogLoaders } from '../createLoaders.js';
import { toGlobalId, type NativeRef } from '../globalId.js';
import type { SellerTrustClient } from '../trust/createSellerTrustClient.js';
import { atLeast, type TrustLevel } from '../trust/TrustLevel.js';

/** Decides, for a whole page of a marketplace's offers at once, which may be shown. */
export type OfferScreen = (offers: readonly OfferRecord[], signal: AbortSignal) => Promise<boolean[]>;

/**
 * `filter.minTrustLevel`: keeps offers whose seller's trust is `min` or above. Levels are asked of
 * the trust subgraph for a page at a time, through one loader per search: the first pages of every
 * marketplace, read in the same tick, become one trust request, and a seller met again costs
 * nothing. Trust is given what it requires of a seller (verification, rating) from the catalog's
 * own seller lookups, which are batched per marketplace as usual. A level that cannot be read
 * fails the page's marketplace (its source says why), never shows an offer unfiltered.
 */
export function trustScreen(min: TrustLevel, services: { loaders: CatalogLoaders; sellerTrust: SellerTrustClient }): OfferScreen {
  const levels = new DataLoader<NativeRef, TrustLevel, string>(
    async (refs) => {
      const records = await services.loaders.sellers.loadMany(refs);
      const standings = refs.map((ref, index) => {
        const record = records[index];
        const profile = record instanceof Error || record == null ? undefined : record.profile;
        return {
          id: toGlobalId('Seller', ref),
          verification: profile?.verification ? { level: profile.verification.level } : null,
          rating: profile?.rating ? { ...profile.rating } : null,
        };
      });
      return services.sellerTrust.levels(standings).catch((error: unknown) => {
        throw new Error(`seller trust (filter.minTrustLevel) could not be read: ${error instanceof Error ? error.message : String(error)}`);
      });
    },
    { cacheKeyFn: (ref) => `${ref.marketplaceId}:${ref.nativeId}` },
  );
  return async (offers) => {
    const found = await levels.loadMany(offers.map((offer) => ({ marketplaceId: offer.marketplaceId, nativeId: offer.seller.nativeId })));
    return found.map((level) => {
      if (level instanceof Error) throw level;
      return atLeast(level, min);
    });
  };
}

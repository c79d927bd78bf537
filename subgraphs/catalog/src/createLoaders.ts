import DataLoader from 'dataloader';
import { UpstreamError } from '#packages/errors/index.js';
import type { HsClassification } from '#packages/hs/index.js';
import type { MarketplaceAdapter, OfferRecord, SellerRecord } from './adapters/ports.js';
import { createClassificationLoader, type OfferClassification } from './classification/createClassificationLoader.js';
import type { NativeRef } from './globalId.js';

export interface CatalogLoaders {
  readonly offers: DataLoader<NativeRef, OfferRecord | null, string>;
  readonly sellers: DataLoader<NativeRef, SellerRecord | null, string>;
  /** Offers' HS classifications, a page in one classifier batch. */
  readonly classifications: DataLoader<OfferRecord, HsClassification, string>;
}

/**
 * Per-request loaders: all offers (or sellers) asked for in one tick become one call per
 * marketplace. A failing marketplace fails only its own keys, never the whole batch.
 */
export function createLoaders(adapters: ReadonlyMap<string, MarketplaceAdapter>, classification: OfferClassification): CatalogLoaders {
  return {
    classifications: createClassificationLoader(classification),
    offers: new DataLoader((refs) => loadByMarketplace(adapters, refs, (adapter, ids) => adapter.getOffers(ids)), { cacheKeyFn: keyOf }),
    sellers: new DataLoader((refs) => loadByMarketplace(adapters, refs, (adapter, ids) => adapter.getSellers(ids)), { cacheKeyFn: keyOf }),
  };
}

const keyOf = (ref: NativeRef): string => `${ref.marketplaceId}:${ref.nativeId}`;

async function loadByMarketplace<T>(
  adapters: ReadonlyMap<string, MarketplaceAdapter>,
  refs: readonly NativeRef[],
  fetch: (adapter: MarketplaceAdapter, nativeIds: string[]) => Promise<ReadonlyMap<string, T>>,
): Promise<Array<T | null | Error>> {
  const idsByMarketplace = new Map<string, string[]>();
  for (const ref of refs) {
    const ids = idsByMarketplace.get(ref.marketplaceId) ?? [];
    if (!ids.includes(ref.nativeId)) ids.push(ref.nativeId);
    idsByMarketplace.set(ref.marketplaceId, ids);
  }
  const answers = new Map<string, ReadonlyMap<string, T> | Error>();
  await Promise.all(
    [...idsByMarketplace].map(async ([marketplaceId, ids]) => {
      const adapter = adapters.get(marketplaceId);
      if (!adapter) {
        answers.set(
          marketplaceId,
          new UpstreamError({ upstream: marketplaceId, failure: 'rejected', message: `unknown marketplace ${marketplaceId}` }),
        );
        return;
      }
      try {
        answers.set(marketplaceId, await fetch(adapter, ids));
      } catch (error) {
        answers.set(marketplaceId, error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
  return refs.map((ref) => {
    const answer = answers.get(ref.marketplaceId);
    if (answer instanceof Error) return answer;
    return answer?.get(ref.nativeId) ?? null;
  });
}

import DataLoader from 'dataloader';
import { resolveHsClassification, type HsClassification, type HsClassifier, type HsNomenclature } from '#packages/hs/index.js';
import type { OfferRecord } from '../adapters/ports.js';

/** What classifying offers needs, built once per service (the nomenclature index and the word table). */
export interface OfferClassification {
  readonly classifier: HsClassifier;
  readonly nomenclature: HsNomenclature;
}

/**
 * Per-request loader of offers' classifications: a search page of offers is classified in one
 * batch call. The English title is the title; the native one is the description (the same
 * product in the seller's words, as evidence of half weight).
 */
export function createClassificationLoader({
  classifier,
  nomenclature,
}: OfferClassification): DataLoader<OfferRecord, HsClassification, string> {
  return new DataLoader(
    async (offers) => {
      const suggestions = classifier.classifyMany(
        offers.map((offer) => ({ title: offer.title, description: offer.nativeTitle === offer.title ? undefined : offer.nativeTitle })),
        4,
      );
      return offers.map((offer, i) => resolveHsClassification(nomenclature, offer.hsCode, suggestions[i] ?? []));
    },
    { cacheKeyFn: (offer) => `${offer.marketplaceId}:${offer.nativeId}` },
  );
}

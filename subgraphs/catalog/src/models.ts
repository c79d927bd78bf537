import type { Money } from '#packages/money/index.js';
import type { HsClassification } from '#packages/hs/index.js';
import type { MarketplaceInfo, MarketplaceOrderRecord, OfferRecord, SellerRef, StockReservationRecord } from './adapters/ports.js';

/**
 * What resolvers hand to each other for types whose fields are resolved later (codegen
 * `mappers`), so the generated resolver types check the hand-over.
 */
export type OfferModel = OfferRecord;
export type MarketplaceModel = MarketplaceInfo;
export type MoneyModel = Money;

export interface SellerModel extends SellerRef {
  readonly marketplaceId: string;
}

export interface OfferEdgeModel {
  readonly cursor: string;
  readonly node: OfferRecord;
}

export interface SearchSourceModel {
  readonly marketplace: MarketplaceInfo;
  readonly status: 'OK' | 'TIMEOUT' | 'UNAVAILABLE' | 'RATE_LIMITED' | 'ERROR';
  readonly latencyMs: number;
  readonly message: string | null;
  /** Offers read for this page that no customs mode may carry to the buyer (`filter.onlyShippable`). */
  readonly droppedForRestrictions: number;
}

export interface OfferConnectionModel {
  readonly edges: readonly OfferEdgeModel[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly endCursor: string | null;
    /** True on any page after the first: a cursor is only ever made after an item. */
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
  };
  readonly sources: readonly SearchSourceModel[];
}

/** A stock hold as the marketplace answered it; its id is made from marketplace and vendor id. */
export type StockReservationModel = StockReservationRecord;
/** A marketplace order as the marketplace answered it; its id is made from marketplace and vendor id. */
export type MarketplaceOrderModel = MarketplaceOrderRecord;

/** An offer's classification as `packages/hs` resolves it (`rejected` stays inside: `Offer.hsCode` shows what the seller gave). */
export type HsClassificationModel = HsClassification;

import type { SellerResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import type { MarketplaceRating } from '../score/SellerEvidence.js';
import { marketplaceOfSeller } from '../score/marketplaceOfSeller.js';
import { scoreSeller } from '../score/scoreSeller.js';
import type { VerificationLevel } from '../score/trustModel.js';

/** A seller as the gateway sends it: its id and the catalog's fields that `trust` requires. */
export interface SellerRepresentation {
  readonly id: string;
  readonly verification?: { readonly level: VerificationLevel } | null;
  readonly rating?: MarketplaceRating | null;
}

export const Seller: SellerResolvers<Context> = {
  __resolveReference: (reference) => reference,
  trust: async (seller, _args, { trackRecords, now }) => {
    const record = await trackRecords.load(seller.id);
    return scoreSeller(
      {
        sellerId: seller.id,
        verification: seller.verification?.level ?? undefined,
        rating: seller.rating ?? undefined,
        record: record.record,
        lastEventAt: record.lastEventAt,
      },
      marketplaceOfSeller(seller.id) ?? 'unknown',
      now(),
    );
  },
};

export const SellerTrust = {
  updatedAt: (trust: { updatedAt: number }) => new Date(trust.updatedAt).toISOString(),
};

import { ErrorCode } from '#packages/errors/index.js';
import { GraphQLError } from 'graphql';
import type { SellerResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { fromGlobalId, toGlobalId } from '../globalId.js';
import type { SellerModel } from '../models.js';
import { marketplaceOf } from './Offer.js';

/** Name and country come from the marketplace's seller lookup, batched per request. */
async function sellerRecord(seller: SellerModel, { loaders }: Context) {
  const record = await loaders.sellers.load(seller);
  if (record === null)
    throw new GraphQLError(`Seller ${seller.nativeId} is not known to ${seller.marketplaceId}`, {
      extensions: { code: ErrorCode.NOT_FOUND },
    });
  return record;
}

export const Seller: SellerResolvers<Context> = {
  __resolveReference: async (reference, context) => {
    const ref = fromGlobalId('Seller', reference.id, 'id', new Set(context.adapters.keys()));
    const record = await context.loaders.sellers.load(ref);
    return record === null ? null : { marketplaceId: record.marketplaceId, nativeId: record.nativeId, name: record.name };
  },
  id: (seller) => toGlobalId('Seller', seller),
  name: async (seller, _args, context) => seller.name ?? (await sellerRecord(seller, context)).name,
  country: async (seller, _args, context) => (await sellerRecord(seller, context)).country,
  dispatchAddress: async (seller, _args, context) => {
    const { lines, city, region, postalCode, country } = (await sellerRecord(seller, context)).dispatchAddress;
    return { lines: [...lines], city, region: region ?? null, postalCode: postalCode ?? null, country };
  },
  verification: async (seller, _args, context) => {
    const verification = (await sellerRecord(seller, context)).profile?.verification;
    return verification ? { level: verification.level, verifiedAt: verification.verifiedAt ?? null } : null;
  },
  rating: async (seller, _args, context) => {
    const rating = (await sellerRecord(seller, context)).profile?.rating;
    return rating ? { ...rating } : null;
  },
  returnPolicy: async (seller, _args, context) => {
    const policy = (await sellerRecord(seller, context)).returnPolicy;
    return policy ? { ...policy, windowDays: policy.windowDays ?? null } : null;
  },
  marketplace: (seller, _args, { adapters }) => marketplaceOf(adapters, seller.marketplaceId),
};

import { toDecimalString } from '#packages/money/index.js';
import { CountryCodeScalar, CurrencyCodeScalar } from '#packages/scalars/index.js';
import type { Resolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { MarketplaceOrder } from './MarketplaceOrder.js';
import { Mutation } from './Mutation.js';
import { Offer } from './Offer.js';
import { Query } from './Query.js';
import { Seller } from './Seller.js';
import { StockReservation } from './StockReservation.js';

export const resolvers: Resolvers<Context> = {
  CountryCode: CountryCodeScalar,
  CurrencyCode: CurrencyCodeScalar,
  Query,
  Mutation,
  Offer,
  StockReservation,
  MarketplaceOrder,
  Seller,
  Marketplace: {
    __resolveReference: (reference, { adapters }) => adapters.get(reference.id)?.marketplace ?? null,
  },
  Money: {
    amount: (money) => toDecimalString(money),
  },
};

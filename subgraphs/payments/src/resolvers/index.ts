import { toDecimalString } from '#packages/money/index.js';
import { CountryCodeScalar, CurrencyCodeScalar, DateTimeScalar } from '#packages/scalars/index.js';
import type { Resolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { LandedCost, providerInfo } from './LandedCost.js';
import { Mutation } from './Mutation.js';
import { Payment } from './Payment.js';
import { Query } from './Query.js';
import { ShippingOption } from './ShippingOption.js';

export const resolvers: Resolvers<Context> = {
  CountryCode: CountryCodeScalar,
  CurrencyCode: CurrencyCodeScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  ShippingOption,
  Payment,
  LandedCost,
  PaymentProvider: {
    __resolveReference: (reference, { providers }) => (providers.has(reference.id) ? providerInfo(providers, reference.id) : null),
  },
  ExchangeRates: {
    base: () => 'EUR',
    source: (rates) => `${rates.source.name} (${rates.source.url})`,
    rates: (rates) => Object.entries(rates.rates).map(([currency, rate]) => ({ currency, rate: rate })),
  },
  Money: {
    amount: (money) => toDecimalString(money),
  },
};

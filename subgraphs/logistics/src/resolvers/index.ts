import { toDecimalString } from '#packages/money/index.js';
import { CountryCodeScalar, CurrencyCodeScalar, DateTimeScalar } from '#packages/scalars/index.js';
import type { Resolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { Mutation } from './Mutation.js';
import { Offer } from './Offer.js';
import { Query } from './Query.js';
import { Shipment } from './Shipment.js';
import { ShippingOption } from './ShippingOption.js';

export const resolvers: Resolvers<Context> = {
  CountryCode: CountryCodeScalar,
  CurrencyCode: CurrencyCodeScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Offer,
  ShippingOption,
  Shipment,
  Carrier: {
    __resolveReference: (reference, { carriers }) => carriers.find((adapter) => adapter.carrier.id === reference.id)?.carrier ?? null,
  },
  Money: {
    amount: (money) => toDecimalString(money),
  },
  // origin and destination, named one way across the API; `from`/`to` stay for older clients
  ShippingLeg: { originCountry: (leg) => leg.from, destinationCountry: (leg) => leg.to },
  ShipmentLabel: { originCountry: (label) => label.from, destinationCountry: (label) => label.to },
};

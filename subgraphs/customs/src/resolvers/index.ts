import { toDecimalString } from '#packages/money/index.js';
import { CountryCodeScalar, CurrencyCodeScalar } from '#packages/scalars/index.js';
import type { Resolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { Lane } from './Lane.js';
import { Query } from './Query.js';
import { Return } from './Return.js';
import { ShippingOption } from './ShippingOption.js';

export const resolvers: Resolvers<Context> = {
  CountryCode: CountryCodeScalar,
  CurrencyCode: CurrencyCodeScalar,
  Query,
  Lane,
  Return,
  ShippingOption,
  Money: {
    amount: (money) => toDecimalString(money),
  },
  ChargeLine: {
    exchangeRates: (line) => [...line.rates],
  },
  CustomsDeclaration: {
    // An item without a code is declared with none: '' inside, null outward.
    hsCodes: (declaration) => declaration.hsCodes.map((code) => (code === '' ? null : code)),
  },
};

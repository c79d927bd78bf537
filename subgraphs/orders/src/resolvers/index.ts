import { CountryCodeScalar, CurrencyCodeScalar, DateTimeScalar } from '#packages/scalars/index.js';
import type { Resolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { Mutation } from './Mutation.js';
import { Node, nodeQuery } from './Node.js';
import { Order, OrderStep } from './Order.js';
import { Query } from './Query.js';
import { Return, ReturnUserError } from './Return.js';
import { UserError } from './UserError.js';
import { Dispute } from './Dispute.js';
import { Marketplace, Viewer } from './Marketplace.js';

export const resolvers: Resolvers<Context> = {
  CountryCode: CountryCodeScalar,
  CurrencyCode: CurrencyCodeScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, ...nodeQuery },
  Node,
  Mutation,
  Order,
  OrderStep,
  UserError,
  Dispute,
  Viewer,
  Marketplace,
  Return,
  ReturnUserError,
};

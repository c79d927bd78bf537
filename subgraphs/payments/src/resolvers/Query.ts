import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import { QuoteError, verifyQuote } from '#packages/quotes/index.js';
import type { QueryResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { describeLandedCost } from '../landedCost/describeLandedCost.js';

export const Query: QueryResolvers<Context> = {
  exchangeRates: async (_parent, _args, { rates }) => (await rates()).rates,

  paymentProviders: (_parent, _args, { providers }) => [...providers.values()].map((provider) => provider.info),

  quote(_parent, { quoteId }, { quoteKey, now }) {
    try {
      const quote = verifyQuote(quoteId, quoteKey, now());
      return { quote, quoteId, lines: describeLandedCost(quote) };
    } catch (error) {
      if (!(error instanceof QuoteError)) throw error;
      // BAD_USER_INPUT is what clients branch on; `quoteError` tells "ask again" from "not ours".
      throw new GraphQLError(`quoteId: ${error.message}`, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: 'quoteId', quoteError: error.code },
      });
    }
  },
};

import { DateTimeScalar } from '#packages/scalars/index.js';
import type { Resolvers } from '../__generated__/resolvers.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation };

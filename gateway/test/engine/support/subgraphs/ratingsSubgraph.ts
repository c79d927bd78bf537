import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { TestSubgraph } from '../TestSubgraph.js';

/** Ratings of any listing without knowing its concrete type: @interfaceObject. Tests make it fail on purpose. */
const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@interfaceObject"])

  type Query {
    trendingListings: [Listing!]!
  }

  type Mutation {
    watch(listingId: ID!): Listing
  }

  type Listing @key(fields: "id") @interfaceObject {
    id: ID!
    averageStars: Float
    watchers: Int!
  }
`);

const stars: Record<string, number> = { o1: 4.5, o2: 3, a1: 5 };

const resolvers = {
  Query: { trendingListings: () => [{ id: 'a1' }, { id: 'o1' }, { id: 'o4' }] },
  Mutation: { watch: (_: unknown, { listingId }: { listingId: string }) => ({ id: listingId }) },
  Listing: {
    __resolveReference: (reference: { id: string }) => reference,
    averageStars: (listing: { id: string }) => stars[listing.id] ?? null,
    watchers: (listing: { id: string }) => listing.id.length * 7,
  },
};

export const ratingsSubgraph: TestSubgraph = {
  name: 'ratings',
  typeDefs,
  schema: buildSubgraphSchema({ typeDefs, resolvers }),
};

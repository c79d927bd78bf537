import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { TestSubgraph } from '../TestSubgraph.js';

/** Seller reputation: takes `rating` over from the catalog (@override), owns carriers' names. */
const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@override", "@shareable"])

  type Query {
    topSellers: [Seller!]!
  }

  type Seller @key(fields: "id") {
    id: ID!
    rating: Float @override(from: "catalog")
    reviews: [Review!]!
    country: String
  }

  type Review {
    stars: Int!
    text: String
    author: String
  }

  type Carrier @key(fields: "id") {
    id: ID!
    name: String! @shareable
    trackingUrl: String
  }
`);

const ratings: Record<string, number | null> = { s1: 4.8, s2: 2.9, s3: null };
const reviews: Record<string, Array<{ stars: number | null; text: string | null; author: string | null }>> = {
  s1: [
    { stars: 5, text: 'Fresh and fragrant', author: 'kenji' },
    { stars: 4, text: null, author: 'ana' },
  ],
  s2: [{ stars: 3, text: 'Slow shipping', author: null }],
  // a null in a non-null field: the subgraph nulls the seller's whole `reviews`, and says so
  s3: [{ stars: null, text: 'broken record', author: 'x' }],
};
const carrierNames: Record<string, string> = { post: 'National Post', express: 'Express Air', sea: 'Sea Freight' };

const resolvers = {
  Query: { topSellers: () => ['s1', 's2', 's3'].map((id) => ({ id })) },
  Seller: {
    __resolveReference: (reference: { id: string }) => reference,
    rating: (seller: { id: string }) => ratings[seller.id] ?? null,
    reviews: (seller: { id: string }) => reviews[seller.id] ?? [],
    country: (seller: { id: string }) => ({ s1: 'JP', s2: 'CN' })[seller.id] ?? null,
  },
  Carrier: {
    __resolveReference: (reference: { id: string }) => reference,
    name: (carrier: { id: string }) => carrierNames[carrier.id] ?? 'Unknown carrier',
    trackingUrl: (carrier: { id: string }) => (carrier.id === 'sea' ? null : `https://track.example/${carrier.id}`),
  },
};

export const sellersSubgraph: TestSubgraph = {
  name: 'sellers',
  typeDefs,
  schema: buildSubgraphSchema({ typeDefs, resolvers }),
};

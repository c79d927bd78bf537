import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDifferentialHarness, type DifferentialHarness } from './support/startDifferentialHarness.js';
import type { TestSubgraph } from './support/TestSubgraph.js';

/** Listings, in the order a search found them. */
const listingsTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    listings: [Listing!]!
  }

  type Listing @key(fields: "id") {
    id: ID!
  }
`);

const listings: TestSubgraph = {
  name: 'listings',
  typeDefs: listingsTypeDefs,
  schema: buildSubgraphSchema({ typeDefs: listingsTypeDefs, resolvers: { Query: { listings: () => [{ id: 'l1' }, { id: 'l2' }] } } }),
};

/** Buyers' reviews of a listing, newest first. */
const reviewsTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Listing @key(fields: "id") {
    id: ID!
    reviews(last: Int!): [Review!]
  }

  type Review {
    id: ID!
    stars: Int!
  }
`);

const REVIEWS: Record<string, Array<{ id: string; stars: number }>> = {
  l1: [
    { id: 'r1', stars: 5 },
    { id: 'r2', stars: 4 },
    { id: 'r3', stars: 3 },
    { id: 'r4', stars: 1 },
  ],
  l2: [
    { id: 'r5', stars: 2 },
    { id: 'r6', stars: 4 },
    { id: 'r7', stars: 3 },
  ],
};

const reviews: TestSubgraph = {
  name: 'reviews',
  typeDefs: reviewsTypeDefs,
  schema: buildSubgraphSchema({
    typeDefs: reviewsTypeDefs,
    resolvers: {
      Listing: {
        __resolveReference: (reference: { id: string }) => reference,
        reviews: (listing: { id: string }, { last }: { last: number }) => {
          // the newest review of l2 is held back; the three that rate it are not
          if (listing.id === 'l2' && last === 1) throw new GraphQLError('The newest review of l2 is being moderated');
          return (REVIEWS[listing.id] ?? []).slice(0, last);
        },
      },
    },
  }),
};

/** A rating from the last three reviews: a `@requires` with an argument. */
const ratingsTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

  type Listing @key(fields: "id") {
    id: ID!
    reviews(last: Int!): [Review!] @external
    recentStars: Float @requires(fields: "reviews(last: 3) { stars }")
  }

  type Review @external {
    stars: Int!
  }
`);

const ratings: TestSubgraph = {
  name: 'ratings',
  typeDefs: ratingsTypeDefs,
  schema: buildSubgraphSchema({
    typeDefs: ratingsTypeDefs,
    resolvers: {
      Listing: {
        recentStars: (listing: { reviews?: Array<{ stars: number }> }) => {
          if (listing.reviews?.length !== 3) throw new Error(`expected the last three reviews, got ${listing.reviews?.length}`);
          return listing.reviews.reduce((sum, review) => sum + review.stars, 0) / 3;
        },
      },
    },
  }),
};

describe('a field asked with other arguments than a @requires asks it with', () => {
  let harness: DifferentialHarness;
  beforeAll(async () => {
    harness = await startDifferentialHarness([listings, reviews, ratings]);
  });
  afterAll(() => harness?.stop());

  it('is fetched as asked, and the @requires gets its own arguments, where stock fetches one of the two', async () => {
    const { stock, engine } = await harness.run({ query: '{ listings { id reviews(last: 1) { id stars } recentStars } }' });
    // stock: Apollo's planner fetches one `reviews`, with one of the two arguments; here the @requires gets one review
    expect(stock.errors).toContainEqual(
      expect.objectContaining({ message: 'expected the last three reviews, got 1', path: ['listings', 0, 'recentStars'] }),
    );
    expect(engine.data).toEqual({
      listings: [
        { id: 'l1', reviews: [{ id: 'r1', stars: 5 }], recentStars: 4 },
        { id: 'l2', reviews: null, recentStars: 3 },
      ],
    });
    // an error within the field is on the client's path, not under the engine's alias
    expect(engine.errors).toEqual([
      expect.objectContaining({ message: 'The newest review of l2 is being moderated', path: ['listings', 1, 'reviews'] }),
    ]);
  });

  it('is fetched as asked through fragments, with a variable argument', async () => {
    const query = /* GraphQL */ `
      query ($last: Int = 2) {
        listings {
          ...Recent
          recentStars
        }
      }
      fragment Recent on Listing {
        reviews(last: $last) {
          stars
        }
      }
    `;
    const { engine } = await harness.run({ query });
    expect(engine.data).toEqual({
      listings: [
        { reviews: [{ stars: 5 }, { stars: 4 }], recentStars: 4 },
        { reviews: [{ stars: 2 }, { stars: 4 }], recentStars: 3 },
      ],
    });
  });

  it.each([
    ['the required arguments themselves', '{ listings { id reviews(last: 3) { stars } recentStars } }'],
    ['an alias of the client', '{ listings { id latest: reviews(last: 2) { id } recentStars } }'],
    ['the field alone', '{ listings { reviews(last: 2) { id } } }'],
  ])('answers as stock for %s', async (_name, query) => {
    const { stock, engine } = await harness.run({ query });
    expect(engine).toEqual(stock);
  });
});

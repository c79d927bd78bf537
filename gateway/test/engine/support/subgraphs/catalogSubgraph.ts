import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import type { TestSubgraph } from '../TestSubgraph.js';

/** Offers, auctions, sellers and marketplaces: entities, an entity interface, a union, @inaccessible, mutations, failing fields. */
const typeDefs = parse(/* GraphQL */ `
  extend schema
    @link(
      url: "https://specs.apollo.dev/federation/v2.5"
      import: ["@key", "@shareable", "@inaccessible", "@external", "@requires", "@provides"]
    )

  type Query {
    offers(first: Int = 3): [Offer!]!
    offer(id: ID!): Offer
    listings: [Listing!]!
    search(text: String!): [SearchHit!]!
    node(id: ID!): Node
    marketplaces: [Marketplace!]!
    failingOffer: Offer!
    flakyOffers: [Offer]
  }

  type Mutation {
    renameOffer(id: ID!, title: String!): Offer
    failOnPurpose: Offer!
  }

  interface Node {
    id: ID!
  }

  interface Listing @key(fields: "id") {
    id: ID!
    title: String!
  }

  type Offer implements Node & Listing @key(fields: "id") {
    id: ID!
    title: String!
    price: Money! @shareable
    weightGrams: Int!
    seller: Seller!
    marketplace: Marketplace!
    internalCode: String @inaccessible
    status: OfferStatus!
    flaky: String
    strictNote: String!
    tags: [String!]!
  }

  type Auction implements Node & Listing @key(fields: "id") {
    id: ID!
    title: String!
    endsAt: String!
    currentBid: Money!
  }

  enum OfferStatus {
    ACTIVE
    SOLD_OUT
    HIDDEN @inaccessible
  }

  type Money @shareable {
    amount: String!
    currency: String!
  }

  type Seller implements Node @key(fields: "id") {
    id: ID!
    name: String!
    rating: Float
  }

  type Marketplace @key(fields: "id") {
    id: ID!
    name: String!
    country: String! @shareable
  }

  union SearchHit = Offer | Seller | Auction
`);

interface OfferRecord {
  id: string;
  title: string;
  price: { amount: string; currency: string };
  weightGrams: number;
  sellerId: string;
  marketplaceId: string;
  status: 'ACTIVE' | 'SOLD_OUT' | 'HIDDEN';
  tags: string[];
}

const initialOffers: OfferRecord[] = [
  {
    id: 'o1',
    title: 'Matcha powder',
    price: { amount: '12.50', currency: 'JPY' },
    weightGrams: 120,
    sellerId: 's1',
    marketplaceId: 'jp',
    status: 'ACTIVE',
    tags: ['tea', 'green'],
  },
  {
    id: 'o2',
    title: 'Oolong leaves',
    price: { amount: '8.00', currency: 'CNY' },
    weightGrams: 250,
    sellerId: 's2',
    marketplaceId: 'cn',
    status: 'SOLD_OUT',
    tags: ['tea'],
  },
  {
    id: 'o3',
    title: 'Yerba mate',
    price: { amount: '5.10', currency: 'BRL' },
    weightGrams: 500,
    sellerId: 's1',
    marketplaceId: 'br',
    status: 'ACTIVE',
    tags: [],
  },
  {
    id: 'o4',
    title: 'Hidden lot',
    price: { amount: '1.00', currency: 'EUR' },
    weightGrams: 50,
    sellerId: 's3',
    marketplaceId: 'de',
    status: 'HIDDEN',
    tags: ['x'],
  },
  {
    id: 'o5',
    title: 'Rooibos',
    price: { amount: '3.30', currency: 'EUR' },
    weightGrams: 90,
    sellerId: 's2',
    marketplaceId: 'de',
    status: 'ACTIVE',
    tags: ['tea', 'red'],
  },
];
const auctions = [
  { id: 'a1', title: 'Antique teapot', endsAt: '2030-01-01', currentBid: { amount: '99.00', currency: 'EUR' } },
  { id: 'a2', title: 'Tea ceremony set', endsAt: '2030-02-01', currentBid: { amount: '150.00', currency: 'JPY' } },
];
const sellers = [
  { id: 's1', name: 'Kyoto Tea House', rating: 4.1 },
  { id: 's2', name: 'Fujian Leaf Co', rating: 3.7 },
  { id: 's3', name: 'Berliner Laden', rating: null },
];
const marketplaces = [
  { id: 'jp', name: 'Ichiba', country: 'JP' },
  { id: 'cn', name: 'Jade Market', country: 'CN' },
  { id: 'br', name: 'Feira', country: 'BR' },
  { id: 'de', name: 'Marktplatz', country: 'DE' },
];

let offers = structuredClone(initialOffers);
const offerById = (id: string) => offers.find((offer) => offer.id === id);
const typed = <T extends object>(typename: string, value: T | undefined) => (value ? { __typename: typename, ...value } : null);

const resolvers = {
  Query: {
    offers: (_: unknown, { first }: { first: number }) => offers.slice(0, Math.max(0, first)),
    offer: (_: unknown, { id }: { id: string }) => offerById(id) ?? null,
    listings: () => [...offers.map((offer) => typed('Offer', offer)), ...auctions.map((auction) => typed('Auction', auction))],
    search: (_: unknown, { text }: { text: string }) => {
      const needle = text.toLowerCase();
      return [
        ...offers.filter((offer) => offer.title.toLowerCase().includes(needle)).map((offer) => typed('Offer', offer)),
        ...sellers.filter((seller) => seller.name.toLowerCase().includes(needle)).map((seller) => typed('Seller', seller)),
        ...auctions.filter((auction) => auction.title.toLowerCase().includes(needle)).map((auction) => typed('Auction', auction)),
      ];
    },
    node: (_: unknown, { id }: { id: string }) =>
      typed('Offer', offerById(id)) ??
      typed(
        'Seller',
        sellers.find((seller) => seller.id === id),
      ) ??
      typed(
        'Auction',
        auctions.find((a) => a.id === id),
      ),
    marketplaces: () => marketplaces,
    failingOffer: () => {
      throw new GraphQLError('The failing offer failed', { extensions: { code: 'NOT_FOUND' } });
    },
    flakyOffers: () => offers.slice(0, 4).map((offer) => (offer.id === 'o2' ? new Error('o2 is temporarily unavailable') : offer)),
  },
  Mutation: {
    // idempotent, so both engines see the same state whichever runs first
    renameOffer: (_: unknown, { id, title }: { id: string; title: string }) => {
      const offer = offerById(id);
      if (offer) offer.title = title;
      return offer ?? null;
    },
    failOnPurpose: () => {
      throw new Error('The mutation refused');
    },
  },
  Node: { __resolveType: (value: { __typename: string }) => value.__typename },
  Listing: {
    __resolveType: (value: { __typename: string }) => value.__typename,
    __resolveReference: (reference: { id: string }) =>
      typed('Offer', offerById(reference.id)) ??
      typed(
        'Auction',
        auctions.find((a) => a.id === reference.id),
      ),
  },
  SearchHit: { __resolveType: (value: { __typename: string }) => value.__typename },
  Offer: {
    __resolveReference: (reference: { id: string }) => offerById(reference.id) ?? null,
    seller: (offer: OfferRecord) => sellers.find((seller) => seller.id === offer.sellerId),
    marketplace: (offer: OfferRecord) => marketplaces.find((marketplace) => marketplace.id === offer.marketplaceId),
    internalCode: (offer: OfferRecord) => `INT-${offer.id}`,
    flaky: (offer: OfferRecord) => {
      if (offer.id === 'o3')
        throw new GraphQLError('flaky failed for o3', { extensions: { code: 'UPSTREAM_TIMEOUT', upstream: 'br-feira' } });
      return `flaky-${offer.id}`;
    },
    // null for o5 breaks the non-null field inside the subgraph: it nulls the offer there
    strictNote: (offer: OfferRecord) => (offer.id === 'o5' ? null : `note-${offer.id}`),
  },
  Auction: { __resolveReference: (reference: { id: string }) => auctions.find((auction) => auction.id === reference.id) ?? null },
  Seller: { __resolveReference: (reference: { id: string }) => sellers.find((seller) => seller.id === reference.id) ?? null },
  Marketplace: {
    __resolveReference: (reference: { id: string }) => marketplaces.find((marketplace) => marketplace.id === reference.id) ?? null,
  },
};

export const catalogSubgraph: TestSubgraph = {
  name: 'catalog',
  typeDefs,
  schema: buildSubgraphSchema({ typeDefs, resolvers }),
  reset: () => {
    offers = structuredClone(initialOffers);
  },
};

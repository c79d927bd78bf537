import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { TestSubgraph } from '../TestSubgraph.js';

/** Shipping for offers: @requires on the offer's weight, @provides of carrier names, a shareable price. */
const typeDefs = parse(/* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires", "@provides"])

  type Query {
    carriers: [Carrier!]!
  }

  type Offer @key(fields: "id") {
    id: ID!
    weightGrams: Int! @external
    shippingEstimate: Int! @requires(fields: "weightGrams")
    shippingOptions: [ShippingOption!]!
    price: Money! @shareable
  }

  type ShippingOption {
    mode: String!
    days: Int
    carrier: Carrier! @provides(fields: "name")
  }

  type Carrier @key(fields: "id") {
    id: ID!
    name: String! @external
  }

  type Money @shareable {
    amount: String!
    currency: String!
  }
`);

const carrierNames: Record<string, string> = { post: 'National Post', express: 'Express Air', sea: 'Sea Freight' };

const resolvers = {
  Query: { carriers: () => Object.keys(carrierNames).map((id) => ({ id })) },
  Offer: {
    __resolveReference: (reference: { id: string; weightGrams?: number }) => reference,
    shippingEstimate: (offer: { weightGrams: number }) => Math.ceil(offer.weightGrams / 100) * 3,
    shippingOptions: (offer: { id: string }) =>
      offer.id === 'o3'
        ? [{ mode: 'SEA', days: 40, carrier: { id: 'sea', name: carrierNames.sea } }]
        : [
            { mode: 'POST', days: 9, carrier: { id: 'post', name: carrierNames.post } },
            { mode: 'EXPRESS', days: null, carrier: { id: 'express', name: carrierNames.express } },
          ],
    price: (offer: { id: string }) => ({ amount: '0.00', currency: `LOGISTICS-${offer.id}` }),
  },
  Carrier: { __resolveReference: (reference: { id: string }) => reference },
};

export const logisticsSubgraph: TestSubgraph = {
  name: 'logistics',
  typeDefs,
  schema: buildSubgraphSchema({ typeDefs, resolvers }),
};

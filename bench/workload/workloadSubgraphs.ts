import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { IN_STOCK, PRODUCTS, REVIEWS, USERS } from './workloadData.js';

/** One subgraph of the benchmark workload: its SDL and its executable schema. */
export interface WorkloadSubgraph {
  readonly name: 'accounts' | 'inventory' | 'products' | 'reviews';
  readonly typeDefs: DocumentNode;
  readonly schema: GraphQLSchema;
}

const federation = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ${JSON.stringify(imports)})`;
const reviewOf = (review: (typeof REVIEWS)[number]) => ({ id: review.id, body: review.body, product: { upc: review.productUpc } });
/** Every review's author is user 1, with the first two reviews, as in the benchmark's reviews subgraph. */
const AUTHOR = { id: '1', username: 'urigo', reviews: REVIEWS.slice(0, 2).map(reviewOf) };

const accountsTypeDefs = parse(`${federation(['@key', '@shareable'])}
  type Query { me: User user(id: ID!): User users: [User] }
  type User @key(fields: "id") { id: ID! name: String username: String @shareable birthday: Int }`);

const productsTypeDefs = parse(`${federation(['@key'])}
  type Query { topProducts(first: Int = 5): [Product] }
  type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`);

const inventoryTypeDefs = parse(`${federation(['@key', '@external', '@requires'])}
  type Product @key(fields: "upc") { upc: String! weight: Int @external price: Int @external inStock: Boolean shippingEstimate: Int @requires(fields: "price weight") }`);

const reviewsTypeDefs = parse(`${federation(['@key', '@external', '@provides'])}
  type Review @key(fields: "id") { id: ID! body: String product: Product author: User @provides(fields: "username") }
  type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
  type Product @key(fields: "upc") { upc: String! reviews: [Review] }`);

/** The four subgraphs, each answering from the same tables as the public benchmark's. */
export const WORKLOAD_SUBGRAPHS: readonly WorkloadSubgraph[] = [
  {
    name: 'accounts',
    typeDefs: accountsTypeDefs,
    schema: buildSubgraphSchema({
      typeDefs: accountsTypeDefs,
      resolvers: {
        Query: {
          me: () => USERS[0],
          user: (_: unknown, { id }: { id: string }) => USERS.find((user) => user.id === id) ?? null,
          users: () => USERS,
        },
        User: { __resolveReference: (reference: { id: string }) => USERS.find((user) => user.id === reference.id) },
      },
    }),
  },
  {
    name: 'inventory',
    typeDefs: inventoryTypeDefs,
    schema: buildSubgraphSchema({
      typeDefs: inventoryTypeDefs,
      resolvers: {
        // The benchmark's inventory answers from its own table, which holds no price or weight:
        // the required values arrive but its estimate comes out null. Same data, same answer here.
        Product: {
          __resolveReference: (reference: { upc: string }) => ({ upc: reference.upc, inStock: IN_STOCK[reference.upc] ?? null }),
          shippingEstimate: () => null,
        },
      },
    }),
  },
  {
    name: 'products',
    typeDefs: productsTypeDefs,
    schema: buildSubgraphSchema({
      typeDefs: productsTypeDefs,
      resolvers: {
        Query: { topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first) },
        Product: { __resolveReference: (reference: { upc: string }) => PRODUCTS.find((product) => product.upc === reference.upc) },
      },
    }),
  },
  {
    name: 'reviews',
    typeDefs: reviewsTypeDefs,
    schema: buildSubgraphSchema({
      typeDefs: reviewsTypeDefs,
      resolvers: {
        Review: {
          __resolveReference: (reference: { id: string }) => reviewOf(REVIEWS.find((review) => review.id === reference.id)!),
          author: () => AUTHOR,
        },
        User: { __resolveReference: (reference: { id: string }) => ({ id: reference.id, username: 'user', reviews: AUTHOR.reviews }) },
        Product: {
          __resolveReference: (reference: { upc: string }) => ({ upc: reference.upc }),
          reviews: (product: { upc: string }) => REVIEWS.filter((review) => review.productUpc === product.upc).map(reviewOf),
        },
      },
    }),
  },
];

import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
// The resolver map type is not exported from the package root; a type-only import of its module.
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import { createLogger } from '#packages/log/index.js';
import { createApolloServer, createGraphQLHttpServer, listen, type RunningServer } from '#packages/server/index.js';

/** What a fake subgraph saw: one entry per HTTP request that reached it. */
export interface SeenRequest {
  readonly headers: IncomingHttpHeaders;
  readonly query: string;
  readonly variables: Record<string, unknown> | undefined;
}

export interface FakeSubgraph {
  readonly name: string;
  readonly url: string;
  readonly seen: SeenRequest[];
  /** The next `count` HTTP requests get `status` without reaching GraphQL (a restarting subgraph). */
  failNext(count: number, status: number): void;
}

export interface FakeSubgraphs {
  readonly shop: FakeSubgraph;
  readonly rates: FakeSubgraph;
  /** A supergraph file routing to them. */
  readonly supergraphPath: string;
  readonly supergraphSdl: string;
  /** Requests that reached any subgraph. */
  calls(): number;
  /** Another `shop` on its own port (to move a subgraph in a reloaded supergraph); closed with the rest. */
  startShopReplica(): Promise<FakeSubgraph>;
  /**
   * A supergraph routing to the given URLs. `accessRules: false` leaves out the subgraphs'
   * `@authenticated` and `@requiresScopes` (a supergraph that declares none).
   */
  composeSupergraph(urls: { shop: string; rates: string }, options?: { accessRules?: boolean }): string;
  close(): Promise<void>;
}

const CACHE_CONTROL = 'directive @cacheControl(maxAge: Int, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION';
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

/**
 * A small shop of two real subgraphs over HTTP, composed in memory: `shop` (public marketplaces,
 * per-buyer `me`, offers, a mutation, a slow field) and `rates` (a public entity field on offers).
 * Enough for the gateway's features to be seen from the outside, in milliseconds.
 */
const SHOP_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@authenticated", "@requiresScopes"])
${CACHE_CONTROL}
type Query {
  marketplaces: [Marketplace!]!
  offers(first: Int = 10): [Offer!]!
  me: String
  slow(ms: Int!): String
  broken: String
  myOrders: [String!] @authenticated
}
type Mutation {
  placeOrder(offerId: ID!): String @requiresScopes(scopes: [["orders:write"]])
  requestTradeFlowExport: String @requiresScopes(scopes: [["insights:read"], ["insights:own-marketplace"]])
}
type Marketplace @key(fields: "id") @cacheControl(maxAge: 60) { id: ID! name: String! }
type Offer @key(fields: "id") { id: ID! title: String! marketplace: Marketplace! }
`;

const RATES_SDL = `${LINK}
${CACHE_CONTROL}
type Query { rateDate(country: String): String @cacheControl(maxAge: 30) }
type Offer @key(fields: "id") @cacheControl(maxAge: 60) { id: ID! duty: String! }
`;

const marketplaces = [
  { id: 'cn-jademarket', name: 'Jade Market' },
  { id: 'br-feira', name: 'Feira' },
];
const offers = Array.from({ length: 50 }, (_, i) => ({ id: `offer-${i}`, title: `Tea ${i}`, marketplace: marketplaces[i % 2]! }));

let meCounter = 0;
const shopResolvers = {
  Query: {
    marketplaces: () => marketplaces,
    offers: (_: unknown, { first }: { first: number }) => offers.slice(0, first),
    me: () => `buyer-${++meCounter}`,
    slow: async (_: unknown, { ms }: { ms: number }) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return `slept ${ms}`;
    },
    broken: () => {
      throw new Error('database password=hunter2 unreachable');
    },
    myOrders: () => ['order-1'],
  },
  Mutation: {
    placeOrder: (_: unknown, { offerId }: { offerId: string }) => `order for ${offerId}`,
    requestTradeFlowExport: () => 'export job',
  },
  Marketplace: { __resolveReference: (ref: { id: string }) => marketplaces.find((m) => m.id === ref.id) },
  Offer: { __resolveReference: (ref: { id: string }) => offers.find((o) => o.id === ref.id) },
};
const ratesResolvers = {
  Query: { rateDate: (_: unknown, { country }: { country?: string }) => `2025-01-01/${country ?? 'any'}` },
  Offer: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, duty: `duty of ${ref.id}` }) },
};

async function startSubgraph(
  name: string,
  sdl: string,
  resolvers: GraphQLResolverMap<unknown>,
): Promise<FakeSubgraph & { running: RunningServer; server: Server }> {
  const logger = createLogger(name, { level: 'silent' });
  const apollo = createApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(sdl), resolvers }),
    logger,
    production: false,
  });
  await apollo.start();
  const inner = createGraphQLHttpServer({ apollo, logger, access: 'public', context: async () => ({}) });
  const seen: SeenRequest[] = [];
  let failures = 0;
  let failStatus = 503;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text === '' ? {} : (JSON.parse(text) as { query?: string; variables?: Record<string, unknown> });
      if (body.query !== '{ __typename }') seen.push({ headers: request.headers, query: body.query ?? '', variables: body.variables });
      if (failures > 0) {
        failures--;
        response.statusCode = failStatus;
        response.end('unavailable');
        return;
      }
      // Hand the buffered request to the real GraphQL server.
      const replay = Object.assign(request, {
        [Symbol.asyncIterator]: async function* () {
          yield Buffer.from(text);
        },
      });
      inner.emit('request', replay, response);
    });
  });
  const running = await listen(server, '127.0.0.1', 0, () => apollo.stop());
  return {
    name,
    url: `${running.url}/graphql`,
    seen,
    running,
    server,
    failNext(count, status) {
      failures = count;
      failStatus = status;
    },
  };
}

/** The shop without access rules: what a supergraph that is not ours, declaring none, looks like. */
const SHOP_SDL_WITHOUT_ACCESS_RULES = SHOP_SDL.replace(/ @authenticated| @requiresScopes\(scopes: \[[^)]*\]\)/g, '');

function composeSupergraph(urls: { shop: string; rates: string }, options: { accessRules?: boolean } = {}): string {
  const composed = composeServices([
    { name: 'shop', url: urls.shop, typeDefs: parse(options.accessRules === false ? SHOP_SDL_WITHOUT_ACCESS_RULES : SHOP_SDL) },
    { name: 'rates', url: urls.rates, typeDefs: parse(RATES_SDL) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  return composed.supergraphSdl;
}

export async function startFakeSubgraphs(): Promise<FakeSubgraphs> {
  const shop = await startSubgraph('shop', SHOP_SDL, shopResolvers);
  const rates = await startSubgraph('rates', RATES_SDL, ratesResolvers);
  const replicas: Array<Awaited<ReturnType<typeof startSubgraph>>> = [];
  const supergraphSdl = composeSupergraph({ shop: shop.url, rates: rates.url });
  const supergraphPath = join(mkdtempSync(join(tmpdir(), 'tradegraph-gateway-test-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphSdl);
  return {
    shop,
    rates,
    supergraphPath,
    supergraphSdl,
    calls: () => shop.seen.length + rates.seen.length + replicas.reduce((sum, replica) => sum + replica.seen.length, 0),
    async startShopReplica() {
      const replica = await startSubgraph('shop', SHOP_SDL, shopResolvers);
      replicas.push(replica);
      return replica;
    },
    composeSupergraph,
    async close() {
      await Promise.all([shop, rates, ...replicas].map((subgraph) => subgraph.running.close()));
    },
  };
}

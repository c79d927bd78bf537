import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import type { GraphQLResponse } from '#test/support/graphqlRequest.js';

/**
 * A marketplace's reach, end to end: every subgraph and sandbox as its own process, the client
 * talking to the gateway only. A buyer searches Jade Market's tea shipping to Germany (the catalog
 * counts the offers shown), prices its shipping options (payments counts the landed costs) and
 * books one; both counters flush to orders over the signed service call. Jade Market's own key then
 * reads its reach for Germany; Soko's key sees none of it and is refused Jade Market's.
 */
const keyOf = (id: string, scopes: string, marketplace?: string) => {
  const key = `tg_${randomBytes(24).toString('base64url')}`;
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  const line = marketplace === undefined ? `${id} developer ${scopes} ${hash}` : `${id} marketplace - ${hash} marketplace=${marketplace}`;
  return { key, line };
};
const BUYER_APP = keyOf('e2e-reach-shop', 'orders:write');
const JADE_MARKET = keyOf('e2e-reach-jademarket', '-', 'cn-jademarket');
const SOKO = keyOf('e2e-reach-soko', '-', 'ke-soko');

const QUOTES = /* GraphQL */ `
  query ReachQuotes {
    search(query: "tea", first: 5, filter: { marketplaces: ["cn-jademarket"], shipTo: "DE", inStock: true }) {
      edges {
        node {
          id
          shippingOptions(to: "DE") {
            landedCost(currency: EUR) {
              quoteId
              paymentProvider {
                methods
              }
            }
          }
        }
      }
    }
  }
`;
const PLACE = /* GraphQL */ `
  mutation ($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
        message
      }
    }
  }
`;
const REACH = /* GraphQL */ `
  query {
    viewer {
      marketplace {
        id
        reach {
          from
          to
          countries {
            country
            shown
            quoted
            booked
          }
        }
      }
    }
  }
`;

interface CountryReach {
  country: string | null;
  shown: number;
  quoted: number;
  booked: number;
}
interface ReachView {
  viewer: { marketplace: { id: string; reach: { from: string; to: string; countries: CountryReach[] } } };
}

describe('a marketplace reads how far its offers got', () => {
  let stack: RunningStack;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradegraph-reach-'));
    stack = await launchStack({
      ports: 'free',
      startTimeoutMs: 240_000,
      env: {
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        API_KEYS: [BUYER_APP.line, JADE_MARKET.line, SOKO.line].join(';'),
        REACH_FLUSH_INTERVAL_MS: '300',
      },
    });
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function ask<T>(query: string, variables: Record<string, unknown>, key: string): Promise<GraphQLResponse<T>> {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }
  async function gql<T>(query: string, variables: Record<string, unknown>, key: string): Promise<T> {
    const body = await ask<T>(query, variables, key);
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data!;
  }
  const germany = async (key: string) =>
    (await gql<ReachView>(REACH, {}, key)).viewer.marketplace.reach.countries.find((entry) => entry.country === 'DE');

  it('counts a search, a quote and a booking to Germany for Jade Market only, and refuses Soko its reach', async () => {
    const { search } = await gql<{
      search: {
        edges: Array<{
          node: { id: string; shippingOptions: Array<{ landedCost: { quoteId: string; paymentProvider: { methods: string[] } } | null }> };
        }>;
      };
    }>(QUOTES, {}, BUYER_APP.key);
    expect(search.edges.length).toBeGreaterThan(0);
    const landedCost = search.edges.flatMap(({ node }) => node.shippingOptions).find((option) => option.landedCost !== null)?.landedCost;
    expect(landedCost).toBeDefined();

    const input = {
      quoteId: landedCost!.quoteId,
      idempotencyKey: randomUUID(),
      buyer: {
        name: 'Lena Fischer',
        email: 'lena@example.com',
        address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
      },
      payment: { method: landedCost!.paymentProvider.methods[0]! },
    };
    const placed = await gql<{ placeOrder: { order: { id: string } | null; userErrors: unknown[] } }>(PLACE, { input }, BUYER_APP.key);
    expect(placed.placeOrder.userErrors).toEqual([]);
    const id = placed.placeOrder.order!.id;
    await expect
      .poll(
        async () =>
          (await gql<{ order: { status: string } }>('query ($id: ID!) { order(id: $id) { status } }', { id }, BUYER_APP.key)).order.status,
        {
          timeout: 60_000,
          interval: 300,
        },
      )
      .toBe('CONFIRMED');

    // Shown and quoted arrive with the next flush of the catalog's and payments' counters.
    await expect
      .poll(
        async () => {
          const reach = await germany(JADE_MARKET.key);
          return reach !== undefined && reach.shown >= 1 && reach.quoted >= 1;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);
    const jade = await germany(JADE_MARKET.key);
    expect(jade!.shown).toBeGreaterThanOrEqual(search.edges.length);
    expect(jade!.booked).toBe(1);

    // Soko's own reach holds none of it; Jade Market's, asked through search, is refused.
    const soko = await gql<ReachView>(REACH, {}, SOKO.key);
    expect(soko.viewer.marketplace.id).toBe('ke-soko');
    expect(soko.viewer.marketplace.reach.countries).toEqual([]);
    const through = await ask(
      'query { search(query: "tea", first: 1, filter: { marketplaces: ["cn-jademarket"] }) { edges { node { marketplace { id reach { to } } } } } }',
      {},
      SOKO.key,
    );
    expect(through.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(through.errors?.[0]?.message).toBe("this key sees only ke-soko's reach, not cn-jademarket's");
    // a key bound to no marketplace has no reach to read
    expect((await ask(REACH, {}, BUYER_APP.key)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 300_000);
});

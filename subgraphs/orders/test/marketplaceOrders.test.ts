import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallerPrincipal } from '#packages/principal/index.js';
import { createFakeParticipants } from './support/createFakeParticipants.js';
import { PLACE_ORDER, type PlaceOrderView } from './support/orderDocuments.js';
import { startOrders, TEST_APP, type TestOrders } from './support/startOrders.js';
import { placeOrderInput, testQuoteToken } from './support/testQuote.js';

const VIEWER = `query ($first: Int, $after: String) {
  viewer { marketplace { id orders(first: $first, after: $after) { edges { node { id status buyerReference } } pageInfo { hasNextPage endCursor } } } }
}`;
const THROUGH_ENTITY = `query ($id: ID!) { _entities(representations: [{ __typename: "Marketplace", id: $id }]) { ... on Marketplace { orders { edges { node { id } } } } } }`;

// The fake catalog reserves every offer at Jade Market.
const JADE_MARKET: CallerPrincipal = { keyId: 'jade-key', tier: 'marketplace', scopes: [], marketplaceId: 'cn-jademarket' };
const FEIRA: CallerPrincipal = { keyId: 'feira-key', tier: 'marketplace', scopes: [], marketplaceId: 'br-feira' };
const OTHER_APP: CallerPrincipal = { ...TEST_APP, keyId: 'other-app' };

interface ViewerData {
  viewer: {
    marketplace: {
      id: string;
      orders: {
        edges: Array<{ node: { id: string; status: string; buyerReference: string | null } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
  };
}

describe('a marketplace key reads its own orders', () => {
  let orders: TestOrders;
  const placed: string[] = [];
  beforeAll(async () => {
    const participants = createFakeParticipants();
    participants.stock.set('offer-tea-1', 100);
    orders = await startOrders(participants);
    // three orders by two apps, all booked at Jade Market
    for (const [n, app] of [TEST_APP, TEST_APP, OTHER_APP].entries()) {
      const input = { ...placeOrderInput(testQuoteToken(), `market-${n}`), buyerReference: `customer-${n}` };
      const answer = await orders.query<PlaceOrderView>(PLACE_ORDER, { input }, app);
      placed.unshift(answer.data!.placeOrder.order!.id);
    }
  });
  afterAll(() => orders.stop());

  it('pages through every order booked at its marketplace, whichever app placed it, newest first', async () => {
    const first = await orders.query<ViewerData>(VIEWER, { first: 2 }, JADE_MARKET);
    expect(first.errors).toBeUndefined();
    expect(first.data!.viewer.marketplace.id).toBe('cn-jademarket');
    expect(first.data!.viewer.marketplace.orders.pageInfo.hasNextPage).toBe(true);
    const rest = await orders.query<ViewerData>(
      VIEWER,
      { first: 2, after: first.data!.viewer.marketplace.orders.pageInfo.endCursor },
      JADE_MARKET,
    );
    const ids = [...first.data!.viewer.marketplace.orders.edges, ...rest.data!.viewer.marketplace.orders.edges].map((edge) => edge.node.id);
    expect(ids).toEqual(placed);
    expect(rest.data!.viewer.marketplace.orders.pageInfo.hasNextPage).toBe(false);
    // the apps' own references for their buyers stay theirs
    expect(first.data!.viewer.marketplace.orders.edges.map((edge) => edge.node.buyerReference)).toEqual([null, null]);
  });

  it('sees none of another marketplace’s orders, and refuses a key bound to none', async () => {
    const feira = await orders.query<ViewerData>(VIEWER, {}, FEIRA);
    expect(feira.data!.viewer.marketplace.orders.edges).toEqual([]);

    const asked = await orders.query(THROUGH_ENTITY, { id: 'cn-jademarket' }, FEIRA);
    expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(asked.errors?.[0]?.message).toBe("this key sees only br-feira's orders, not cn-jademarket's");

    const unbound = await orders.query(VIEWER, {}, TEST_APP);
    expect(unbound.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(unbound.errors?.[0]?.message).toMatch(/bound to no marketplace/);
    expect((await orders.query(THROUGH_ENTITY, { id: 'cn-jademarket' }, TEST_APP)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await orders.query(VIEWER, {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

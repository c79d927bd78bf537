import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '#packages/log/index.js';
import type { CallerPrincipal } from '#packages/principal/index.js';
import { createReachCounter, createReachSender, reachDay } from '#packages/reach/index.js';
import { TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';
import { MAX_REACH_BATCH } from '../src/reach/recordReach.js';
import { createFakeParticipants } from './support/createFakeParticipants.js';
import { PLACE_ORDER, type PlaceOrderView } from './support/orderDocuments.js';
import { startOrders, TEST_APP, type TestOrders } from './support/startOrders.js';
import { placeOrderInput, testQuoteToken } from './support/testQuote.js';

const VIEWER = `query ($first: Int, $after: String) {
  viewer { marketplace { id orders(first: $first, after: $after) { edges { node { id status buyerReference } } pageInfo { hasNextPage endCursor } } } }
}`;
const THROUGH_ENTITY = `query ($id: ID!) { _entities(representations: [{ __typename: "Marketplace", id: $id }]) { ... on Marketplace { orders { edges { node { id } } } } } }`;

const REACH = `query ($from: String, $to: String) {
  viewer { marketplace { reach(from: $from, to: $to) { from to total { shown quoted booked } countries { country shown quoted booked } } } }
}`;
const REACH_THROUGH_ENTITY = `query ($id: ID!) { _entities(representations: [{ __typename: "Marketplace", id: $id }]) { ... on Marketplace { reach { from } } } }`;

interface ReachData {
  viewer: {
    marketplace: {
      reach: {
        from: string;
        to: string;
        total: { shown: number; quoted: number; booked: number };
        countries: Array<{ country: string | null; shown: number; quoted: number; booked: number }>;
      };
    };
  };
}

// The fake catalog reserves every offer at Jade Market.
const JADE_MARKET: CallerPrincipal = { keyId: 'jade-key', tier: 'marketplace', scopes: [], marketplaceId: 'cn-jademarket' };
const FEIRA: CallerPrincipal = { keyId: 'feira-key', tier: 'marketplace', scopes: [], marketplaceId: 'br-feira' };
const BAZAAR: CallerPrincipal = { keyId: 'bazaar-key', tier: 'marketplace', scopes: [], marketplaceId: 'in-bazaar' };
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

describe('a marketplace key reads its own reach', () => {
  let orders: TestOrders;
  beforeAll(async () => {
    const participants = createFakeParticipants();
    participants.stock.set('offer-tea-1', 100);
    orders = await startOrders(participants);
    // one order to Germany (the test quote's destination), booked at Jade Market
    const answer = await orders.query<PlaceOrderView>(PLACE_ORDER, { input: placeOrderInput(testQuoteToken(), 'reach-1') }, TEST_APP);
    expect(answer.data!.placeOrder.order!.status).toBe('CONFIRMED');
    // what the catalog and payments send: their counter, flushed over HTTP with the service secret
    const sender = createReachSender({
      url: orders.url,
      serviceSecret: TEST_SERVICE_SECRET,
      timeoutMs: 10_000,
      logger: createLogger('test', { level: 'silent' }),
    });
    const counter = createReachCounter({
      send: sender.send,
      flushIntervalMs: 3_600_000,
      logger: createLogger('test', { level: 'silent' }),
    });
    counter.count({ marketplaceId: 'cn-jademarket', country: 'DE', kind: 'SHOWN' }, 4);
    counter.count({ marketplaceId: 'cn-jademarket', country: null, kind: 'SHOWN' }, 2);
    counter.count({ marketplaceId: 'cn-jademarket', country: 'DE', kind: 'QUOTED' });
    counter.count({ marketplaceId: 'br-feira', country: 'AR', kind: 'SHOWN' }, 9);
    await counter.close();
    await sender.close();
  });
  afterAll(() => orders.stop());

  it('shows how often its offers were shown, quoted and booked, by buyer country, over the last 30 days', async () => {
    const answer = await orders.query<ReachData>(REACH, {}, JADE_MARKET);
    expect(answer.errors).toBeUndefined();
    const reach = answer.data!.viewer.marketplace.reach;
    expect(reach.to).toBe(reachDay(Date.now()));
    expect(Date.parse(reach.to) - Date.parse(reach.from)).toBe(29 * 86_400_000);
    expect(reach.countries).toEqual([
      { country: 'DE', shown: 4, quoted: 1, booked: 1 },
      { country: null, shown: 2, quoted: 0, booked: 0 },
    ]);
    expect(reach.total).toEqual({ shown: 6, quoted: 1, booked: 1 });
    const feira = await orders.query<ReachData>(REACH, {}, FEIRA);
    expect(feira.data!.viewer.marketplace.reach.countries).toEqual([{ country: 'AR', shown: 9, quoted: 0, booked: 0 }]);
  });

  it('counts nothing outside the period, and refuses a period that is not one', async () => {
    const past = await orders.query<ReachData>(REACH, { from: '2020-01-01', to: '2020-01-31' }, JADE_MARKET);
    expect(past.data!.viewer.marketplace.reach.countries).toEqual([]);
    const bad = await orders.query(REACH, { from: '2026-02-30' }, JADE_MARKET);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'from' });
    const reversed = await orders.query(REACH, { from: '2026-03-02', to: '2026-03-01' }, JADE_MARKET);
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'from' });
  });

  it('takes a backlog larger than one request in chunks, every count once', async () => {
    // 6,000 days of a counter that could not flush: more than one recordReach takes (MAX_REACH_BATCH)
    const DAY = 86_400_000;
    const first = Date.parse('2010-01-01T00:00:00Z');
    const days = Array.from({ length: 6_000 }, (_, index) => reachDay(first + index * DAY));
    expect(days.length).toBeGreaterThan(MAX_REACH_BATCH);
    const sender = createReachSender({
      url: orders.url,
      serviceSecret: TEST_SERVICE_SECRET,
      timeoutMs: 30_000,
      logger: createLogger('test', { level: 'silent' }),
    });
    await sender.send(days.map((day) => ({ marketplaceId: 'in-bazaar', country: 'JP', day, kind: 'SHOWN' as const, count: 1 })));
    await sender.close();
    let shown = 0;
    for (let from = first; from <= first + 5_999 * DAY; from += 731 * DAY) {
      const answer = await orders.query<ReachData>(REACH, { from: reachDay(from), to: reachDay(from + 730 * DAY) }, BAZAAR);
      shown += answer.data!.viewer.marketplace.reach.total.shown;
    }
    expect(shown).toBe(6_000);
  });

  it('refuses another marketplace’s reach, and counts sent without the service secret', async () => {
    const asked = await orders.query(REACH_THROUGH_ENTITY, { id: 'cn-jademarket' }, FEIRA);
    expect(asked.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(asked.errors?.[0]?.message).toBe("this key sees only br-feira's reach, not cn-jademarket's");
    expect((await orders.query(REACH, {}, TEST_APP)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const forged = await orders.query(
      'mutation { recordReach(counts: [{ marketplaceId: "cn-jademarket", country: "DE", day: "2026-12-01", kind: SHOWN, count: 1000 }]) }',
      {},
      JADE_MARKET,
    );
    expect(forged.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

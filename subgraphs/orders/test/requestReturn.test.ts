import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '#packages/log/index.js';
import { toGlobalId } from '#subgraphs/catalog/src/globalId.js';
import { startCatalog, type TestCatalog } from '#subgraphs/catalog/test/startCatalog.js';
import { TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';
import { afterSaleOf, sellerIdOf, sellers as jadeMarketSellers } from '#upstreams/cn-jademarket/catalog.js';
import { createParticipants } from '../src/participants/createParticipants.js';
import { ParticipantError } from '../src/participants/ParticipantError.js';
import { createReturnDesk, type ReturnDesk } from '../src/returns/createReturnDesk.js';
import type { Participants, SellerReturnPolicy } from '../src/saga/Participants.js';
import { createBookingHarness, TEST_API_KEY_ID, type BookingHarness } from './support/createBookingHarness.js';
import { TEST_QUOTE_KEY } from './support/testQuote.js';

/**
 * The return desk's own logic (refusals, the refund by policy, resuming, once-only effects), with
 * fake participants and an in-memory store, except the last test, which reads a Jade Market seller's
 * policy through the real catalog and sandbox; the whole stack is `test/e2e/returns.e2e.ts`'s.
 */
const DELIVERED_AT = '2026-12-01T10:00:00.000Z';
const DAY = 86_400_000;

let harness: BookingHarness;
let desk: ReturnDesk;
let now: number;
let policy: SellerReturnPolicy | null;
let labelFailures: number;
let refundRefused: boolean;
const effects: string[] = [];

beforeEach(async () => {
  harness = await createBookingHarness();
  now = Date.parse(DELIVERED_AT) + 2 * DAY;
  policy = { acceptsReturns: true, windowDays: 14, returnShippingPaidBy: 'BUYER', restockingFeeBp: 1000 };
  labelFailures = 0;
  refundRefused = false;
  effects.length = 0;
  const seen = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    if (!seen.has(key)) seen.set(key, make());
    return seen.get(key) as T;
  };
  Object.assign(harness.participants, {
    sellerReturnPolicy: async () => policy,
    createReturnShipment: async (input: { idempotencyKey: string; shipFrom: { country: string }; shipTo: { country: string } }) => {
      if (labelFailures-- > 0) throw new ParticipantError('logistics', 'transient', 'UPSTREAM_TIMEOUT', 'no answer');
      return once(input.idempotencyKey, () => {
        effects.push(`label ${input.shipFrom.country}->${input.shipTo.country}`);
        return {
          shipmentId: 'shp-return-1',
          trackingNumber: 'RT1',
          leg: { carrierId: 'express-global', mode: 'EXPRESS', from: 'DE', to: 'CN' },
        };
      });
    },
    refundPayment: async (input: { paymentId: string; idempotencyKey: string; amount?: { amount: string; currency: string } }) => {
      if (refundRefused) throw new ParticipantError('payments', 'rejected', 'STATE_CONFLICT', 'nothing left to refund');
      return once(input.idempotencyKey, () => {
        // a return refunds a part: a refund without an amount would give back the whole payment
        effects.push(input.amount ? `refund ${input.amount.amount} ${input.amount.currency}` : 'refund all');
        return { paymentId: input.paymentId, status: 'RELEASED', provider: 'cardnet' };
      });
    },
  });
  desk = createReturnDesk({
    store: harness.store,
    participants: harness.participants,
    quoteKey: TEST_QUOTE_KEY,
    logger: createLogger('orders', { level: 'silent' }),
    now: () => now,
  });
});
afterEach(() => harness.close());

async function deliveredOrder(status = 'DELIVERED') {
  const { order } = await harness.place();
  expect(order?.status).toBe('CONFIRMED');
  harness.participants.tracking.set(order!.shipmentId!, {
    status,
    eventStatuses: ['PICKED_UP', status],
    firstReportedAt: { PICKED_UP: '2026-11-28T10:00:00.000Z', ...(status === 'DELIVERED' && { DELIVERED: DELIVERED_AT }) },
  });
  return order!;
}
const item = (quantity = 1, offerId = 'offer-tea-1') => [{ offerId, quantity }];
const codes = (result: Awaited<ReturnType<ReturnDesk['requestReturn']>>) => result.userErrors.map((error) => [error.code, error.field]);

describe('requestReturn', () => {
  it('refuses what cannot be returned, naming the argument, and records nothing', async () => {
    const order = await deliveredOrder();
    const ask = (items = item(), owner = TEST_API_KEY_ID) => desk.requestReturn({ orderId: order.id, items, reason: 'DEFECTIVE' }, owner);
    expect(codes(await ask(item(), 'another-app'))).toEqual([['ORDER_NOT_FOUND', ['orderId']]]);
    expect(codes(await ask(item(3)))).toEqual([['INVALID_ITEMS', ['items', 0, 'quantity']]]);
    expect(codes(await ask(item(1, 'offer-other')))).toEqual([['INVALID_ITEMS', ['items', 0, 'offerId']]]);
    expect(codes(await ask([...item(), ...item()]))).toEqual([['INVALID_ITEMS', ['items']]]);
    policy = null;
    expect(codes(await ask())).toEqual([['RETURN_POLICY_UNKNOWN', ['orderId']]]);
    policy = { acceptsReturns: false, windowDays: null, returnShippingPaidBy: 'BUYER', restockingFeeBp: 0 };
    expect(codes(await ask())).toEqual([['RETURNS_NOT_ACCEPTED', ['orderId']]]);
    policy = { acceptsReturns: true, windowDays: 1, returnShippingPaidBy: 'BUYER', restockingFeeBp: 0 };
    expect(codes(await ask())).toEqual([['RETURN_WINDOW_CLOSED', ['orderId']]]);
    expect(await harness.store.getReturnOfOrder(order.id)).toBeUndefined();
    expect(effects).toEqual([]);

    const inTransit = await deliveredOrder('IN_TRANSIT');
    const early = await desk.requestReturn({ orderId: inTransit.id, items: item(), reason: 'DEFECTIVE' }, TEST_API_KEY_ID);
    expect(codes(early)).toEqual([['NOT_DELIVERED', ['orderId']]]);
  });

  it('refuses to return a disputed order: the dispute settles its money', async () => {
    const order = await deliveredOrder();
    const dispute = {
      id: `dsp_${order.id}`,
      orderId: order.id,
      openedBy: TEST_API_KEY_ID,
      reason: 'DAMAGED',
      evidence: 'Arrived crushed.',
      status: 'OPEN',
      outcome: null,
      note: null,
      resolvedBy: null,
      paymentStatus: null,
      openedAt: now,
      resolvedAt: null,
      updatedAt: now,
    } as const;
    expect(await harness.store.createDispute(dispute, [])).toBe(true);
    const answer = await desk.requestReturn({ orderId: order.id, items: item(), reason: 'DAMAGED' }, TEST_API_KEY_ID);
    expect(codes(answer)).toEqual([['ORDER_DISPUTED', ['orderId']]]);
    expect(await harness.store.getReturnOfOrder(order.id)).toBeUndefined();
    expect(effects).toEqual([]);
  });

  it('refunds a change of mind by the policy: the goods less the restocking fee, no shipping', async () => {
    const order = await deliveredOrder();
    const { returned, userErrors } = await desk.requestReturn(
      { orderId: order.id, items: item(1), reason: 'CHANGED_MIND' },
      TEST_API_KEY_ID,
    );
    expect(userErrors).toEqual([]);
    // 1 of 2 units of 36.71 EUR: 18.35 (rounded down); 10 % fee on it: 1.83 (rounded down)
    expect(returned!.refundLines.map((line) => [line.kind, line.amount.amount])).toEqual([
      ['GOODS', '18.35'],
      ['RESTOCKING_FEE', '-1.83'],
    ]);
    expect(returned).toMatchObject({
      status: 'REFUNDED',
      refundTotal: { amount: '16.52', currency: 'EUR' },
      policy: { restockingFeeBp: 1000 },
    });
    expect(effects).toEqual(['label DE->CN', 'refund 16.52 EUR']);
  });

  it('resumes a return whose label got no answer, books and refunds once, then answers ALREADY_RETURNED', async () => {
    const order = await deliveredOrder();
    labelFailures = 1;
    const ask = () => desk.requestReturn({ orderId: order.id, items: item(2), reason: 'DEFECTIVE' }, TEST_API_KEY_ID);
    const first = await ask();
    expect(codes(first)).toEqual([['CARRIER_UNAVAILABLE', null]]);
    expect(first.returned?.status).toBe('REQUESTED');
    const second = await ask();
    expect(second.userErrors).toEqual([]);
    expect(second.returned).toMatchObject({
      id: first.returned!.id,
      status: 'REFUNDED',
      labelShipmentId: 'shp-return-1',
      refundedAt: now,
    });
    const third = await ask();
    expect(codes(third)).toEqual([['ALREADY_RETURNED', ['orderId']]]);
    expect(effects).toEqual(['label DE->CN', 'refund 47.74 EUR']); // goods 36.71 + shipping 11.03: the seller was at fault
    const events = (await harness.store.listEvents(0, 1_000)).map(({ event }) => event).filter((event) => event.orderId === order.id);
    expect(
      events.filter((event) => event.type === 'return.requested' || event.type === 'payment.refunded').map((event) => event.type),
    ).toEqual(['return.requested', 'payment.refunded']);
  });

  it('puts a return whose refund the provider refuses in NEEDS_ATTENTION, saying why', async () => {
    const order = await deliveredOrder();
    refundRefused = true;
    const { returned, userErrors } = await desk.requestReturn({ orderId: order.id, items: item(1), reason: 'DAMAGED' }, TEST_API_KEY_ID);
    expect(userErrors).toEqual([]);
    expect(returned).toMatchObject({ status: 'NEEDS_ATTENTION', labelShipmentId: 'shp-return-1', refundedAt: null });
    expect(returned!.attention).toContain('refund the buyer by hand');
    expect((await harness.store.getReturnOfOrder(order.id))?.status).toBe('NEEDS_ATTENTION');
  });
});

describe('requestReturn of an order from a built-in marketplace', () => {
  let catalog: TestCatalog;
  let real: Participants;
  // A Jade Market shop that takes returns without a reason for 15 days and pays the parcel back.
  const shop = jadeMarketSellers.find((seller) => afterSaleOf(seller).no_reason_return === '15d')!;
  const shopId = toGlobalId('Seller', { marketplaceId: 'cn-jademarket', nativeId: String(sellerIdOf(shop)) });

  beforeAll(async () => {
    catalog = await startCatalog();
    real = createParticipants({
      catalogUrl: catalog.url,
      logisticsUrl: 'http://127.0.0.1:9/graphql',
      paymentsUrl: 'http://127.0.0.1:9/graphql',
      trustUrl: 'http://127.0.0.1:9/graphql',
      serviceSecret: TEST_SERVICE_SECRET,
      timeoutMs: 10_000,
      logger: createLogger('orders', { level: 'silent' }),
    });
  }, 60_000);
  afterAll(async () => {
    await real?.close();
    await catalog?.stop();
  });

  it('reads the seller’s policy from the marketplace through the catalog and refunds by it', async () => {
    const reserve = harness.participants.reserveStock.bind(harness.participants);
    Object.assign(harness.participants, {
      reserveStock: async (input: Parameters<Participants['reserveStock']>[0]) => {
        const held = await reserve(input);
        return { ...held, offer: { ...held.offer, sellerId: shopId } };
      },
      sellerReturnPolicy: (sellerId: string) => real.sellerReturnPolicy!(sellerId),
    });
    const order = await deliveredOrder();
    const { returned, userErrors } = await desk.requestReturn(
      { orderId: order.id, items: item(1), reason: 'CHANGED_MIND' },
      TEST_API_KEY_ID,
    );
    expect(userErrors).toEqual([]);
    expect(returned).toMatchObject({
      status: 'REFUNDED',
      policy: { windowDays: 15, returnShippingPaidBy: 'SELLER', restockingFeeBp: 0 },
      refundTotal: { amount: '18.35', currency: 'EUR' },
    });
    expect(effects).toEqual(['label DE->CN', 'refund 18.35 EUR']);
  }, 60_000);
});

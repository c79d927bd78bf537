import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';
import { createFakeParticipants } from './support/createFakeParticipants.js';
import { PLACE_ORDER, type PlaceOrderView } from './support/orderDocuments.js';
import { startOrders, type TestOrders } from './support/startOrders.js';
import { placeOrderInput, testQuoteToken } from './support/testQuote.js';

const RECORD = `mutation ($input: MarketplaceOrderStatusInput!) { recordMarketplaceOrderStatus(input: $input) }`;
const STATUS = `query ($id: ID!) { order(id: $id) { marketplaceStatus { status cancelledBy occurredAt } attention } }`;

interface StatusView {
  order: { marketplaceStatus: { status: string; cancelledBy: string | null; occurredAt: string } | null; attention: string | null };
}

/** Statuses a marketplace reported, as the catalog hands them on once it verified their signatures. */
describe('an order keeps the status its marketplace reports', () => {
  let orders: TestOrders;
  let orderId: string;
  let marketplaceOrderId: string;

  beforeAll(async () => {
    const participants = createFakeParticipants();
    participants.stock.set('offer-tea-1', 100);
    orders = await startOrders(participants);
    const answer = await orders.query<PlaceOrderView>(PLACE_ORDER, { input: placeOrderInput(testQuoteToken(), 'status-1') });
    orderId = answer.data!.placeOrder.order!.id;
    marketplaceOrderId = await vi.waitFor(
      async () => {
        const placed = (await orders.service.store.getOrder(orderId))?.marketplaceOrderId;
        if (!placed) throw new Error('not placed at the marketplace yet');
        return placed;
      },
      { timeout: 15_000, interval: 100 },
    );
  });
  afterAll(() => orders?.stop());

  /** As the catalog sends it: with the service secret. */
  const record = async (input: Record<string, unknown>, secret = TEST_SERVICE_SECRET) => {
    const response = await fetch(orders.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-service-secret': secret },
      body: JSON.stringify({ query: RECORD, variables: { input } }),
    });
    return (await response.json()) as {
      data?: { recordMarketplaceOrderStatus: boolean } | null;
      errors?: Array<{ extensions?: { code?: string } }>;
    };
  };
  const statusEvents = async () =>
    (await orders.service.store.listEvents(0, 1_000)).filter(
      ({ event }) => event.type === 'order.marketplace_status' && event.orderId === orderId,
    );

  it('records a status once per event id, with one event, and shows it on the order', async () => {
    const accepted = { marketplaceOrderId, eventId: 'EV-1', status: 'ACCEPTED', occurredAt: '2026-12-05T10:00:00Z' };
    expect((await record(accepted)).data?.recordMarketplaceOrderStatus).toBe(true);
    expect((await record(accepted)).data?.recordMarketplaceOrderStatus).toBe(true);
    expect(await statusEvents()).toHaveLength(1);
    const { order } = (await orders.query<StatusView>(STATUS, { id: orderId })).data!;
    expect(order).toEqual({
      marketplaceStatus: { status: 'ACCEPTED', cancelledBy: null, occurredAt: '2026-12-05T10:00:00.000Z' },
      attention: null,
    });

    // an older event arriving late changes nothing
    await record({ ...accepted, eventId: 'EV-0', status: 'PLACED', occurredAt: '2026-12-05T09:00:00Z' });
    expect((await orders.query<StatusView>(STATUS, { id: orderId })).data!.order.marketplaceStatus?.status).toBe('ACCEPTED');
  });

  it('flags a cancellation by the seller for a person', async () => {
    await record({ marketplaceOrderId, eventId: 'EV-2', status: 'CANCELLED', cancelledBy: 'SELLER', occurredAt: '2026-12-05T11:00:00Z' });
    const { order } = (await orders.query<StatusView>(STATUS, { id: orderId })).data!;
    expect(order.marketplaceStatus).toMatchObject({ status: 'CANCELLED', cancelledBy: 'SELLER' });
    expect(order.attention).toBe('PLACE_MARKETPLACE_ORDER: the seller cancelled the order at the marketplace');
    expect((await statusEvents()).at(-1)?.event).toMatchObject({
      data: { status: 'CANCELLED', cancelledBy: 'SELLER', marketplaceEventId: 'EV-2' },
    });
  });

  it('answers false for an order it does not know, and refuses callers without the service secret', async () => {
    const unknown = {
      marketplaceOrderId: 'TWFya2V0cGxhY2VPcmRlcjprZS1zb2tvOlNPLTk5',
      eventId: 'EV-9',
      status: 'SHIPPED',
      occurredAt: '2026-12-05T10:00:00Z',
    };
    expect((await record(unknown)).data?.recordMarketplaceOrderStatus).toBe(false);
    const refused = await orders.query(RECORD, { input: unknown });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrderEvent } from '#packages/events/index.js';
import type { CallerPrincipal } from '#packages/principal/index.js';
import { createFakeParticipants, type FakeParticipants } from './support/createFakeParticipants.js';
import { PLACE_ORDER, type PlaceOrderView } from './support/orderDocuments.js';
import { startOrders, TEST_APP, type TestOrders } from './support/startOrders.js';
import { placeOrderInput, testQuoteToken, type TestQuoteOptions } from './support/testQuote.js';

const DISPUTE_FIELDS =
  'dispute { id orderId reason evidence status outcome note paymentStatus openedAt resolvedAt } userErrors { code message field }';
const OPEN = `mutation ($orderId: ID!, $reason: DisputeReason!, $evidence: String!) {
  openDispute(orderId: $orderId, reason: $reason, evidence: $evidence) { ${DISPUTE_FIELDS} }
}`;
const RESOLVE = `mutation ($disputeId: ID!, $outcome: DisputeOutcome!, $note: String) {
  resolveDispute(disputeId: $disputeId, outcome: $outcome, note: $note) { ${DISPUTE_FIELDS} }
}`;
const ORDER_DISPUTE = `query ($id: ID!) { order(id: $id) { id dispute { id status outcome } steps { name status } } }`;

const OPERATOR: CallerPrincipal = { keyId: 'ops-1', tier: 'developer', scopes: ['disputes:resolve'], marketplaceId: undefined };
const OTHER_APP: CallerPrincipal = { ...TEST_APP, keyId: 'other-app' };

interface DisputeView {
  dispute: {
    id: string;
    orderId: string;
    reason: string;
    evidence: string;
    status: string;
    outcome: string | null;
    note: string | null;
    paymentStatus: string | null;
    openedAt: string;
    resolvedAt: string | null;
  } | null;
  userErrors: Array<{ code: string; message: string; field: string[] | null }>;
}

describe('disputes over HTTP', () => {
  let participants: FakeParticipants;
  let orders: TestOrders;
  let keys = 0;

  beforeAll(async () => {
    participants = createFakeParticipants();
    orders = await startOrders(participants);
  });
  afterAll(() => orders.stop());
  beforeEach(() => {
    participants.stock.set('offer-tea-1', 1_000);
  });

  /** A confirmed order (cross-border CN → DE from a NEW seller: escrowed unless `quote` says domestic). */
  async function confirmedOrder(quote: TestQuoteOptions = {}): Promise<{ id: string; shipmentId: string }> {
    const input = placeOrderInput(testQuoteToken(quote), `dispute-${++keys}`, quote.destinationCountry ?? 'DE');
    const placed = await orders.query<PlaceOrderView>(PLACE_ORDER, { input });
    const order = placed.data!.placeOrder.order!;
    expect(order.status).toBe('CONFIRMED');
    return { id: order.id, shipmentId: order.shipment!.id };
  }
  const open = (orderId: string, caller: CallerPrincipal = TEST_APP, evidence = 'The parcel never came; tracking stopped at customs.') =>
    orders.query<{ openDispute: DisputeView }>(OPEN, { orderId, reason: 'NOT_RECEIVED', evidence }, caller);
  const resolve = (disputeId: string, outcome: 'REFUND' | 'RELEASE', caller: CallerPrincipal = OPERATOR, note?: string) =>
    orders.query<{ resolveDispute: DisputeView }>(RESOLVE, { disputeId, outcome, note }, caller);
  const track = (shipmentId: string, status: string, events: string[]) =>
    participants.tracking.set(shipmentId, { status, eventStatuses: events, firstReportedAt: {} });
  const stepsOf = async (id: string) =>
    Object.fromEntries(((await orders.service.store.listSteps([id])).get(id) ?? []).map((step) => [step.name, step.status]));
  const eventsOf = async (id: string): Promise<OrderEvent[]> =>
    (await orders.service.store.listEvents(0, 10_000)).map(({ event }) => event).filter((event) => event.orderId === id);
  const paymentCallsOf = (operation: string) => participants.calls.filter((call) => call.operation === operation);

  it('holds the escrow: a delivered parcel is not paid to the seller while the dispute is open', async () => {
    const order = await confirmedOrder();
    const opened = await open(order.id);
    expect(opened.errors).toBeUndefined();
    const dispute = opened.data!.openDispute.dispute!;
    expect(opened.data!.openDispute.userErrors).toEqual([]);
    expect(dispute).toMatchObject({ orderId: order.id, reason: 'NOT_RECEIVED', status: 'OPEN', outcome: null, resolvedAt: null });
    expect(dispute.id).toMatch(/^dsp_[A-Za-z0-9_-]{22}$/);

    track(order.shipmentId, 'DELIVERED', ['PICKED_UP', 'DELIVERED']);
    await orders.service.follower.runNow();
    await orders.service.follower.runNow();
    expect(await stepsOf(order.id)).toMatchObject({ CAPTURE_PAYMENT: 'DONE', RELEASE_ESCROW: 'PENDING' });
    expect(paymentCallsOf('releaseEscrow').filter((call) => call.idempotencyKey.includes(order.id))).toEqual([]);

    const read = await orders.query<{ order: { dispute: { id: string; status: string } } }>(ORDER_DISPUTE, { id: order.id });
    expect(read.data!.order.dispute).toEqual({ id: dispute.id, status: 'OPEN', outcome: null });
    const opening = (await eventsOf(order.id)).find((event) => event.type === 'dispute.opened');
    expect(opening).toMatchObject({ placedBy: TEST_APP.keyId, data: { disputeId: dispute.id, reason: 'NOT_RECEIVED' } });
  });

  it('refuses, as user errors with a code: another key’s order, a second dispute, an order without escrow, empty evidence', async () => {
    const order = await confirmedOrder();
    const foreign = await open(order.id, OTHER_APP);
    expect(foreign.data!.openDispute).toEqual({
      dispute: null,
      userErrors: [{ code: 'ORDER_NOT_FOUND', message: `no order ${order.id}`, field: ['orderId'] }],
    });
    expect((await open('ord_unknown')).data!.openDispute.userErrors[0]?.code).toBe('ORDER_NOT_FOUND');

    const empty = await open(order.id, TEST_APP, '   ');
    expect(empty.data!.openDispute.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['evidence'] })]);
    const hidden = await open(order.id, TEST_APP, 'Damaged\u202Eeno');
    expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    const first = (await open(order.id)).data!.openDispute.dispute!;
    const second = await open(order.id);
    expect(second.data!.openDispute.userErrors[0]?.code).toBe('DISPUTE_ALREADY_OPEN');
    expect(second.data!.openDispute.dispute?.id).toBe(first.id);

    const domestic = await confirmedOrder({ originCountry: 'DE', destinationCountry: 'DE' });
    expect((await open(domestic.id)).data!.openDispute.userErrors[0]?.code).toBe('NOT_IN_ESCROW');
  });

  it('settles for the buyer: a captured escrow is refunded at the provider, nothing is released, and trust hears it lost', async () => {
    const order = await confirmedOrder();
    track(order.shipmentId, 'IN_TRANSIT', ['PICKED_UP', 'IN_TRANSIT']);
    await orders.service.follower.runNow();
    const dispute = (await open(order.id)).data!.openDispute.dispute!;

    const unscoped = await resolve(dispute.id, 'REFUND', { ...OPERATOR, scopes: ['orders:write'] });
    expect(unscoped.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'disputes:resolve' });

    const settled = await resolve(dispute.id, 'REFUND', OPERATOR, 'Carrier confirms the parcel was lost.');
    expect(settled.errors).toBeUndefined();
    expect(settled.data!.resolveDispute).toMatchObject({
      dispute: { status: 'RESOLVED', outcome: 'REFUND', paymentStatus: 'REFUNDED', note: 'Carrier confirms the parcel was lost.' },
      userErrors: [],
    });
    expect(paymentCallsOf('refundPayment')).toContainEqual({ operation: 'refundPayment', idempotencyKey: `dispute:${dispute.id}:REFUND` });
    expect(await stepsOf(order.id)).toMatchObject({ CAPTURE_PAYMENT: 'DONE', RELEASE_ESCROW: 'SKIPPED' });

    track(order.shipmentId, 'DELIVERED', ['PICKED_UP', 'DELIVERED']);
    await orders.service.follower.runNow();
    expect(paymentCallsOf('releaseEscrow').filter((call) => call.idempotencyKey.includes(order.id))).toEqual([]);
    const types = (await eventsOf(order.id)).map((event) => event.type);
    expect(types.slice(-3)).toEqual(['dispute.opened', 'payment.refunded', 'dispute.resolved']);
    expect((await eventsOf(order.id)).at(-1)).toMatchObject({ data: { disputeId: dispute.id, outcome: 'REFUND' } });

    expect((await resolve(dispute.id, 'RELEASE')).data!.resolveDispute.userErrors[0]?.code).toBe('DISPUTE_ALREADY_SETTLED');
    expect((await resolve(dispute.id, 'REFUND')).data!.resolveDispute.userErrors[0]?.code).toBe('DISPUTE_ALREADY_SETTLED');
    expect((await open(order.id)).data!.openDispute.userErrors[0]?.code).toBe('DISPUTE_ALREADY_SETTLED');
    expect((await resolve('dsp_unknown', 'REFUND')).data!.resolveDispute.userErrors[0]).toMatchObject({
      code: 'DISPUTE_NOT_FOUND',
      field: ['disputeId'],
    });
  });

  it('settles for the buyer before pickup by voiding the authorization: nothing is captured later', async () => {
    const order = await confirmedOrder();
    const dispute = (await open(order.id)).data!.openDispute.dispute!;
    const settled = (await resolve(dispute.id, 'REFUND')).data!.resolveDispute;
    expect(settled.dispute).toMatchObject({ status: 'RESOLVED', paymentStatus: 'VOIDED' });
    expect(paymentCallsOf('voidPayment')).toContainEqual({ operation: 'voidPayment', idempotencyKey: `dispute:${dispute.id}:VOID` });
    expect(await stepsOf(order.id)).toMatchObject({ CAPTURE_PAYMENT: 'SKIPPED', RELEASE_ESCROW: 'SKIPPED' });
    track(order.shipmentId, 'DELIVERED', ['PICKED_UP', 'DELIVERED']);
    await orders.service.follower.runNow();
    expect(participants.calls.filter((call) => call.idempotencyKey.startsWith(`order:${order.id}:CAPTURE`))).toEqual([]);
  });

  it('settles for the seller: the escrow is released now, with the key the follower would use, once', async () => {
    const order = await confirmedOrder();
    track(order.shipmentId, 'IN_TRANSIT', ['PICKED_UP', 'IN_TRANSIT']);
    await orders.service.follower.runNow();
    const dispute = (await open(order.id)).data!.openDispute.dispute!;
    const settled = (await resolve(dispute.id, 'RELEASE')).data!.resolveDispute;
    expect(settled.dispute).toMatchObject({ status: 'RESOLVED', outcome: 'RELEASE', paymentStatus: 'RELEASED' });
    expect(await stepsOf(order.id)).toMatchObject({ RELEASE_ESCROW: 'DONE' });
    track(order.shipmentId, 'DELIVERED', ['PICKED_UP', 'DELIVERED']);
    await orders.service.follower.runNow();
    expect(participants.calls.filter((call) => call.idempotencyKey === `order:${order.id}:RELEASE_ESCROW`)).toHaveLength(1);
    const types = (await eventsOf(order.id)).map((event) => event.type);
    expect(types.slice(-3)).toEqual(['dispute.opened', 'escrow.released', 'dispute.resolved']);
  });

  it('stays SETTLING when the provider does not answer; the same decision again finishes it with the same key', async () => {
    const order = await confirmedOrder();
    track(order.shipmentId, 'IN_TRANSIT', ['PICKED_UP', 'IN_TRANSIT']);
    await orders.service.follower.runNow();
    const dispute = (await open(order.id)).data!.openDispute.dispute!;
    let refunds = 0;
    participants.script('refundPayment', () => (++refunds === 1 ? { transient: true } : undefined));

    const first = (await resolve(dispute.id, 'REFUND')).data!.resolveDispute;
    expect(first.userErrors[0]?.code).toBe('PAYMENT_UNAVAILABLE');
    expect(first.dispute).toMatchObject({ status: 'SETTLING', outcome: 'REFUND' });
    expect((await resolve(dispute.id, 'RELEASE')).data!.resolveDispute.userErrors[0]?.code).toBe('DISPUTE_ALREADY_SETTLED');

    const again = (await resolve(dispute.id, 'REFUND')).data!.resolveDispute;
    expect(again.dispute).toMatchObject({ status: 'RESOLVED', paymentStatus: 'REFUNDED' });
    expect(
      new Set(
        paymentCallsOf('refundPayment')
          .filter((call) => call.idempotencyKey.includes(dispute.id))
          .map((c) => c.idempotencyKey),
      ),
    ).toEqual(new Set([`dispute:${dispute.id}:REFUND`]));
    participants.script('refundPayment', () => undefined);
  });
});

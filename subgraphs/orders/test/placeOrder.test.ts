import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeParticipants, type FakeParticipants } from './support/createFakeParticipants.js';
import { ORDER, PLACE_ORDER, type OrderView, type PlaceOrderView } from './support/orderDocuments.js';
import { startOrders, type TestOrders } from './support/startOrders.js';
import { placeOrderInput, testQuoteToken } from './support/testQuote.js';

describe('placeOrder, order and orders over HTTP', () => {
  let participants: FakeParticipants;
  let orders: TestOrders;
  let keys = 0;
  const key = () => `api-key-${++keys}`;
  const place = (input: Record<string, unknown>) => orders.query<PlaceOrderView>(PLACE_ORDER, { input });

  beforeAll(async () => {
    participants = createFakeParticipants();
    orders = await startOrders(participants);
  });
  afterAll(() => orders.stop());
  beforeEach(() => {
    participants.calls.length = 0;
    participants.stock.set('offer-tea-1', 1_000);
  });

  it('refuses bad input field by field, before anything is reserved, booked or charged', async () => {
    const input = placeOrderInput(testQuoteToken(), '  ');
    const result = await place({
      ...input,
      buyer: { ...input.buyer, email: 'lena.example.com', address: { ...input.buyer.address, city: ' ' } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.placeOrder.order).toBeNull();
    expect(result.data!.placeOrder.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'idempotencyKey'] },
      { code: 'INVALID_INPUT', field: ['input', 'buyer', 'email'] },
      { code: 'INVALID_INPUT', field: ['input', 'buyer', 'address', 'city'] },
    ]);
    expect(participants.calls).toEqual([]);
  });

  it('refuses a payment method that is not one (BAD_USER_INPUT naming it) and a region for an address’s country', async () => {
    const input = placeOrderInput(testQuoteToken(), key());
    const cash = await place({ ...input, payment: { method: 'CASH' as never } });
    expect(cash.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(cash.errors?.[0]?.message).toMatch(/input\.payment\.method|PaymentMethod/);
    const region = await place({ ...input, buyer: { ...input.buyer, address: { ...input.buyer.address, country: 'US-NY' } } });
    expect(region.data!.placeOrder.userErrors).toContainEqual(
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'buyer', 'address', 'country'] }),
    );
    expect(participants.calls).toEqual([]);
  });

  it('refuses at VERIFY_QUOTE, before any stock is reserved, a method the quote’s provider does not take', async () => {
    const wallet = (await place({ ...placeOrderInput(testQuoteToken(), key()), payment: { method: 'WALLET' } })).data!.placeOrder;
    expect(wallet.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'payment', 'method'] })]);
    expect(wallet.userErrors[0]?.message).toMatch(/cardnet\) takes CARD, not WALLET/);
    expect(participants.operations()).not.toContain('reserveStock');
    expect(wallet.order?.steps.find((step) => step.name === 'VERIFY_QUOTE')?.status).toBe('FAILED');
    expect(wallet.order?.steps.find((step) => step.name === 'RESERVE_STOCK')?.status).not.toBe('DONE');
  });

  it('refuses an address in another country than the quote’s destination', async () => {
    const result = await place(placeOrderInput(testQuoteToken({ destinationCountry: 'DE' }), key(), 'BR'));
    expect(result.data!.placeOrder.userErrors).toEqual([
      { code: 'INVALID_INPUT', message: expect.stringContaining('delivery to DE'), field: ['input', 'buyer', 'address', 'country'] },
    ]);
    expect(participants.calls).toEqual([]);
  });

  it('refuses expired and edited quotes with their own codes', async () => {
    const expired = testQuoteToken({ issuedAt: Date.now() - 3_600_000 });
    const valid = testQuoteToken();
    const edited = valid.slice(0, 20) + (valid[20] === 'A' ? 'B' : 'A') + valid.slice(21);
    expect((await place(placeOrderInput(expired, key()))).data!.placeOrder.userErrors[0]).toMatchObject({
      code: 'QUOTE_EXPIRED',
      field: ['input', 'quoteId'],
    });
    expect((await place(placeOrderInput(edited, key()))).data!.placeOrder.userErrors[0]).toMatchObject({ code: 'QUOTE_INVALID' });
    expect(participants.calls).toEqual([]);
  });

  it('books and answers with the order: CONFIRMED, steps with times, shipment and payment as references', async () => {
    const result = await place(placeOrderInput(testQuoteToken(), key()));
    const { order, userErrors } = result.data!.placeOrder;
    expect(userErrors).toEqual([]);
    expect(order).toMatchObject({ status: 'CONFIRMED', total: { amount: '60.58', currency: 'EUR' } });
    expect(order!.shipment?.id).toMatch(/^createShipment-/);
    expect(order!.payment?.id).toMatch(/^authorizePayment-/);
    expect(order!.steps.map((step) => step.name)).toEqual([
      'VERIFY_QUOTE',
      'RESERVE_STOCK',
      'PLACE_MARKETPLACE_ORDER',
      'CREATE_SHIPMENT',
      'AUTHORIZE_PAYMENT',
      'CONFIRM',
      'CAPTURE_PAYMENT',
      'RELEASE_ESCROW',
    ]);
    for (const step of order!.steps) expect(Date.parse(step.at)).toBeGreaterThanOrEqual(Date.parse(order!.createdAt));
    const read = await orders.query<{ order: OrderView }>(ORDER, { id: order!.id });
    expect(read.data!.order).toEqual(order);
  });

  it('answers the same key and input with the same order, and refuses the key for another input', async () => {
    const input = placeOrderInput(testQuoteToken(), key());
    const first = (await place(input)).data!.placeOrder;
    // Same request, written differently (case, spaces): still the same request.
    const again = (await place({ ...input, buyer: { ...input.buyer, email: ' LENA@example.com' } })).data!.placeOrder;
    expect(again).toEqual(first);
    const other = (await place({ ...input, payment: { method: 'WALLET' as const } })).data!.placeOrder;
    expect(other).toEqual({
      order: null,
      userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String), field: ['input', 'idempotencyKey'] }],
    });
    expect(participants.operations().filter((operation) => operation === 'reserveStock')).toHaveLength(1);
  });

  it('makes ONE order of 20 concurrent requests with one key, and gives all 20 the same answer', async () => {
    const input = placeOrderInput(testQuoteToken(), key());
    const answers = await Promise.all(Array.from({ length: 20 }, () => place(input)));
    const bodies = answers.map((answer) => JSON.stringify(answer));
    expect(new Set(bodies).size).toBe(1);
    expect(answers[0]!.data!.placeOrder.order?.status).toBe('CONFIRMED');
    expect(participants.operations()).toEqual(['reserveStock', 'placeMarketplaceOrder', 'createShipment', 'authorizePayment']);
  });

  it('answers PENDING when the saga outlasts the wait, and the order settles afterwards', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    participants.script('authorizePayment', () => (first ? ((first = false), { after: held }) : undefined));
    const quick = await startOrders(participants, { PLACE_ORDER_WAIT_MS: '200' });
    try {
      const result = (await quick.query<PlaceOrderView>(PLACE_ORDER, { input: placeOrderInput(testQuoteToken(), key()) })).data!.placeOrder;
      expect(result.order?.status).toBe('PENDING');
      expect(result.order?.steps.find((step) => step.name === 'AUTHORIZE_PAYMENT')?.status).toBe('RUNNING');
      release();
      await expect
        .poll(async () => (await quick.query<{ order: OrderView }>(ORDER, { id: result.order!.id })).data!.order.status)
        .toBe('CONFIRMED');
    } finally {
      participants.script('authorizePayment', () => undefined);
      await quick.stop();
    }
  });

  it('pages orders newest first', async () => {
    const page = async (after?: string) =>
      (
        await orders.query<{
          orders: {
            edges: Array<{ cursor: string; node: { id: string; createdAt: string } }>;
            pageInfo: { hasNextPage: boolean; endCursor: string; hasPreviousPage: boolean; startCursor: string | null };
          };
        }>(
          'query ($after: String) { orders(first: 2, after: $after) { edges { cursor node { id createdAt } } pageInfo { hasNextPage endCursor hasPreviousPage startCursor } } }',
          { after },
        )
      ).data!.orders;
    const first = await page();
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0]!.cursor });
    const second = await page(first.pageInfo.endCursor);
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, startCursor: second.edges[0]!.cursor });
    const ids = [...first.edges, ...second.edges].map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = [...first.edges, ...second.edges].map((edge) => Date.parse(edge.node.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const bad = await orders.query('{ orders(after: "nonsense") { edges { cursor } } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('says null for an order it does not know', async () => {
    expect((await orders.query<{ order: null }>(ORDER, { id: 'ord_unknown' })).data).toEqual({ order: null });
  });
});

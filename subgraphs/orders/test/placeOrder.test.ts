import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFakeParticipants, type FakeParticipants } from './support/createFakeParticipants.js';
import { ORDER, PLACE_ORDER, type OrderView, type PlaceOrderView } from './support/orderDocuments.js';
import type { CallerPrincipal } from '#packages/principal/index.js';
import { principalHeaders, serviceSecretHeaders } from '#test/support/serviceSecret.js';
import { startOrders, TEST_APP, type TestOrders } from './support/startOrders.js';
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

  it('refuses control characters in a buyer’s details (BAD_USER_INPUT naming the field), before anything is stored or sent', async () => {
    const input = placeOrderInput(testQuoteToken(), key());
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ buyer: { ...input.buyer, name: 'Lena\u0000Fischer' } }, 'input.buyer.name', 'U+0000'],
      [{ buyer: { ...input.buyer, name: 'Lena \u001b[31mFischer' } }, 'input.buyer.name', 'U+001B'],
      [{ buyer: { ...input.buyer, email: 'lena@example.com\r\nBcc: all@example.com' } }, 'input.buyer.email', 'U+000D'],
      [
        { buyer: { ...input.buyer, address: { ...input.buyer.address, line1: 'Hauptstraße \u202e1' } } },
        'input.buyer.address.line1',
        'U+202E',
      ],
      [{ buyer: { ...input.buyer, address: { ...input.buyer.address, city: 'Ber\tlin' } } }, 'input.buyer.address.city', 'U+0009'],
      [{ buyerReference: 'customer\u2066-17' }, 'input.buyerReference', 'U+2066'],
    ];
    for (const [change, field, character] of cases) {
      const refused = await place({ ...input, ...change });
      expect(refused.data?.placeOrder ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: field });
      expect(refused.errors?.[0]?.message).toContain(character);
    }
    expect(participants.calls).toEqual([]);
    // every script, accents and joiners are a buyer's own letters
    const accepted = await place({ ...input, buyer: { ...input.buyer, name: 'Łucja Ñúñez 李小龍 क्‍ष' } });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.placeOrder.order?.status).toBe('CONFIRMED');
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

  describe('owners', () => {
    const otherApp: CallerPrincipal = { ...TEST_APP, keyId: 'other-app' };
    const keyless: CallerPrincipal = { ...TEST_APP, keyId: undefined, scopes: [] };
    const LIST = '{ orders(first: 100) { edges { node { id buyerReference } } } }';
    const listed = async (caller: CallerPrincipal) =>
      (await orders.query<{ orders: { edges: Array<{ node: { id: string } }> } }>(LIST, {}, caller)).data?.orders.edges.map(
        (edge) => edge.node.id,
      );

    it('shows an order to the key that placed it, and to no other key nor a keyless caller, by id, in a list or as an entity', async () => {
      const placed = (await place({ ...placeOrderInput(testQuoteToken(), key()), buyerReference: 'customer-17' })).data!.placeOrder.order!;
      const mine = await orders.query<{ order: { id: string; buyerReference: string } }>(
        'query ($id: ID!) { order(id: $id) { id buyerReference } }',
        { id: placed.id },
      );
      expect(mine.data!.order).toEqual({ id: placed.id, buyerReference: 'customer-17' });
      expect(await listed(TEST_APP)).toContain(placed.id);

      expect((await orders.query(ORDER, { id: placed.id }, otherApp)).data).toEqual({ order: null });
      expect(await listed(otherApp)).not.toContain(placed.id);
      for (const caller of [keyless, null]) {
        const byId = await orders.query(ORDER, { id: placed.id }, caller);
        expect(byId.data?.order ?? null).toBeNull();
        const list = await orders.query(LIST, {}, caller);
        expect(list.data?.orders).toBeUndefined();
      }
      const keylessList = await orders.query(LIST, {}, keyless);
      expect(keylessList.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

      const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id status } } }';
      const representations = [{ __typename: 'Order', id: placed.id }];
      expect((await orders.query(ENTITIES, { r: representations })).data).toEqual({ _entities: [{ id: placed.id, status: 'CONFIRMED' }] });
      expect((await orders.query(ENTITIES, { r: representations }, otherApp)).data).toEqual({ _entities: [null] });
      expect((await orders.query(ENTITIES, { r: representations }, keyless)).data).toEqual({ _entities: [null] });
    });

    it('keeps idempotency keys per owner: another key replaying one gets an order of its own, never the first', async () => {
      const input = placeOrderInput(testQuoteToken(), key());
      const first = (await orders.query<PlaceOrderView>(PLACE_ORDER, { input })).data!.placeOrder.order!;
      const replayed = (await orders.query<PlaceOrderView>(PLACE_ORDER, { input }, otherApp)).data!.placeOrder.order!;
      expect(replayed.id).not.toBe(first.id);
      expect((await orders.query(ORDER, { id: first.id }, otherApp)).data).toEqual({ order: null });
      const again = (await orders.query<PlaceOrderView>(PLACE_ORDER, { input })).data!.placeOrder.order!;
      expect(again.id).toBe(first.id);
    });

    it('books nothing for a caller without a key', async () => {
      const refused = await orders.query(PLACE_ORDER, { input: placeOrderInput(testQuoteToken(), key()) }, keyless);
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(participants.calls).toEqual([]);
    });

    it('answers no one without the gateway’s signature or the service secret, `_entities` and `_service` included', async () => {
      const post = async (query: string, headers: Record<string, string>) => {
        const response = await fetch(orders.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables: { input: placeOrderInput(testQuoteToken(), key()) } }),
        });
        return {
          status: response.status,
          body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> },
        };
      };
      const operations = [
        PLACE_ORDER,
        LIST,
        '{ _service { sdl } }',
        '{ _entities(representations: [{ __typename: "Order", id: "x" }]) { __typename } }',
      ];
      const forged = principalHeaders(TEST_APP, 'a different deployment secret, 32+ characters');
      for (const query of operations) {
        for (const headers of [{}, forged, serviceSecretHeaders('not the secret, though long enough to be one')]) {
          const refused = await post(query, headers);
          expect(refused.status).toBe(401);
          expect(refused.body.data).toBeUndefined();
          expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        }
      }
      expect(participants.calls).toEqual([]);
      expect((await post('{ _service { sdl } }', serviceSecretHeaders())).status).toBe(200);
      expect((await post('{ _service { sdl } }', principalHeaders())).status).toBe(200);
    });
  });
});

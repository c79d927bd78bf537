import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParticipantError } from '../src/participants/ParticipantError.js';
import { createBookingHarness, type BookingHarness } from './support/createBookingHarness.js';
import { placeOrderInput, testQuoteToken } from './support/testQuote.js';

const steps = (...pairs: Array<[string, string]>) => pairs.map(([name, status]) => ({ name, status }));

describe('the booking saga', () => {
  let harness: BookingHarness;
  beforeEach(async () => {
    harness = await createBookingHarness();
  });
  afterEach(() => harness.close());

  it('books in order, each participant once with a key made of order id and step, and confirms', async () => {
    const { order, userErrors } = await harness.place();
    expect(userErrors).toEqual([]);
    expect(order?.status).toBe('CONFIRMED');
    const id = order!.id;
    expect(harness.participants.calls).toEqual([
      { operation: 'reserveStock', idempotencyKey: `order:${id}:RESERVE_STOCK` },
      { operation: 'placeMarketplaceOrder', idempotencyKey: `order:${id}:PLACE_MARKETPLACE_ORDER` },
      { operation: 'createShipment', idempotencyKey: `order:${id}:CREATE_SHIPMENT` },
      { operation: 'authorizePayment', idempotencyKey: `order:${id}:AUTHORIZE_PAYMENT` },
    ]);
    expect(await harness.stepsOf(id)).toEqual(
      steps(
        ['VERIFY_QUOTE', 'DONE'],
        ['RESERVE_STOCK', 'DONE'],
        ['PLACE_MARKETPLACE_ORDER', 'DONE'],
        ['CREATE_SHIPMENT', 'DONE'],
        ['AUTHORIZE_PAYMENT', 'DONE'],
        ['CONFIRM', 'DONE'],
        ['CAPTURE_PAYMENT', 'PENDING'],
        ['RELEASE_ESCROW', 'PENDING'],
      ),
    );
    const stored = await harness.orderOf(id);
    expect(stored).toMatchObject({ shipmentId: 'createShipment-3', paymentId: 'authorizePayment-4', escrow: true });
    expect(stored.total).toEqual({ amount: '60.58', currency: 'EUR' });
  });

  it('starts a new order from the order it created, and gives the lease up with the write that settles it', async () => {
    const counted = { getOrder: 0, listSteps: 0, releaseLease: 0 };
    for (const name of ['getOrder', 'listSteps', 'releaseLease'] as const) {
      const original = harness.store[name].bind(harness.store) as (...args: unknown[]) => Promise<unknown>;
      (harness.store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        counted[name] += 1;
        return original(...args);
      };
    }
    const { order } = await harness.place();
    expect(order?.status).toBe('CONFIRMED');
    await harness.saga.stop(); // the run has ended, its lease with it
    expect(counted).toEqual({ getOrder: 1, listSteps: 0, releaseLease: 0 }); // the one read is placeOrder's answer
    expect(await harness.orderOf(order!.id)).toMatchObject({ leaseOwner: null, leaseUntil: 0 });

    harness.participants.script('reserveStock', () => ({ refuse: 'OUT_OF_STOCK' }));
    const { order: failed } = await harness.place();
    expect(failed?.status).toBe('FAILED');
    await harness.saga.stop();
    expect(counted.releaseLease).toBe(0);
    expect(await harness.orderOf(failed!.id)).toMatchObject({ leaseOwner: null, leaseUntil: 0 });
  });

  it('asks the marketplace for the quoted unit price (goods value ÷ quantity) in the seller’s currency', async () => {
    let asked: unknown;
    const place = harness.participants.placeMarketplaceOrder;
    harness.participants.placeMarketplaceOrder = (input) => {
      asked = input.expectedUnitPrice;
      return place(input);
    };
    await harness.place();
    expect(asked).toEqual({ amount: '151.25', currency: 'CNY' });
  });

  it("ships from the seller's dispatch address that came with the reservation, not care of the marketplace", async () => {
    let shipFrom: unknown;
    const create = harness.participants.createShipment;
    harness.participants.createShipment = (input) => {
      shipFrom = input.shipFrom;
      return create(input);
    };
    await harness.place();
    expect(shipFrom).toEqual({
      name: 'Hangzhou West Lake Tea',
      line1: '西湖区龙井路18号',
      city: '杭州市, 浙江省',
      postalCode: '310013',
      country: 'CN',
      phone: null,
      email: null,
    });
  });

  it('holds cross-border payments in escrow, not domestic ones', async () => {
    const domestic = await harness.place({}, { originCountry: 'DE', destinationCountry: 'DE' });
    expect((await harness.orderOf(domestic.order!.id)).escrow).toBe(false);
    expect((await harness.stepsOf(domestic.order!.id)).at(-1)).toEqual({ name: 'RELEASE_ESCROW', status: 'SKIPPED' });
  });

  it("lets the seller's trust decide escrow for a cross-border order, and says why on the payment step", async () => {
    const escrowOf = async () => {
      const { order } = await harness.place();
      const stored = await harness.orderOf(order!.id);
      const payment = (await harness.store.listSteps([order!.id])).get(order!.id)!.find((step) => step.name === 'AUTHORIZE_PAYMENT')!;
      return { escrow: stored.escrow, why: payment.result!.escrowReason, last: (await harness.stepsOf(order!.id)).at(-1) };
    };
    harness.participants.setSellerTrust({ level: 'BASIC', score: 0.7061 });
    expect(await escrowOf()).toEqual({
      escrow: true,
      why: "escrow: the seller's trust is BASIC (score 0.7061), below ESTABLISHED",
      last: { name: 'RELEASE_ESCROW', status: 'PENDING' },
    });
    harness.participants.setSellerTrust({ level: 'ESTABLISHED', score: 0.89 });
    expect(await escrowOf()).toEqual({
      escrow: false,
      why: "no escrow: the seller's trust is ESTABLISHED (score 0.89) and the total (60.58 EUR) is within its limit of 500 EUR",
      last: { name: 'RELEASE_ESCROW', status: 'SKIPPED' },
    });
    harness.participants.setSellerTrust(new ParticipantError('trust', 'transient', 'UPSTREAM_UNAVAILABLE', 'no answer'));
    expect(await escrowOf()).toMatchObject({ escrow: true, why: "escrow: the seller's trust could not be read" });
  });

  it("asks the seller's trust alongside placing the marketplace order, not before it, and escrows by its answer", async () => {
    const asked: string[] = [];
    const trust = harness.participants.sellerTrust;
    harness.participants.sellerTrust = async (input) => {
      asked.push('trust');
      await new Promise((resolve) => setImmediate(resolve)); // trust answers on a later turn of the event loop
      asked.push('trust answered');
      return trust(input);
    };
    const place = harness.participants.placeMarketplaceOrder;
    harness.participants.placeMarketplaceOrder = (input) => {
      asked.push('placeMarketplaceOrder');
      return place(input);
    };
    harness.participants.setSellerTrust({ level: 'ESTABLISHED', score: 0.89 });
    const { order } = await harness.place();
    expect(order?.status).toBe('CONFIRMED');
    // The marketplace is asked before trust answers: trust's answer is no longer a hop of its own on the booking's path.
    expect(asked).toEqual(['trust', 'placeMarketplaceOrder', 'trust answered']);
    expect((await harness.orderOf(order!.id)).escrow).toBe(false);
  });

  it("repeats AUTHORIZE_PAYMENT with the trust level the placing recorded, though trust's answer changed in between", async () => {
    harness.participants.setSellerTrust({ level: 'ESTABLISHED', score: 0.89 });
    harness.participants.script('authorizePayment', (n) => {
      if (n === 1) harness.participants.setSellerTrust({ level: 'NEW', score: 0.5 });
      return n === 1 ? { transient: true } : undefined;
    });
    const { order } = await harness.place();
    expect(order?.status).toBe('CONFIRMED');
    expect(harness.participants.operations().filter((operation) => operation === 'authorizePayment')).toHaveLength(2);
    expect((await harness.orderOf(order!.id)).escrow).toBe(false);
  });

  it('escrows a trusted seller all the same above the limit of its level', async () => {
    const strict = await createBookingHarness({ escrowLimits: { ESTABLISHED: '20', TRUSTED: '50' } });
    try {
      strict.participants.setSellerTrust({ level: 'TRUSTED', score: 0.93 });
      const { order } = await strict.place();
      expect((await strict.orderOf(order!.id)).escrow).toBe(true);
      const payment = (await strict.store.listSteps([order!.id])).get(order!.id)!.find((step) => step.name === 'AUTHORIZE_PAYMENT')!;
      expect(payment.result!.escrowReason).toBe(
        "escrow: the seller's trust is TRUSTED (score 0.93), but the total (60.58 EUR) is above its limit of 50 EUR",
      );
    } finally {
      await strict.close();
    }
  });

  it('fails on stock with nothing to undo: the later steps are SKIPPED', async () => {
    harness.participants.stock.set('offer-tea-1', 1);
    const { order, userErrors } = await harness.place();
    expect(order?.status).toBe('FAILED');
    expect(userErrors).toEqual([
      {
        code: 'OUT_OF_STOCK',
        message: expect.stringMatching(/^RESERVE_STOCK failed: .*only 1 left/),
        field: ['input', 'quoteId'],
        step: 'RESERVE_STOCK',
      },
    ]);
    expect(harness.participants.operations()).toEqual(['reserveStock']);
    expect(await harness.stepsOf(order!.id)).toEqual(
      steps(
        ['VERIFY_QUOTE', 'DONE'],
        ['RESERVE_STOCK', 'FAILED'],
        ['PLACE_MARKETPLACE_ORDER', 'SKIPPED'],
        ['CREATE_SHIPMENT', 'SKIPPED'],
        ['AUTHORIZE_PAYMENT', 'SKIPPED'],
        ['CONFIRM', 'SKIPPED'],
      ),
    );
  });

  it('releases the stock when the marketplace price changed', async () => {
    harness.participants.script('placeMarketplaceOrder', () => ({ refuse: 'PRICE_CHANGED' }));
    const { order, userErrors } = await harness.place();
    expect(userErrors[0]).toMatchObject({ code: 'PRICE_CHANGED', field: ['input', 'quoteId'] });
    expect(harness.participants.calls.at(-1)).toEqual({
      operation: 'releaseStock',
      idempotencyKey: `order:${order!.id}:RESERVE_STOCK:compensate:1`,
    });
    expect((await harness.stepsOf(order!.id)).slice(1, 3)).toEqual(
      steps(['RESERVE_STOCK', 'COMPENSATED'], ['PLACE_MARKETPLACE_ORDER', 'FAILED']),
    );
  });

  it('cancels the marketplace order (which gives the stock back) when no carrier takes the parcel, before any money moves', async () => {
    harness.participants.script('createShipment', () => ({ refuse: 'CARRIER_UNAVAILABLE' }));
    const { order, userErrors } = await harness.place();
    expect(order?.status).toBe('FAILED');
    expect(userErrors[0]).toMatchObject({ code: 'CARRIER_UNAVAILABLE', field: ['input', 'quoteId'] });
    expect(harness.participants.operations()).toEqual([
      'reserveStock',
      'placeMarketplaceOrder',
      'createShipment',
      'cancelMarketplaceOrder',
    ]);
    expect(await harness.stepsOf(order!.id)).toEqual(
      steps(
        ['VERIFY_QUOTE', 'DONE'],
        ['RESERVE_STOCK', 'COMPENSATED'],
        ['PLACE_MARKETPLACE_ORDER', 'COMPENSATED'],
        ['CREATE_SHIPMENT', 'FAILED'],
        ['AUTHORIZE_PAYMENT', 'SKIPPED'],
        ['CONFIRM', 'SKIPPED'],
      ),
    );
  });

  it('undoes shipment and marketplace order, in reverse, when the payment is declined', async () => {
    harness.participants.script('authorizePayment', () => ({ refuse: 'PAYMENT_DECLINED' }));
    const { order, userErrors } = await harness.place();
    expect(userErrors).toEqual([
      {
        code: 'PAYMENT_DECLINED',
        message: expect.stringContaining('AUTHORIZE_PAYMENT failed'),
        field: ['input', 'payment', 'method'],
        step: 'AUTHORIZE_PAYMENT',
      },
    ]);
    expect(harness.participants.operations().slice(3)).toEqual(['authorizePayment', 'cancelShipment', 'cancelMarketplaceOrder']);
    expect((await harness.orderOf(order!.id)).status).toBe('FAILED');
  });

  it('fails at once when the carrier was never reached: no retry, nothing to cancel at the carrier, the marketplace order undone', async () => {
    harness.participants.script('createShipment', () => ({ unreached: true }));
    const { order, userErrors } = await harness.place();
    // the first answer is already final: no PENDING while retries back off
    expect(order?.status).toBe('FAILED');
    expect(userErrors).toEqual([expect.objectContaining({ code: 'CARRIER_UNAVAILABLE', step: 'CREATE_SHIPMENT' })]);
    expect(harness.participants.operations()).toEqual([
      'reserveStock',
      'placeMarketplaceOrder',
      'createShipment',
      'cancelMarketplaceOrder',
    ]);
    const stepStatus = Object.fromEntries((await harness.stepsOf(order!.id)).map((step) => [step.name, step.status]));
    expect(stepStatus).toMatchObject({ CREATE_SHIPMENT: 'FAILED', PLACE_MARKETPLACE_ORDER: 'COMPENSATED', RESERVE_STOCK: 'COMPENSATED' });
  });

  it('still retries an undo whose participant cannot be reached: the step it undoes did happen', async () => {
    harness.participants.script('authorizePayment', () => ({ refuse: 'PAYMENT_DECLINED' }));
    harness.participants.script('cancelShipment', (n) => (n === 1 ? { unreached: true } : undefined));
    const { order } = await harness.place();
    expect(order?.status).toBe('FAILED');
    expect(harness.participants.operations().filter((operation) => operation === 'cancelShipment')).toHaveLength(2);
  });

  it('repeats a step that got no answer with the SAME key, and books once', async () => {
    harness.participants.script('createShipment', (n) => (n <= 2 ? { transient: true, performed: n === 2 } : undefined));
    const { order } = await harness.place();
    expect(order?.status).toBe('CONFIRMED');
    const shipmentCalls = harness.participants.calls.filter((call) => call.operation === 'createShipment');
    expect(shipmentCalls.map((call) => call.idempotencyKey)).toEqual(Array(3).fill(`order:${order!.id}:CREATE_SHIPMENT`));
    expect(harness.participants.effects.filter((effect) => effect.startsWith('createShipment'))).toHaveLength(1);
  });

  it('when the write after an answer fails, loses no more than a crash would: the step is asked again with its key, and books once', async () => {
    // A step's outcome goes with the next step's start; make that write fail, as a store gone away would.
    const save = harness.store.saveChange.bind(harness.store);
    let failed = false;
    harness.store.saveChange = async (orderId, change, now) => {
      if (!failed && change.steps?.some((step) => step.name === 'AUTHORIZE_PAYMENT' && step.patch.status === 'RUNNING')) {
        failed = true;
        throw new Error('the store went away');
      }
      return save(orderId, change, now);
    };
    const placing = harness.place();
    await expect.poll(() => failed).toBe(true);
    const id = harness.participants.calls[0]!.idempotencyKey.split(':')[1]!;
    await harness.saga.inFlight(id);
    expect((await harness.stepsOf(id)).find((step) => step.name === 'CREATE_SHIPMENT')?.status).toBe('RUNNING');

    await harness.saga.run(id); // as recovery would
    expect((await placing).order?.status).toBe('CONFIRMED');
    const shipmentCalls = harness.participants.calls.filter((call) => call.operation === 'createShipment');
    expect(shipmentCalls.map((call) => call.idempotencyKey)).toEqual(Array(2).fill(`order:${id}:CREATE_SHIPMENT`));
    expect(harness.participants.effects.filter((effect) => effect.startsWith('createShipment'))).toHaveLength(1);
    expect(harness.participants.calls.filter((call) => call.operation === 'authorizePayment')).toHaveLength(1);
  });

  it('gives up after the attempts allowed, learns what the silent step did, and undoes it too', async () => {
    // Every attempt happened at the carrier, but no answer ever came back.
    harness.participants.script('createShipment', (n) => (n <= 3 ? { transient: true, performed: true } : undefined));
    const { order, userErrors } = await harness.place();
    expect(order?.status).toBe('FAILED');
    expect(userErrors[0]).toMatchObject({ code: 'CARRIER_UNAVAILABLE', message: expect.stringContaining('no answer after 3 attempts') });
    // The fourth call (same key) only reads back the one shipment, which is then cancelled.
    expect(harness.participants.operations().slice(2)).toEqual([
      'createShipment',
      'createShipment',
      'createShipment',
      'createShipment',
      'cancelShipment',
      'cancelMarketplaceOrder',
    ]);
    expect(harness.participants.effects.filter((effect) => effect.startsWith('createShipment'))).toHaveLength(1);
    expect((await harness.stepsOf(order!.id))[3]).toEqual({ name: 'CREATE_SHIPMENT', status: 'COMPENSATED' });
  });

  it('retries an undo that failed, each attempt with its own key, then ends FAILED', async () => {
    harness.participants.script('authorizePayment', () => ({ refuse: 'PAYMENT_DECLINED' }));
    harness.participants.script('cancelShipment', (n) => (n === 1 ? { transient: true } : undefined));
    const { order } = await harness.place();
    expect(order?.status).toBe('FAILED');
    const cancels = harness.participants.calls.filter((call) => call.operation === 'cancelShipment');
    expect(cancels.map((call) => call.idempotencyKey)).toEqual([
      `order:${order!.id}:CREATE_SHIPMENT:compensate:1`,
      `order:${order!.id}:CREATE_SHIPMENT:compensate:2`,
    ]);
  });

  it('marks an undo that never succeeds for attention, still undoes the rest, and ends FAILED', async () => {
    harness.participants.script('authorizePayment', () => ({ refuse: 'PAYMENT_DECLINED' }));
    harness.participants.script('cancelShipment', () => ({ transient: true }));
    const { order } = await harness.place();
    expect(order?.status).toBe('FAILED');
    const stored = (await harness.store.listSteps([order!.id])).get(order!.id)!;
    expect(stored[3]).toMatchObject({ name: 'CREATE_SHIPMENT', status: 'FAILED', error: { code: 'COMPENSATION_FAILED' } });
    expect(stored[2]).toMatchObject({ name: 'PLACE_MARKETPLACE_ORDER', status: 'COMPENSATED' });
  });

  it('while an unreachable carrier keeps its undo waiting, still cancels at the marketplace, then ends FAILED', async () => {
    // The carrier never answers: not while booking, not while asked again to be undone.
    harness.participants.script('createShipment', () => ({ transient: true }));
    const { order, userErrors } = await harness.place();
    expect(order?.status).toBe('FAILED');
    expect(userErrors[0]).toMatchObject({ code: 'CARRIER_UNAVAILABLE', field: ['input', 'quoteId'] });
    const operations = harness.participants.operations();
    // 3 attempts, then the first undo attempt asks again (no answer) and the marketplace is undone meanwhile.
    expect(operations.slice(0, 7)).toEqual([
      'reserveStock',
      'placeMarketplaceOrder',
      'createShipment',
      'createShipment',
      'createShipment',
      'createShipment',
      'cancelMarketplaceOrder',
    ]);
    expect(operations.filter((operation) => operation === 'createShipment')).toHaveLength(3 + 3);
    const stored = (await harness.store.listSteps([order!.id])).get(order!.id)!;
    expect(stored.map((step) => step.status)).toEqual(['DONE', 'COMPENSATED', 'COMPENSATED', 'FAILED', 'SKIPPED', 'SKIPPED']);
    expect(stored[3]!.error).toMatchObject({ code: 'COMPENSATION_FAILED', message: expect.stringContaining('needs attention') });
  });

  it('does not repeat an undo the participant refuses (e.g. a parcel already picked up): it is marked for attention at once', async () => {
    harness.participants.script('authorizePayment', () => ({ refuse: 'PAYMENT_DECLINED' }));
    harness.participants.script('cancelShipment', () => ({ reject: 'STATE_CONFLICT' }));
    const { order } = await harness.place();
    expect(order?.status).toBe('FAILED');
    expect(harness.participants.operations().filter((operation) => operation === 'cancelShipment')).toHaveLength(1);
    const stored = (await harness.store.listSteps([order!.id])).get(order!.id)!;
    expect(stored[3]).toMatchObject({
      status: 'FAILED',
      error: { code: 'COMPENSATION_FAILED', message: expect.stringContaining('STATE_CONFLICT') },
    });
    expect(stored[2]!.status).toBe('COMPENSATED');
  });

  it('counts a release refused because the hold is already gone as undone', async () => {
    harness.participants.script('placeMarketplaceOrder', () => ({ refuse: 'PRICE_CHANGED' }));
    harness.participants.script('releaseStock', () => ({ refuse: 'OUT_OF_STOCK' }));
    const { order } = await harness.place();
    expect(order?.status).toBe('FAILED');
    expect((await harness.stepsOf(order!.id))[1]).toEqual({ name: 'RESERVE_STOCK', status: 'COMPENSATED' });
  });
});

describe('the booking saga and the clock', () => {
  it('refuses to book a quote that expired before its saga ran, touching no participant', async () => {
    let clock = Date.now();
    const harness = await createBookingHarness({ now: () => clock });
    try {
      // Accepted at request time; the saga's VERIFY_QUOTE runs "later".
      const token = testQuoteToken({ issuedAt: clock, ttlMs: 60_000 });
      const run = harness.saga.run;
      harness.saga.run = (id) => {
        clock += 120_000; // two minutes pass between the request and its saga
        return run(id);
      };
      const { order, userErrors } = await harness.booking.placeOrder(placeOrderInput(token, 'late-key'), 'test-app');
      expect(userErrors[0]).toMatchObject({ code: 'QUOTE_EXPIRED', field: ['input', 'quoteId'] });
      expect(order?.status).toBe('FAILED');
      expect(harness.participants.calls).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});

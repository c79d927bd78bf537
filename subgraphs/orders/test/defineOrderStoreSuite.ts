import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../src/store/migrations.js';
import type { OrderStore } from '../src/store/OrderStore.js';
import { orderEvent } from '../src/events/orderEvent.js';
import type { ReturnRecord } from '../src/returns/ReturnRecord.js';
import { newOrder } from './orderFixtures.js';
import type { OrderEvent, OrderEventOf } from '#packages/events/index.js';
import { randomUUID } from 'node:crypto';
import type { Logger } from '#packages/log/index.js';
import { createReachCounter } from '#packages/reach/index.js';

function disputeEvent<T extends 'dispute.opened' | 'dispute.resolved'>(
  type: T,
  orderId: string,
  data: OrderEventOf<T>['data'],
): OrderEventOf<T> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    orderId,
    placedBy: 'key-a',
    occurredAt: '2026-12-05T10:00:00.000Z',
    data,
  } as OrderEvent as OrderEventOf<T>;
}

export interface StoreUnderTest {
  readonly store: OrderStore;
  /** A second store on the same database, as another replica would have. */
  readonly replica: OrderStore;
  dispose(): Promise<void>;
}

/**
 * What every order store must do, run against each implementation (SQLite and PostgreSQL).
 * `open` returns undefined when the database cannot be reached and the suite may be skipped.
 */
export function defineOrderStoreSuite(name: string, open: () => Promise<StoreUnderTest | undefined>): void {
  describe(`${name} order store`, () => {
    let subject: StoreUnderTest | undefined;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => {
      await subject?.dispose();
    });
    const store = (): OrderStore => subject!.store;

    it('migrates to the latest version, and migrating again (from another replica) changes nothing', async (context) => {
      if (!subject) return context.skip();
      expect(await store().migrate()).toBe(LATEST_SCHEMA_VERSION);
      expect(await subject.replica.migrate()).toBe(LATEST_SCHEMA_VERSION);
    });

    it('creates an order with its steps, all PENDING, and reads it back as written', async (context) => {
      if (!subject) return context.skip();
      const draft = newOrder();
      const { order, created } = await store().createOrder(draft);
      expect(created).toBe(true);
      expect(order).toMatchObject({ id: draft.id, status: 'PENDING', phase: 'FORWARD', quote: draft.quote, buyer: draft.buyer });
      expect(order.total).toEqual({ amount: '41.37', currency: 'EUR' });
      expect(order.escrow).toBe(true);
      expect(await store().getOrder(draft.id)).toEqual(order);
      expect(await store().getOrderByIdempotencyKey('key-a', draft.idempotencyKey)).toEqual(order);
      expect(await store().getOwnedOrder('key-a', draft.id)).toEqual(order);
      const steps = (await store().listSteps([draft.id])).get(draft.id)!;
      expect(steps.map((step) => [step.name, step.status, step.attempt])).toEqual(draft.steps.map((step) => [step, 'PENDING', 0]));
    });

    it('returns the existing order for a known idempotency key, without writing', async (context) => {
      if (!subject) return context.skip();
      const first = newOrder();
      await store().createOrder(first);
      const again = await store().createOrder(newOrder({ idempotencyKey: first.idempotencyKey, requestHash: 'other' }));
      expect(again.created).toBe(false);
      expect(again.order.id).toBe(first.id);
      expect(again.order.requestHash).toBe('hash-1');
    });

    it('keeps each owner to its own orders: by id, by idempotency key and in pages', async (context) => {
      if (!subject) return context.skip();
      const base = 1_900_000_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
      const owner = (name: string) => `${name}-${base}`;
      const ofA = newOrder({ ownerKeyId: owner('a'), createdAt: base, buyerReference: 'customer-17' });
      const { order } = await store().createOrder(ofA);
      expect(order.ownerKeyId).toBe(owner('a'));
      expect(order.buyerReference).toBe('customer-17');
      expect(await store().getOwnedOrder(owner('b'), ofA.id)).toBeUndefined();
      expect(await store().getOrderByIdempotencyKey(owner('b'), ofA.idempotencyKey)).toBeUndefined();
      // the same idempotency key is B's own: a new order, never A's
      const ofB = await store().createOrder(newOrder({ ownerKeyId: owner('b'), idempotencyKey: ofA.idempotencyKey, createdAt: base + 1 }));
      expect(ofB.created).toBe(true);
      expect(ofB.order.id).not.toBe(ofA.id);
      expect((await store().listOrders({ owner: owner('a'), first: 10 })).map((o) => o.id)).toEqual([ofA.id]);
      expect((await store().listOrders({ owner: owner('b'), first: 10 })).map((o) => o.id)).toEqual([ofB.order.id]);
      expect(await store().listOrders({ owner: owner('c'), first: 10 })).toEqual([]);
    });

    it('creates ONE order for 20 concurrent creates with one key, from two replicas, and all 20 get it back', async (context) => {
      if (!subject) return context.skip();
      const key = `concurrent-${Date.now()}`;
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store() : subject!.replica).createOrder(newOrder({ idempotencyKey: key }))),
      );
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.order.id)).size).toBe(1);
      const id = results[0]!.order.id;
      expect((await store().listSteps([id])).get(id)).toHaveLength(6);
    });

    it('keeps step and order updates, with results, errors and timestamps', async (context) => {
      if (!subject) return context.skip();
      const draft = newOrder();
      await store().createOrder(draft);
      await store().updateStep(draft.id, 'RESERVE_STOCK', { status: 'RUNNING', attempt: 1, startedAt: 1_000 }, 1_000);
      await store().updateStep(draft.id, 'RESERVE_STOCK', { status: 'DONE', finishedAt: 2_000, result: { reservationId: 'r-1' } }, 2_000);
      await store().updateStep(
        draft.id,
        'PLACE_MARKETPLACE_ORDER',
        { status: 'FAILED', attempt: 1, error: { code: 'PRICE_CHANGED', message: 'now 110.00 CNY' } },
        3_000,
      );
      const failure = {
        step: 'PLACE_MARKETPLACE_ORDER',
        code: 'PRICE_CHANGED',
        message: 'now 110.00 CNY',
        field: ['input', 'quoteId'],
      } as const;
      await store().updateOrder(draft.id, { phase: 'COMPENSATING', failure, nextAttemptAt: 5_000, shipmentId: 'shp-1' }, 3_000);
      const steps = (await store().listSteps([draft.id])).get(draft.id)!;
      expect(steps[1]).toMatchObject({ name: 'RESERVE_STOCK', status: 'DONE', attempt: 1, startedAt: 1_000, finishedAt: 2_000 });
      expect(steps[1]!.result).toEqual({ reservationId: 'r-1' });
      expect(steps[1]!.updatedAt).toBe(2_000);
      expect(steps[2]!.error).toEqual({ code: 'PRICE_CHANGED', message: 'now 110.00 CNY' });
      const order = await store().getOrder(draft.id);
      expect(order).toMatchObject({ phase: 'COMPENSATING', failure, nextAttemptAt: 5_000, shipmentId: 'shp-1', updatedAt: 3_000 });
    });

    it('saves a change of several steps, the order, added steps and events at once, touching no other order or step', async (context) => {
      if (!subject) return context.skip();
      const draft = newOrder();
      const other = newOrder();
      await store().createOrder(draft);
      await store().createOrder(other);
      await store().updateStep(draft.id, 'CREATE_SHIPMENT', { status: 'RUNNING', attempt: 1, startedAt: 1_000 }, 1_000);
      const before = await store().listEvents(0, 1_000);
      const captured = orderEvent('payment.captured', draft, 2_000, {
        paymentId: 'pay-9',
        amount: { amount: '20.00', currency: 'EUR' },
        capturedAt: '2026-12-01T12:00:02.000Z',
      });
      await store().saveChange(
        draft.id,
        {
          steps: [
            { name: 'CREATE_SHIPMENT', patch: { status: 'DONE', finishedAt: 2_000, result: { shipmentId: 'shp-9' }, error: null } },
            { name: 'AUTHORIZE_PAYMENT', patch: { status: 'RUNNING', attempt: 1, startedAt: 2_000 } },
          ],
          order: { shipmentId: 'shp-9' },
          addSteps: [{ name: 'CAPTURE_PAYMENT', status: 'PENDING' }],
          events: [captured],
        },
        2_000,
      );
      const steps = (await store().listSteps([draft.id])).get(draft.id)!;
      const step = steps.find((s) => s.name === 'CREATE_SHIPMENT')!;
      expect(step).toMatchObject({ status: 'DONE', attempt: 1, startedAt: 1_000, finishedAt: 2_000, updatedAt: 2_000 });
      expect(step.result).toEqual({ shipmentId: 'shp-9' });
      expect(steps.find((s) => s.name === 'AUTHORIZE_PAYMENT')).toMatchObject({ status: 'RUNNING', attempt: 1, updatedAt: 2_000 });
      expect(steps.at(-1)).toMatchObject({ name: 'CAPTURE_PAYMENT', status: 'PENDING', attempt: 0, updatedAt: 2_000 });
      expect(await store().getOrder(draft.id)).toMatchObject({ shipmentId: 'shp-9', updatedAt: 2_000, status: 'PENDING' });
      expect((await store().listEvents(before.at(-1)?.seq ?? 0, 1_000)).map(({ event }) => event.id)).toEqual([captured.id]);
      expect(await store().getOrder(other.id)).toMatchObject({ shipmentId: null });
      const untouched = (await store().listSteps([draft.id, other.id])).get(other.id)!;
      expect(untouched.every((s) => s.status === 'PENDING')).toBe(true);
    });

    it('adds follow-up steps once, after the booking steps, leaving existing ones as they are', async (context) => {
      if (!subject) return context.skip();
      const draft = newOrder();
      await store().createOrder(draft);
      await store().addSteps(draft.id, [{ name: 'CAPTURE_PAYMENT', status: 'PENDING' }], 1);
      await store().updateStep(draft.id, 'CAPTURE_PAYMENT', { status: 'DONE' }, 2);
      await store().addSteps(
        draft.id,
        [
          { name: 'CAPTURE_PAYMENT', status: 'PENDING' },
          { name: 'RELEASE_ESCROW', status: 'SKIPPED' },
        ],
        3,
      );
      const steps = (await store().listSteps([draft.id])).get(draft.id)!;
      expect(steps.slice(-2).map((step) => [step.name, step.status])).toEqual([
        ['CAPTURE_PAYMENT', 'DONE'],
        ['RELEASE_ESCROW', 'SKIPPED'],
      ]);
    });

    it('pages orders newest first without repeating or skipping one', async (context) => {
      if (!subject) return context.skip();
      const base = 1_800_000_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
      const owner = `pager-${base}`;
      const drafts = [0, 1, 1, 2, 3].map((offset, i) =>
        newOrder({ ownerKeyId: owner, createdAt: base + offset, id: `ord_page_${base}_${i}` }),
      );
      for (const draft of drafts) await store().createOrder(draft);
      const seen: string[] = [];
      let after: { createdAt: number; id: string } | undefined;
      for (;;) {
        const page = await store().listOrders({ owner, first: 2, after });
        const ours = page.filter((order) => order.id.startsWith(`ord_page_${base}_`));
        seen.push(...ours.map((order) => order.id));
        if (page.length < 2 || ours.length < page.length) break;
        after = { createdAt: page.at(-1)!.createdAt, id: page.at(-1)!.id };
      }
      expect(seen).toEqual([drafts[4]!.id, drafts[3]!.id, drafts[2]!.id, drafts[1]!.id, drafts[0]!.id]);
    });

    it('gives a saga lease to one replica at a time, and to another once it expires or is released', async (context) => {
      if (!subject) return context.skip();
      const draft = newOrder({ leaseOwner: 'a', leaseUntil: 1_000 });
      await store().createOrder(draft);
      expect(await store().claimLease(draft.id, 'b', 500, 1_000)).toBe(false);
      expect(await store().claimLease(draft.id, 'a', 500, 1_000)).toBe(true); // renewal, now until 1500
      expect(await subject.replica.claimLease(draft.id, 'b', 1_499, 1_000)).toBe(false);
      expect(await subject.replica.claimLease(draft.id, 'b', 1_500, 1_000)).toBe(true);
      await store().releaseLease(draft.id, 'a'); // not a's any more: no effect
      expect(await store().claimLease(draft.id, 'a', 1_600, 1_000)).toBe(false);
      await store().releaseLease(draft.id, 'b');
      expect(await store().claimLease(draft.id, 'a', 1_600, 1_000)).toBe(true);
    });

    it('reads several orders at once, leaving unknown ids out', async (context) => {
      if (!subject) return context.skip();
      const drafts = [newOrder(), newOrder()];
      for (const draft of drafts) await store().createOrder(draft);
      const found = await store().getOrders([drafts[1]!.id, 'ord_unknown', drafts[0]!.id]);
      expect(found.map((order) => order.id).sort()).toEqual(drafts.map((draft) => draft.id).sort());
      expect(found.find((order) => order.id === drafts[0]!.id)).toEqual(await store().getOrder(drafts[0]!.id));
      expect(await store().getOrders([])).toEqual([]);
    });

    it('gives the lease up with the change that settles an order, only while the one giving it up holds it', async (context) => {
      if (!subject) return context.skip();
      const mine = newOrder({ leaseOwner: 'a', leaseUntil: 10_000 });
      const taken = newOrder({ leaseOwner: 'b', leaseUntil: 10_000 });
      await store().createOrder(mine);
      await store().createOrder(taken);
      await store().saveChange(mine.id, { order: { status: 'CONFIRMED', phase: 'SETTLED' }, releaseLeaseOf: 'a' }, 2_000);
      await store().saveChange(taken.id, { order: { status: 'CONFIRMED', phase: 'SETTLED' }, releaseLeaseOf: 'a' }, 2_000);
      expect(await store().getOrder(mine.id)).toMatchObject({ status: 'CONFIRMED', leaseOwner: null, leaseUntil: 0, updatedAt: 2_000 });
      expect(await store().getOrder(taken.id)).toMatchObject({ status: 'CONFIRMED', leaseOwner: 'b', leaseUntil: 10_000 });
      expect(await store().claimLease(mine.id, 'c', 3_000, 1_000)).toBe(true);
      expect(await store().claimLease(taken.id, 'c', 3_000, 1_000)).toBe(false);
    });

    it('finds pending sagas that are due and free, and confirmed orders with follow-up steps to do', async (context) => {
      if (!subject) return context.skip();
      const now = 2_000_000_000_000;
      const due = newOrder({ leaseOwner: 'dead-replica', leaseUntil: now - 1 });
      const leased = newOrder({ leaseOwner: 'live-replica', leaseUntil: now + 10_000 });
      const later = newOrder({ leaseOwner: 'x', leaseUntil: 0 });
      const confirmed = newOrder({ leaseOwner: 'x', leaseUntil: 0 });
      const settled = newOrder({ leaseOwner: 'x', leaseUntil: 0 });
      for (const draft of [due, leased, later, confirmed, settled]) await store().createOrder(draft);
      await store().updateOrder(later.id, { nextAttemptAt: now + 5_000 }, now);
      await store().updateOrder(confirmed.id, { status: 'CONFIRMED', phase: 'SETTLED' }, now);
      await store().updateOrder(settled.id, { status: 'CONFIRMED', phase: 'SETTLED' }, now);
      await store().addSteps(confirmed.id, [{ name: 'CAPTURE_PAYMENT', status: 'PENDING' }], now);
      await store().addSteps(settled.id, [{ name: 'CAPTURE_PAYMENT', status: 'DONE' }], now);

      const resumable = await store().findResumable(now, 10_000);
      expect(resumable).toContain(due.id);
      expect(resumable).not.toContain(leased.id);
      expect(resumable).not.toContain(later.id);
      expect(resumable).not.toContain(confirmed.id);
      expect(await store().findResumable(now + 5_000, 10_000)).toContain(later.id);
      const followable = await store().findFollowable(now, 10_000);
      expect(followable).toContain(confirmed.id);
      expect(followable).not.toContain(settled.id);
    });

    it('knows nothing of an unknown order', async (context) => {
      if (!subject) return context.skip();
      expect(await store().getOrder('ord_missing')).toBeUndefined();
      expect(await store().getOrderByIdempotencyKey('key-a', 'missing')).toBeUndefined();
      expect(await store().getOwnedOrder('key-a', 'ord_missing')).toBeUndefined();
      expect((await store().listSteps(['ord_missing'])).get('ord_missing')).toEqual([]);
    });

    it('keeps one dispute per order, and settles it with its steps and events together or not at all', async (context) => {
      if (!subject) return context.skip();
      const draft = newOrder();
      await store().createOrder(draft);
      await store().addSteps(
        draft.id,
        [
          { name: 'CAPTURE_PAYMENT', status: 'PENDING' },
          { name: 'RELEASE_ESCROW', status: 'PENDING' },
        ],
        1_000,
      );
      const dispute = {
        id: `dsp_${draft.id}`,
        orderId: draft.id,
        openedBy: 'key-a',
        reason: 'NOT_RECEIVED',
        evidence: 'No parcel after 40 days.\nTracking stuck at customs.',
        status: 'OPEN',
        outcome: null,
        note: null,
        resolvedBy: null,
        paymentStatus: null,
        openedAt: 2_000,
        resolvedAt: null,
        updatedAt: 2_000,
      } as const;
      const opened = disputeEvent('dispute.opened', draft.id, {
        disputeId: dispute.id,
        reason: 'NOT_RECEIVED',
        openedAt: '2026-12-05T10:00:00.000Z',
      });
      const before = (await store().listEvents(0, 10_000)).length;
      expect(await store().createDispute(dispute, [opened])).toBe(true);
      // a second one for the same order, from another replica: nothing written, not even its event
      expect(
        await subject.replica.createDispute({ ...dispute, id: 'dsp_other' }, [disputeEvent('dispute.opened', draft.id, opened.data)]),
      ).toBe(false);
      expect(await store().getDispute(dispute.id)).toEqual(dispute);
      expect(await store().getDispute('dsp_other')).toBeUndefined();
      expect([...(await store().listDisputes([draft.id, 'ord_none'])).keys()]).toEqual([draft.id]);

      const resolved = disputeEvent('dispute.resolved', draft.id, {
        disputeId: dispute.id,
        outcome: 'REFUND',
        resolvedAt: '2026-12-05T11:00:00.000Z',
      });
      await store().updateDispute(
        dispute.id,
        { status: 'RESOLVED', outcome: 'REFUND', resolvedBy: 'ops-1', paymentStatus: 'REFUNDED', resolvedAt: 3_000 },
        3_000,
        {
          orderId: draft.id,
          steps: [{ name: 'RELEASE_ESCROW', patch: { status: 'SKIPPED', finishedAt: 3_000 } }],
          events: [resolved],
        },
      );
      expect(await store().getDispute(dispute.id)).toMatchObject({
        status: 'RESOLVED',
        outcome: 'REFUND',
        paymentStatus: 'REFUNDED',
        resolvedAt: 3_000,
        updatedAt: 3_000,
      });
      const steps = (await store().listSteps([draft.id])).get(draft.id)!;
      expect(steps.find((step) => step.name === 'RELEASE_ESCROW')).toMatchObject({ status: 'SKIPPED', finishedAt: 3_000 });
      const events = (await store().listEvents(0, 10_000)).slice(before).map(({ event }) => event.id);
      expect(events).toEqual([opened.id, resolved.id]);

      // an event that cannot be written (its id is taken) rolls the whole settlement back
      await expect(
        store().updateDispute(dispute.id, { note: 'never kept' }, 4_000, {
          orderId: draft.id,
          steps: [{ name: 'CAPTURE_PAYMENT', patch: { status: 'SKIPPED' } }],
          events: [resolved],
        }),
      ).rejects.toThrow();
      expect((await store().getDispute(dispute.id))?.note).toBeNull();
      expect((await store().listSteps([draft.id])).get(draft.id)!.find((step) => step.name === 'CAPTURE_PAYMENT')?.status).toBe('PENDING');
    });

    it('lists a marketplace’s orders, whoever placed them, once its reservation named the marketplace', async (context) => {
      if (!subject) return context.skip();
      const marketplaceId = `mp-${randomUUID()}`;
      const drafts = [newOrder({ createdAt: 1_000 }), newOrder({ createdAt: 2_000, ownerKeyId: 'key-b' }), newOrder({ createdAt: 3_000 })];
      for (const draft of drafts) await store().createOrder(draft);
      expect((await store().getOrder(drafts[0]!.id))?.marketplaceId).toBeNull();
      for (const draft of drafts.slice(0, 2)) await store().updateOrder(draft.id, { marketplaceId }, 4_000);
      const listed = await store().listMarketplaceOrders({ marketplaceId, first: 10 });
      expect(listed.map((order) => order.id)).toEqual([drafts[1]!.id, drafts[0]!.id]);
      expect(listed[0]?.marketplaceId).toBe(marketplaceId);
      const after = await store().listMarketplaceOrders({ marketplaceId, first: 10, after: { createdAt: 2_000, id: drafts[1]!.id } });
      expect(after.map((order) => order.id)).toEqual([drafts[0]!.id]);
    });

    it('finds an order by its marketplace order id, and keeps the status the marketplace reported', async (context) => {
      if (!subject) return context.skip();
      const marketplaceOrderId = `MarketplaceOrder:ke-soko:${randomUUID()}`;
      const [placed, other] = [newOrder({ createdAt: 1_000 }), newOrder({ createdAt: 2_000, ownerKeyId: 'key-b' })];
      for (const draft of [placed, other]) await store().createOrder(draft);
      expect(await store().getOrderByMarketplaceOrderId(marketplaceOrderId)).toBeUndefined();
      await store().updateOrder(placed.id, { marketplaceOrderId }, 3_000);
      const status = { status: 'CANCELLED', cancelledBy: 'SELLER', occurredAt: 3_500, eventId: 'EV-7' } as const;
      await store().updateOrder(placed.id, { marketplaceStatus: status }, 4_000);
      const found = await subject.replica.getOrderByMarketplaceOrderId(marketplaceOrderId);
      expect(found).toMatchObject({ id: placed.id, marketplaceOrderId, marketplaceStatus: status });
      expect((await store().getOrder(other.id))?.marketplaceStatus).toBeNull();
    });

    it('keeps the reach counts a counter flushes, summed per country and kind over whole days; booked are the confirmed orders', async (context) => {
      if (!subject) return context.skip();
      const marketplaceId = `mp-${randomUUID()}`;
      const other = `mp-${randomUUID()}`;
      let now = Date.parse('2026-11-20T23:59:00Z');
      const counter = createReachCounter({
        send: (batch) => store().addReachCounts(batch),
        flushIntervalMs: 3_600_000,
        logger: silentLogger,
        now: () => now,
      });
      counter.count({ marketplaceId, country: 'DE', kind: 'SHOWN' }, 7); // a day before the period
      now = Date.parse('2026-11-25T00:00:00Z');
      counter.count({ marketplaceId, country: 'DE', kind: 'SHOWN' }, 2);
      counter.count({ marketplaceId, country: null, kind: 'SHOWN' });
      counter.count({ marketplaceId, country: 'DE', kind: 'QUOTED' });
      counter.count({ marketplaceId: other, country: 'DE', kind: 'SHOWN' }, 5);
      await counter.flush();
      now = Date.parse('2026-12-01T23:59:59Z');
      counter.count({ marketplaceId, country: 'DE', kind: 'SHOWN' }); // a second flush adds to the same counter's day
      counter.count({ marketplaceId, country: 'BR', kind: 'QUOTED' }, 3);
      await counter.close();

      const booked = newOrder({ createdAt: Date.parse('2026-12-01T09:00:00Z') });
      const pending = newOrder({ createdAt: Date.parse('2026-12-01T09:00:00Z') });
      const before = newOrder({ createdAt: Date.parse('2026-11-24T23:59:59Z') });
      const elsewhere = newOrder({ createdAt: Date.parse('2026-12-01T09:00:00Z') });
      for (const draft of [booked, pending, before, elsewhere]) await store().createOrder(draft);
      await store().updateOrder(booked.id, { marketplaceId, status: 'CONFIRMED' }, booked.createdAt);
      await store().updateOrder(pending.id, { marketplaceId }, pending.createdAt);
      await store().updateOrder(before.id, { marketplaceId, status: 'CONFIRMED' }, before.createdAt);
      await store().updateOrder(elsewhere.id, { marketplaceId: other, status: 'CONFIRMED' }, elsewhere.createdAt);

      const rows = await subject.replica.readReach({ marketplaceId, fromDay: '2026-11-25', toDay: '2026-12-01' });
      const sorted = [...rows].sort((a, b) => a.country.localeCompare(b.country) || a.kind.localeCompare(b.kind));
      expect(sorted).toEqual([
        { country: '', kind: 'SHOWN', count: 1 },
        { country: 'BR', kind: 'QUOTED', count: 3 },
        { country: 'DE', kind: 'BOOKED', count: 1 },
        { country: 'DE', kind: 'QUOTED', count: 1 },
        { country: 'DE', kind: 'SHOWN', count: 3 },
      ]);
      const earlier = await store().readReach({ marketplaceId, fromDay: '2026-11-20', toDay: '2026-11-24' });
      expect([...earlier].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
        { country: 'DE', kind: 'BOOKED', count: 1 },
        { country: 'DE', kind: 'SHOWN', count: 7 },
      ]);
    });

    it('a reach flush that fails keeps its counts for the next one, which sends them once', async (context) => {
      if (!subject) return context.skip();
      const marketplaceId = `mp-${randomUUID()}`;
      let reachable = false;
      const warnings: string[] = [];
      const counter = createReachCounter({
        send: async (batch) => {
          if (!reachable) throw new Error('orders unreachable');
          await store().addReachCounts(batch);
        },
        flushIntervalMs: 3_600_000,
        logger: { ...silentLogger, warn: (message) => warnings.push(message) },
        now: () => Date.parse('2026-12-02T12:00:00Z'),
      });
      counter.count({ marketplaceId, country: 'KE', kind: 'SHOWN' }, 4);
      await expect(counter.flush()).resolves.toBeUndefined(); // never thrown at whoever counted
      expect(warnings).toEqual(['reach counts not flushed; kept for the next flush']);
      expect(await store().readReach({ marketplaceId, fromDay: '2026-12-02', toDay: '2026-12-02' })).toEqual([]);
      counter.count({ marketplaceId, country: 'KE', kind: 'SHOWN' });
      reachable = true;
      await counter.flush();
      await counter.flush(); // nothing left: sends nothing more
      await counter.close();
      expect(await store().readReach({ marketplaceId, fromDay: '2026-12-02', toDay: '2026-12-02' })).toEqual([
        { country: 'KE', kind: 'SHOWN', count: 5 },
      ]);
    });

    it('records one return per order with its event, even from two replicas at once, and changes it with its events', async (context) => {
      if (!subject) return context.skip();
      const { order } = await store().createOrder(newOrder());
      const draft = (id: string): ReturnRecord => ({
        id,
        orderId: order.id,
        ownerKeyId: 'key-a',
        reason: 'DEFECTIVE',
        quantity: 1,
        status: 'REQUESTED',
        policy: { windowDays: 14, returnShippingPaidBy: 'SELLER', restockingFeeBp: 0 },
        refundLines: [{ kind: 'GOODS', amount: { amount: '20.00', currency: 'EUR' }, description: 'goods' }],
        refundTotal: { amount: '20.00', currency: 'EUR' },
        deliveredAt: '2026-12-01T10:00:00.000Z',
        labelShipmentId: null,
        refundedAt: null,
        attention: null,
        createdAt: 1_700_000_100_000,
        updatedAt: 1_700_000_100_000,
      });
      const requested = (id: string) =>
        orderEvent('return.requested', order, 1_700_000_100_000, {
          returnId: id,
          reason: 'DEFECTIVE',
          quantity: 1,
          sellerAtFault: true,
          requestedAt: '2026-12-01T12:00:00.000Z',
        });
      const before = (await store().listEvents(0, 100_000)).length;
      const [a, b] = await Promise.all([
        store().createReturn(draft('ret_a'), [requested('ret_a')]),
        subject.replica.createReturn(draft('ret_b'), [requested('ret_b')]),
      ]);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.record.id).toBe(b.record.id);
      const winner = a.created ? a.record : b.record;
      expect(winner).toEqual(draft(winner.id));
      const events = (await store().listEvents(0, 100_000)).slice(before).map(({ event }) => event);
      expect(events.map((event) => [event.type, event.orderId])).toEqual([['return.requested', order.id]]);

      const refunded = orderEvent('payment.refunded', order, 1_700_000_200_000, {
        paymentId: 'pay-1',
        amount: { amount: '20.00', currency: 'EUR' },
        refundedAt: '2026-12-01T12:01:00.000Z',
        returnId: winner.id,
      });
      await store().updateReturn(
        winner.id,
        { status: 'REFUNDED', labelShipmentId: 'shp-1', refundedAt: 1_700_000_200_000 },
        1_700_000_200_000,
        [refunded],
      );
      expect(await store().getReturnOfOrder(order.id)).toEqual({
        ...winner,
        status: 'REFUNDED',
        labelShipmentId: 'shp-1',
        refundedAt: 1_700_000_200_000,
        updatedAt: 1_700_000_200_000,
      });
      expect(await store().getReturn(winner.id)).toEqual(await store().getReturnOfOrder(order.id));
      expect((await store().listEvents(0, 100_000)).at(-1)?.event.type).toBe('payment.refunded');
      expect(await store().getReturnOfOrder('ord_missing')).toBeUndefined();
    });
  });
}

const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};

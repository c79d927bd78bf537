import assert from 'node:assert/strict';
import { fromMinor } from '#packages/money/index.js';
import { MarketplaceRefusal, type MarketplaceRefusalReason } from '../src/adapters/MarketplaceRefusal.js';
import type { ConformanceCheck } from './ConformanceCheck.js';

const key = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;
const buyer = { name: 'Erika Mustermann', country: 'DE' };

async function refusalOf(promise: Promise<unknown>): Promise<MarketplaceRefusalReason> {
  const error = await promise.then(
    () => assert.fail('expected a refusal, and the write was accepted'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof MarketplaceRefusal, `expected a MarketplaceRefusal, got ${String(error)}`);
  return error.reason;
}

/**
 * Writing at a marketplace: holds, orders and their undoing really move its stock (by its own
 * account, not the adapter's), and each idempotency key moves it once.
 */
export const WRITE_CHECKS: readonly ConformanceCheck[] = [
  {
    name: 'holds stock once per idempotency key, however often the call is repeated',
    group: 'writes',
    async run({ subject, adapter, takeStocked }) {
      const offer = takeStocked();
      const before = await subject.availableOf(offer.nativeId);
      const idempotencyKey = key('reserve');
      await subject.resetCalls();
      const first = await adapter.reserveStock({ offerNativeId: offer.nativeId, quantity: 2, idempotencyKey });
      const again = await adapter.reserveStock({ offerNativeId: offer.nativeId, quantity: 2, idempotencyKey });
      assert.deepEqual(
        { marketplaceId: first.marketplaceId, offerNativeId: first.offerNativeId, quantity: first.quantity, status: first.status },
        { marketplaceId: subject.id, offerNativeId: offer.nativeId, quantity: 2, status: 'HELD' },
      );
      assert.ok(Date.parse(first.expiresAt) > Date.now(), `expiresAt ${first.expiresAt} has passed`);
      assert.deepEqual(again, first, 'the repeat answered differently');
      assert.equal(await subject.callsTo('reserve'), 2, 'reserve calls');
      assert.equal(await subject.availableOf(offer.nativeId), before - 2, 'available after holding 2, twice with one key');

      assert.equal(
        await refusalOf(adapter.reserveStock({ offerNativeId: offer.nativeId, quantity: 3, idempotencyKey })),
        'IDEMPOTENCY_KEY_REUSED',
      );
      assert.equal(await subject.availableOf(offer.nativeId), before - 2, 'available after a refused reuse of the key');
      await adapter.releaseStock({ reservationNativeId: first.nativeId, idempotencyKey: key('cleanup') });
    },
  },
  {
    name: 'gives held stock back on release; releasing again is harmless',
    group: 'writes',
    async run({ subject, adapter, takeStocked }) {
      const offer = takeStocked();
      const before = await subject.availableOf(offer.nativeId);
      const held = await adapter.reserveStock({ offerNativeId: offer.nativeId, quantity: 3, idempotencyKey: key('reserve') });
      assert.equal(await subject.availableOf(offer.nativeId), before - 3, 'available while held');
      const releaseKey = key('release');
      const released = await adapter.releaseStock({ reservationNativeId: held.nativeId, idempotencyKey: releaseKey });
      assert.deepEqual([released.nativeId, released.status, released.quantity], [held.nativeId, 'RELEASED', 3]);
      assert.deepEqual(await adapter.releaseStock({ reservationNativeId: held.nativeId, idempotencyKey: releaseKey }), released);
      const releasedAgain = await adapter.releaseStock({ reservationNativeId: held.nativeId, idempotencyKey: key('release') });
      assert.equal(releasedAgain.status, 'RELEASED');
      assert.equal(await subject.availableOf(offer.nativeId), before, 'available after release');
    },
  },
  {
    name: 'orders a hold once per key at the quoted price; cancelling gives the stock back, once',
    group: 'writes',
    async run({ subject, adapter, takeStocked }) {
      const offer = takeStocked();
      const before = await subject.availableOf(offer.nativeId);
      const held = await adapter.reserveStock({ offerNativeId: offer.nativeId, quantity: 2, idempotencyKey: key('reserve') });
      const placeKey = key('place');
      const place = () =>
        adapter.placeOrder({ reservationNativeId: held.nativeId, expectedUnitPrice: offer.price, buyer, idempotencyKey: placeKey });
      await subject.resetCalls();
      const order = await place();
      assert.deepEqual(await place(), order, 'the repeat answered differently');
      assert.equal(await subject.callsTo('place'), 2, 'order calls');
      assert.deepEqual([order.marketplaceId, order.status], [subject.id, 'PLACED']);
      assert.deepEqual(order.total, fromMinor(offer.price.minor * 2n, offer.price.currency), 'total of 2 units');
      assert.equal(await subject.availableOf(offer.nativeId), before - 2, 'available once ordered');

      assert.equal(
        await refusalOf(adapter.releaseStock({ reservationNativeId: held.nativeId, idempotencyKey: key('release') })),
        'RESERVATION_ORDERED',
      );
      const cancelKey = key('cancel');
      const cancelled = await adapter.cancelOrder({ orderNativeId: order.nativeId, idempotencyKey: cancelKey });
      assert.deepEqual([cancelled.nativeId, cancelled.status], [order.nativeId, 'CANCELLED']);
      assert.deepEqual(await adapter.cancelOrder({ orderNativeId: order.nativeId, idempotencyKey: cancelKey }), cancelled);
      assert.equal((await adapter.cancelOrder({ orderNativeId: order.nativeId, idempotencyKey: key('cancel') })).status, 'CANCELLED');
      assert.equal(await subject.callsTo('cancel'), 3, 'cancel calls');
      assert.equal(await subject.availableOf(offer.nativeId), before, 'available after cancelling');
    },
  },
  {
    name: 'refuses more than is in stock as OUT_OF_STOCK, holding nothing',
    group: 'writes',
    async run({ subject, adapter, takeStocked, walk }) {
      const offer = takeStocked();
      const before = await subject.availableOf(offer.nativeId);
      const tooMany = { offerNativeId: offer.nativeId, quantity: before + 1, idempotencyKey: key('reserve') };
      assert.equal(await refusalOf(adapter.reserveStock(tooMany)), 'OUT_OF_STOCK');
      assert.equal(await subject.availableOf(offer.nativeId), before, 'available after the refusal');
      const soldOut = walk.offers.find((candidate) => candidate.availableQuantity === 0);
      if (soldOut) {
        const request = { offerNativeId: soldOut.nativeId, quantity: 1, idempotencyKey: key('reserve') };
        assert.equal(await refusalOf(adapter.reserveStock(request)), 'OUT_OF_STOCK');
      }
    },
  },
  {
    name: 'refuses an order at another price as PRICE_CHANGED and keeps the hold for a right one',
    group: 'writes',
    async run({ adapter, takeStocked }) {
      const offer = takeStocked();
      const held = await adapter.reserveStock({ offerNativeId: offer.nativeId, quantity: 1, idempotencyKey: key('reserve') });
      const cheaper = fromMinor(offer.price.minor - 1n, offer.price.currency);
      const wrong = { reservationNativeId: held.nativeId, expectedUnitPrice: cheaper, buyer, idempotencyKey: key('place') };
      assert.equal(await refusalOf(adapter.placeOrder(wrong)), 'PRICE_CHANGED');
      const order = await adapter.placeOrder({ ...wrong, expectedUnitPrice: offer.price, idempotencyKey: key('place') });
      assert.equal(order.status, 'PLACED');
      await adapter.cancelOrder({ orderNativeId: order.nativeId, idempotencyKey: key('cancel') });
    },
  },
  {
    name: 'gives the stock of a lapsed hold back, and will not order it',
    group: 'writes',
    needs: 'controls',
    async run({ subject, adapter, takeStocked }) {
      const offer = takeStocked();
      const before = await subject.availableOf(offer.nativeId);
      await subject.controls!.setHoldSeconds(0.2);
      let held: Awaited<ReturnType<typeof adapter.reserveStock>>;
      try {
        held = await adapter.reserveStock({ offerNativeId: offer.nativeId, quantity: 1, idempotencyKey: key('reserve') });
      } finally {
        await subject.controls!.setHoldSeconds(900);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(await subject.availableOf(offer.nativeId), before, 'available after the hold lapsed');
      const late = { reservationNativeId: held.nativeId, expectedUnitPrice: offer.price, buyer, idempotencyKey: key('place') };
      assert.equal(await refusalOf(adapter.placeOrder(late)), 'RESERVATION_EXPIRED');
      assert.equal((await adapter.releaseStock({ reservationNativeId: held.nativeId, idempotencyKey: key('release') })).status, 'EXPIRED');
    },
  },
  {
    name: 'says NOT_FOUND for an item, hold or order the vendor does not know',
    group: 'writes',
    async run({ adapter, walk }) {
      const unknownItem = { offerNativeId: walk.offers.at(-1)!.nativeId + '9', quantity: 1, idempotencyKey: key('reserve') };
      assert.match(await refusalOf(adapter.reserveStock(unknownItem)), /NOT_FOUND|INVALID_REQUEST/);
      assert.equal(
        await refusalOf(adapter.releaseStock({ reservationNativeId: 'no-such-hold', idempotencyKey: key('release') })),
        'NOT_FOUND',
      );
      assert.equal(await refusalOf(adapter.cancelOrder({ orderNativeId: '999999', idempotencyKey: key('cancel') })), 'NOT_FOUND');
    },
  },
];

import { createLogger } from '#packages/log/index.js';
import type { PlaceOrderInput } from '../../src/__generated__/resolvers.js';
import { createOrderBooking, type OrderBooking } from '../../src/placeOrder/createOrderBooking.js';
import { createOrderSaga, type OrderSaga } from '../../src/saga/createOrderSaga.js';
import type { EscrowLimits } from '../../src/saga/decideEscrow.js';
import { createSqliteOrderStore } from '../../src/store/createSqliteOrderStore.js';
import type { OrderRecord, OrderStore, StepRecord } from '../../src/store/OrderStore.js';
import { createFakeParticipants, type FakeParticipants } from './createFakeParticipants.js';
import { placeOrderInput, TEST_QUOTE_KEY, testQuoteToken, type TestQuoteOptions } from './testQuote.js';

/** The API key id orders are placed with in the harness (the gateway's principal in service). */
export const TEST_API_KEY_ID = 'test-app';

export interface BookingHarness {
  readonly store: OrderStore;
  readonly saga: OrderSaga;
  readonly booking: OrderBooking;
  readonly participants: FakeParticipants;
  /** Places an order for a fresh test quote (or the given input). */
  place(input?: Partial<PlaceOrderInput>, quote?: TestQuoteOptions): ReturnType<OrderBooking['placeOrder']>;
  stepsOf(orderId: string): Promise<Array<Pick<StepRecord, 'name' | 'status'>>>;
  orderOf(orderId: string): Promise<OrderRecord>;
  close(): Promise<void>;
}

/** The booking use case and its saga over an in-memory SQLite store and fake participants, with short retry delays. */
export async function createBookingHarness(
  settings: { maxStepAttempts?: number; maxCompensationAttempts?: number; now?: () => number; escrowLimits?: EscrowLimits } = {},
): Promise<BookingHarness> {
  const store = createSqliteOrderStore({ file: ':memory:' });
  await store.migrate();
  const participants = createFakeParticipants();
  const logger = createLogger('orders', { level: 'silent' });
  const common = { store, quoteKey: TEST_QUOTE_KEY, owner: 'test-replica', leaseMs: 5_000, logger, now: settings.now };
  const saga = createOrderSaga({
    ...common,
    participants,
    maxStepAttempts: settings.maxStepAttempts ?? 3,
    maxCompensationAttempts: settings.maxCompensationAttempts ?? 3,
    retryBaseMs: 10,
    ...(settings.escrowLimits && { escrowLimits: settings.escrowLimits }),
  });
  const booking = createOrderBooking({ ...common, saga, waitMs: 5_000 });
  let keys = 0;
  return {
    store,
    saga,
    booking,
    participants,
    place: (input = {}, quote = {}) =>
      booking.placeOrder(
        { ...placeOrderInput(testQuoteToken(quote), `key-${++keys}`, quote.destinationCountry ?? 'DE'), ...input },
        TEST_API_KEY_ID,
      ),
    async stepsOf(orderId) {
      return ((await store.listSteps([orderId])).get(orderId) ?? []).map(({ name, status }) => ({ name, status }));
    },
    async orderOf(orderId) {
      const order = await store.getOrder(orderId);
      if (!order) throw new Error(`no order ${orderId}`);
      return order;
    },
    async close() {
      await saga.stop();
      await store.close();
    },
  };
}

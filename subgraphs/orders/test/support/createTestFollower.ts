import { createLogger } from '#packages/log/index.js';
import { createPaymentFollower } from '../../src/saga/createPaymentFollower.js';
import type { PeriodicTask } from '../../src/saga/runPeriodically.js';
import type { BookingHarness } from './createBookingHarness.js';
import { TEST_QUOTE_KEY } from './testQuote.js';

/** A payment follower over a booking harness, not started: each test runs rounds itself with runNow(). */
export function createTestFollower(harness: BookingHarness, owner = 'follower-replica'): PeriodicTask {
  return createPaymentFollower({
    store: harness.store,
    participants: harness.participants,
    owner,
    leaseMs: 5_000,
    intervalMs: 60_000,
    maxAttempts: 3,
    logger: createLogger('orders', { level: 'silent' }),
    quoteKey: TEST_QUOTE_KEY,
  });
}

import { randomUUID } from 'node:crypto';
import type { OrderStore } from '../store/OrderStore.js';

/** How long a dispute waits for the order's lease (the follower holds it for one capture or release). */
const WAIT_MS = 3_000;
const POLL_MS = 100;

/**
 * Runs `work` holding the order's saga lease, the one the payment follower takes before it captures
 * or releases: a dispute never interleaves with a release of the same order, in this process or
 * another. The owner is unique per call, so the follower of this very process is kept out too.
 * Answers `busy` when the lease stays taken for a few seconds.
 */
export async function withOrderLease<T>(
  store: OrderStore,
  orderId: string,
  options: { leaseMs: number; now: () => number },
  work: () => Promise<T>,
): Promise<T | 'busy'> {
  const owner = `dispute:${randomUUID()}`;
  const deadline = options.now() + WAIT_MS;
  while (!(await store.claimLease(orderId, owner, options.now(), options.leaseMs))) {
    if (options.now() >= deadline) return 'busy';
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await work();
  } finally {
    await store.releaseLease(orderId, owner);
  }
}

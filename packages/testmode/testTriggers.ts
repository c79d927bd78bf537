import type { IncomingHttpHeaders } from 'node:http';

/**
 * The outcomes a test-mode booking can force, one per booking step that talks to a vendor, as
 * Stripe's test cards force a decline: the marketplace has no stock left, the carrier refuses the
 * parcel, the payment provider declines.
 */
export const TEST_TRIGGERS = ['out_of_stock', 'carrier_refused', 'payment_declined'] as const;
export type TestTrigger = (typeof TEST_TRIGGERS)[number];

/**
 * The header a trigger travels in: from orders to the participant subgraph that runs the step,
 * then from that subgraph's adapter to the vendor's sandbox. Subgraphs honour it only from callers
 * holding the service secret; the gateway never forwards a client's copy.
 */
export const TEST_TRIGGER_HEADER = 'x-tradegraph-test-trigger';

export function isTestTrigger(value: unknown): value is TestTrigger {
  return typeof value === 'string' && (TEST_TRIGGERS as readonly string[]).includes(value);
}

/** The trigger a request carries, when it carries a known one. */
export function readTestTrigger(headers: IncomingHttpHeaders): TestTrigger | undefined {
  const value = headers[TEST_TRIGGER_HEADER];
  return isTestTrigger(value) ? value : undefined;
}

import { TEST_TRIGGERS, type TestTrigger } from './testTriggers.js';

/**
 * The trigger a test-mode buyer's email asks for: a `+` tag naming it in the local part, e.g.
 * `ana+payment_declined@example.com` (README, "Test mode"). Any address is a real one for the
 * rest of the booking; the tag only chooses the outcome, and only for a test-mode key.
 */
export function testTriggerOfEmail(email: string): TestTrigger | undefined {
  const local = email.slice(0, Math.max(0, email.lastIndexOf('@'))).toLowerCase();
  const tags = local.split('+').slice(1);
  return TEST_TRIGGERS.find((trigger) => tags.includes(trigger));
}

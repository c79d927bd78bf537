/**
 * The booking saga's vocabulary. Booking steps run in this order at order time; the follow-up
 * steps run later, when the carrier reports pickup and delivery (see `createPaymentFollower.ts`).
 */
export const BOOKING_STEPS = [
  'VERIFY_QUOTE',
  'RESERVE_STOCK',
  'PLACE_MARKETPLACE_ORDER',
  'CREATE_SHIPMENT',
  'AUTHORIZE_PAYMENT',
  'CONFIRM',
] as const;

/** Added once an order is confirmed: capture on pickup, escrow release on delivery. */
export const FOLLOW_UP_STEPS = ['CAPTURE_PAYMENT', 'RELEASE_ESCROW'] as const;

export type BookingStepName = (typeof BOOKING_STEPS)[number];
export type FollowUpStepName = (typeof FOLLOW_UP_STEPS)[number];
export type StepName = BookingStepName | FollowUpStepName;

/** A step's life: PENDING → RUNNING → DONE | FAILED; a DONE step may go COMPENSATING → COMPENSATED; one never reached is SKIPPED. */
export type StepStatus = 'PENDING' | 'RUNNING' | 'DONE' | 'FAILED' | 'COMPENSATING' | 'COMPENSATED' | 'SKIPPED';

/** What clients see: PENDING until the saga settles, then CONFIRMED or FAILED. */
export type OrderStatus = 'PENDING' | 'CONFIRMED' | 'FAILED' | 'CANCELLED';

/**
 * Where the saga stands internally: going FORWARD, COMPENSATING after a failure, or SETTLED
 * (CONFIRMED or FAILED, nothing left to run but the follow-up steps of a confirmed order).
 */
export type SagaPhase = 'FORWARD' | 'COMPENSATING' | 'SETTLED';

/** Every step an order shows, in display order. */
export const ALL_STEPS: readonly StepName[] = [...BOOKING_STEPS, ...FOLLOW_UP_STEPS];

export function isStepName(value: string): value is StepName {
  return (ALL_STEPS as readonly string[]).includes(value);
}

/** A step's position: its place in the saga, so steps list in the order they run. */
export function stepPosition(name: StepName): number {
  return ALL_STEPS.indexOf(name);
}

import { testTriggerOfEmail, type TestTrigger } from '#packages/testmode/index.js';
import type { OrderRecord } from '../store/OrderStore.js';
import type { StepName } from './stepNames.js';

/** The booking step each test-mode trigger fails, at the participant that owns the outcome. */
const STEP_OF_TRIGGER: Readonly<Record<TestTrigger, StepName>> = {
  out_of_stock: 'RESERVE_STOCK',
  carrier_refused: 'CREATE_SHIPMENT',
  payment_declined: 'AUTHORIZE_PAYMENT',
};

/**
 * The trigger a step passes on to its participant: only for an order placed with a test-mode key,
 * and only at the step the buyer's email tag names. A live order never carries one, whatever its
 * buyer's address says.
 */
export function testTriggerOfStep(order: Pick<OrderRecord, 'testMode' | 'buyer'>, step: StepName): TestTrigger | undefined {
  if (!order.testMode) return undefined;
  const trigger = testTriggerOfEmail(order.buyer.email);
  return trigger !== undefined && STEP_OF_TRIGGER[trigger] === step ? trigger : undefined;
}

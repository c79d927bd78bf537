import { currentTestTrigger } from '../log/index.js';

/** What a carrier sandbox says when the `carrier_refused` trigger makes it refuse a parcel. */
export const TEST_REFUSAL_MESSAGE = 'the carrier refuses this parcel (test mode: carrier_refused)';

/**
 * Whether the label being asked for must be refused: the request carries the `carrier_refused`
 * test-mode trigger. Each carrier sandbox then answers with its own code for a refused parcel,
 * the one its adapter already reads as a refusal.
 */
export function carrierRefusesInTestMode(): boolean {
  return currentTestTrigger() === 'carrier_refused';
}

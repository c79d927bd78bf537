import type { Logger } from '#packages/log/index.js';
import type { StepPatch, StepRecord } from '../store/OrderStore.js';
import type { EscrowLimits } from './decideEscrow.js';
import type { SagaStore } from './orderCopy.js';
import type { Participants } from './Participants.js';
import type { StepName } from './stepNames.js';

/** What the forward and compensating halves of the saga share. */
export interface SagaEnvironment {
  /** The run's writes: each one goes to the store and then to the run's copy of the order (orderCopy). */
  readonly store: SagaStore;
  readonly participants: Participants;
  readonly quoteKey: Buffer;
  readonly now: () => number;
  readonly logger: Logger;
  readonly maxStepAttempts: number;
  readonly maxCompensationAttempts: number;
  readonly retryBaseMs: number;
  readonly escrowLimits: EscrowLimits;
}

/** What one move of the saga came to: go on, wait until a retry is due, or nothing left to do. */
export type SagaAdvance = { readonly kind: 'continue' } | { readonly kind: 'wait'; readonly until: number } | { readonly kind: 'settled' };

export const CONTINUE: SagaAdvance = { kind: 'continue' };
export const SETTLED: SagaAdvance = { kind: 'settled' };

/** Writes a step's new state, stamped with the saga's clock. */
export function writeStep(env: SagaEnvironment, name: StepName, patch: StepPatch): Promise<void> {
  return env.store.write({ steps: [{ name, patch }] }, env.now());
}

/** Steps by name, as the store listed them. */
export function stepsByName(steps: readonly StepRecord[]): Map<StepName, StepRecord> {
  return new Map(steps.map((step) => [step.name, step]));
}

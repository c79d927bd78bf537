import type { Logger } from '#packages/log/index.js';
import type { OrderStore } from '../store/OrderStore.js';
import { advanceCompensation } from './advanceCompensation.js';
import { advanceForward } from './advanceForward.js';
import { holdLease, LeaseLostError, type HeldLease } from './holdLease.js';
import { DEFAULT_ESCROW_LIMITS, type EscrowLimits } from './decideEscrow.js';
import type { Participants } from './Participants.js';
import type { SagaAdvance, SagaEnvironment } from './SagaEnvironment.js';

export interface OrderSagaOptions {
  store: OrderStore;
  participants: Participants;
  quoteKey: Buffer;
  /** This replica's name in saga leases; unique per process. */
  owner: string;
  leaseMs: number;
  maxStepAttempts: number;
  maxCompensationAttempts: number;
  retryBaseMs: number;
  /** Above these totals (EUR) a seller of the level is escrowed all the same. Default: `DEFAULT_ESCROW_LIMITS`. */
  escrowLimits?: EscrowLimits;
  logger: Logger;
  /** The saga's clock, ms since the epoch. Default: `Date.now`. */
  now?: () => number;
}

export interface OrderSaga {
  /**
   * Runs or resumes one order's saga as far as it can go now: until it settles (CONFIRMED or
   * FAILED) or must wait for a retry, which this process then schedules itself. Never rejects.
   * A run already going on in this process is shared; an order leased by another replica is
   * left to it.
   */
  run(orderId: string): Promise<void>;
  /** The run going on in this process for an order, if any. */
  inFlight(orderId: string): Promise<void> | undefined;
  /** Stops scheduling retries and waits for the runs in flight. */
  stop(): Promise<void>;
}

/**
 * The booking saga. All its state is in the store: each move reads the order and its steps
 * again, so a run that starts after a crash picks up exactly where the last write left it.
 */
export function createOrderSaga(options: OrderSagaOptions): OrderSaga {
  const { store, owner, logger } = options;
  const now = options.now ?? Date.now;
  const env: SagaEnvironment = { ...options, escrowLimits: options.escrowLimits ?? DEFAULT_ESCROW_LIMITS, now };
  const runs = new Map<string, Promise<void>>();
  const retries = new Map<string, NodeJS.Timeout>();
  let stopping = false;

  async function advance(orderId: string, lease: HeldLease): Promise<SagaAdvance> {
    for (;;) {
      lease.check();
      // Both reads at once: one wait for the store instead of two, on every move. Only the lease
      // holder writes this order's rows, so the two reads cannot see different moments of it.
      const [order, stepsByOrder] = await Promise.all([store.getOrder(orderId), store.listSteps([orderId])]);
      if (!order || order.status !== 'PENDING') return { kind: 'settled' };
      const steps = stepsByOrder.get(orderId) ?? [];
      const move = order.phase === 'COMPENSATING' ? await advanceCompensation(env, order, steps) : await advanceForward(env, order, steps);
      if (move.kind !== 'continue') return move;
    }
  }

  async function runOnce(orderId: string): Promise<SagaAdvance | undefined> {
    if (!(await store.claimLease(orderId, owner, now(), options.leaseMs))) return undefined; // another replica runs it
    const lease = holdLease({ store, orderId, owner, ttlMs: options.leaseMs, now, logger });
    try {
      return await advance(orderId, lease);
    } finally {
      await lease.release().catch((error: unknown) => logger.warn('could not release a saga lease', { orderId, error }));
    }
  }

  function scheduleRetry(orderId: string, until: number): void {
    if (stopping) return;
    clearTimeout(retries.get(orderId));
    const timer = setTimeout(
      () => {
        retries.delete(orderId);
        void run(orderId);
      },
      Math.max(0, until - now()),
    );
    timer.unref(); // recovery also finds it; a pending retry must not keep the process alive
    retries.set(orderId, timer);
  }

  function run(orderId: string): Promise<void> {
    const existing = runs.get(orderId);
    if (existing) return existing;
    const running = (async () => {
      try {
        const move = await runOnce(orderId);
        if (move?.kind === 'wait') scheduleRetry(orderId, move.until);
      } catch (error) {
        if (error instanceof LeaseLostError) logger.warn('saga handed over to another replica', { orderId });
        else logger.error('saga run failed; recovery will resume it', { orderId, error });
      } finally {
        runs.delete(orderId);
      }
    })();
    runs.set(orderId, running);
    return running;
  }

  return {
    run,
    inFlight: (orderId) => runs.get(orderId),
    async stop() {
      stopping = true;
      for (const timer of retries.values()) clearTimeout(timer);
      retries.clear();
      await Promise.all([...runs.values()]);
    },
  };
}

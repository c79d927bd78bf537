import type { Logger } from '#packages/log/index.js';
import type { OrderRecord, OrderStore } from '../store/OrderStore.js';
import type { StepName } from './stepNames.js';
import { advanceCompensation } from './advanceCompensation.js';
import { advanceForward } from './advanceForward.js';
import { holdLease, LeaseLostError, type HeldLease } from './holdLease.js';
import { DEFAULT_ESCROW_LIMITS, type EscrowLimits } from './decideEscrow.js';
import { newStep, orderCopy, type OrderCopy } from './orderCopy.js';
import type { Participants } from './Participants.js';
import { SETTLED, type SagaAdvance, type SagaEnvironment } from './SagaEnvironment.js';

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

export interface RunOptions {
  /**
   * This replica holds the order's lease already (it took it when it created the order), so the
   * run need not claim it again. Default: false.
   */
  readonly leaseHeld?: boolean;
  /**
   * The order as this replica has just created it (`OrderStore.createOrder`), with the names of the
   * steps it was created with (all PENDING): the run starts from them instead of reading them back.
   * Nobody else writes a new order's saga fields or steps while its creator holds the lease.
   */
  readonly created?: { readonly order: OrderRecord; readonly steps: readonly StepName[] };
}

/** A run going on: `moved` once its last write is durable (what `OrderSaga.inFlight` gives), `done` once its lease is given up too. */
interface Running {
  readonly done: Promise<void>;
  readonly moved: Promise<void>;
}

export interface OrderSaga {
  /**
   * Runs or resumes one order's saga as far as it can go now: until it settles (CONFIRMED or
   * FAILED) or must wait for a retry, which this process then schedules itself. Never rejects.
   * A run already going on in this process is shared; an order leased by another replica is
   * left to it.
   */
  run(orderId: string, options?: RunOptions): Promise<void>;
  /**
   * The run going on in this process for an order, if any: it resolves once the run's last write
   * is durable (the order settled, or waits for a retry), or the run was left to another replica
   * or failed; giving the lease up comes after.
   */
  inFlight(orderId: string): Promise<void> | undefined;
  /** Stops scheduling retries and waits for the runs in flight. */
  stop(): Promise<void>;
}

/**
 * The booking saga. All its state is in the store: a run reads the order and its steps when it
 * starts and writes every change before it goes on, so a run that starts after a crash picks up
 * exactly where the last write left it.
 */
export function createOrderSaga(options: OrderSagaOptions): OrderSaga {
  const { store, owner, logger } = options;
  const now = options.now ?? Date.now;
  const env: Omit<SagaEnvironment, 'store'> = { ...options, escrowLimits: options.escrowLimits ?? DEFAULT_ESCROW_LIMITS, now };
  const runs = new Map<string, Running>();
  const retries = new Map<string, NodeJS.Timeout>();
  let stopping = false;

  /** The run's copy of the order: as just created, or read. */
  async function startingCopy(orderId: string, created: RunOptions['created']): Promise<OrderCopy | undefined> {
    if (created) {
      const { order } = created;
      const steps = created.steps.map((name) => newStep(order.id, name, 'PENDING', order.createdAt));
      return orderCopy(
        store,
        order,
        steps.sort((a, b) => a.position - b.position),
        owner,
      );
    }
    // Both reads at once: one wait for the store instead of two. Only the lease holder writes this
    // order's rows, so the two reads cannot see different moments of it, and from here on the
    // run's own writes are all that changes them (orderCopy).
    const [order, stepsByOrder] = await Promise.all([store.getOrder(orderId), store.listSteps([orderId])]);
    return order && orderCopy(store, order, stepsByOrder.get(orderId) ?? [], owner);
  }

  async function advance(copy: OrderCopy, lease: HeldLease): Promise<SagaAdvance> {
    const run: SagaEnvironment = { ...env, store: copy.store };
    for (;;) {
      lease.check();
      const current = copy.order();
      if (current.status !== 'PENDING') {
        await copy.flush(now());
        return SETTLED;
      }
      const steps = copy.steps();
      const move =
        current.phase === 'COMPENSATING' ? await advanceCompensation(run, current, steps) : await advanceForward(run, current, steps);
      if (move.kind !== 'continue') {
        await copy.flush(now()); // every move that ends a run writes last; this holds whatever did not
        return move;
      }
    }
  }

  /** `moved` is told as soon as the run's last write is durable, before the lease is given up. */
  async function runOnce(orderId: string, runOptions: RunOptions, moved: () => void): Promise<SagaAdvance | undefined> {
    if (!runOptions.leaseHeld && !(await store.claimLease(orderId, owner, now(), options.leaseMs))) return undefined; // another replica runs it
    const lease = holdLease({ store, orderId, owner, ttlMs: options.leaseMs, now, logger });
    let copy: OrderCopy | undefined;
    try {
      copy = await startingCopy(orderId, runOptions.created);
      const move = copy ? await advance(copy, lease) : SETTLED;
      moved();
      return move;
    } finally {
      // The write that settled the order gave the lease up with it: nothing left to write.
      if (copy?.leaseGivenUp()) lease.stop();
      else await lease.release().catch((error: unknown) => logger.warn('could not release a saga lease', { orderId, error }));
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

  function run(orderId: string, runOptions: RunOptions = {}): Promise<void> {
    const existing = runs.get(orderId);
    if (existing) return existing.done;
    let tellMoved: () => void = () => undefined;
    const moved = new Promise<void>((resolve) => (tellMoved = resolve));
    const done = (async () => {
      try {
        const move = await runOnce(orderId, runOptions, tellMoved);
        if (move?.kind === 'wait') scheduleRetry(orderId, move.until);
      } catch (error) {
        if (error instanceof LeaseLostError) logger.warn('saga handed over to another replica', { orderId });
        else logger.error('saga run failed; recovery will resume it', { orderId, error });
      } finally {
        tellMoved(); // no-op when told already
        runs.delete(orderId);
      }
    })();
    runs.set(orderId, { done, moved });
    return done;
  }

  return {
    run,
    inFlight: (orderId) => runs.get(orderId)?.moved,
    async stop() {
      stopping = true;
      for (const timer of retries.values()) clearTimeout(timer);
      retries.clear();
      await Promise.all([...runs.values()].map((running) => running.done));
    },
  };
}

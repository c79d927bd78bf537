import type { OrderChange, OrderRecord, OrderStore, StepRecord } from '../store/OrderStore.js';
import { stepPosition, type StepName, type StepStatus } from './stepNames.js';

/** How a saga run writes its order. */
export interface SagaStore {
  /** Writes the change, with any change held back (`writeLater`), in one transaction; resolves once it is durable. */
  write(change: OrderChange, now: number): Promise<void>;
  /**
   * Holds the change back to go with the next `write`. Only for a change that a crash may lose
   * because the saga would redo what it records: a finished step's outcome (its participant
   * answers a repeat with the same idempotency key in the same way), a local step's.
   */
  writeLater(change: OrderChange, now: number): void;
}

/** An order and its steps as one saga run holds them between its moves. */
export interface OrderCopy {
  readonly store: SagaStore;
  order(): OrderRecord;
  /** In position order, as the store lists them. */
  steps(): readonly StepRecord[];
  /** Writes what is held back, if anything. */
  flush(now: number): Promise<void>;
  /** True once a write settled the order and gave the saga lease up with it (`leaseOwner`). */
  leaseGivenUp(): boolean;
}

/**
 * A saga run's copy of its order, kept as the store holds it by applying the run's own writes to
 * it. Only the lease holder writes an order's saga fields and steps, so the run need not read them
 * back after every move: one read when the run starts (after a crash it starts from the store, as
 * ever), then one wait for the store per write. A step's outcome goes with the write that starts
 * the next step (or settles the order), so each participant call costs one write, not two, and a
 * crash between the two loses nothing a crash right after the call would not. Columns written by
 * others meanwhile (a marketplace's status callback) are not in the copy; the saga neither reads
 * nor writes them.
 */
export function orderCopy(
  store: Pick<OrderStore, 'saveChange'>,
  order: OrderRecord,
  steps: readonly StepRecord[],
  /**
   * The run's lease owner: the write that settles the order (CONFIRMED or FAILED) gives the lease up
   * in the same statement, instead of a write of its own after it. Default: the lease is left alone.
   */
  leaseOwner?: string,
): OrderCopy {
  let current = order;
  let currentSteps = [...steps];
  let held: OrderChange | undefined;
  let givenUp = false;

  const apply = (change: OrderChange, now: number) => {
    for (const { name, patch } of change.steps ?? []) {
      currentSteps = currentSteps.map((step) => (step.name === name ? { ...step, ...definedOf(patch), updatedAt: now } : step));
    }
    if (change.order) current = { ...current, ...definedOf(change.order), updatedAt: now };
    const known = new Set(currentSteps.map((step) => step.name));
    const added = (change.addSteps ?? []).filter((step) => !known.has(step.name));
    if (added.length > 0) {
      const fresh = added.map((step) => newStep(order.id, step.name, step.status, now));
      currentSteps = [...currentSteps, ...fresh].sort((a, b) => a.position - b.position);
    }
  };

  const write = async (change: OrderChange, now: number) => {
    const all = held ? merged(held, change) : change;
    const settles = all.order?.status !== undefined && all.order.status !== 'PENDING';
    await store.saveChange(order.id, settles && leaseOwner !== undefined ? { ...all, releaseLeaseOf: leaseOwner } : all, now);
    held = undefined;
    if (settles && leaseOwner !== undefined) givenUp = true;
    apply(all, now); // what was held back is stamped with this write's instant, as the store has it
  };

  return {
    order: () => current,
    steps: () => currentSteps,
    flush: (now) => (held ? write({}, now) : Promise.resolve()),
    leaseGivenUp: () => givenUp,
    store: {
      write,
      writeLater(change, now) {
        held = held ? merged(held, change) : change;
        apply(change, now);
      },
    },
  };
}

/** `later` after `earlier`: a step named in both gets both patches, the later one winning. */
function merged(earlier: OrderChange, later: OrderChange): OrderChange {
  const steps = new Map<StepName, NonNullable<OrderChange['steps']>[number]['patch']>();
  for (const { name, patch } of [...(earlier.steps ?? []), ...(later.steps ?? [])]) steps.set(name, { ...steps.get(name), ...patch });
  return {
    steps: [...steps].map(([name, patch]) => ({ name, patch })),
    ...((earlier.order ?? later.order) && { order: { ...earlier.order, ...later.order } }),
    addSteps: [...(earlier.addSteps ?? []), ...(later.addSteps ?? [])],
    events: [...(earlier.events ?? []), ...(later.events ?? [])],
  };
}

/** A step as `addSteps` (and `createOrder`, all PENDING) writes it. */
export function newStep(orderId: string, name: StepName, status: StepStatus, now: number): StepRecord {
  return {
    orderId,
    name,
    position: stepPosition(name),
    status,
    attempt: 0,
    compensationAttempt: 0,
    startedAt: null,
    finishedAt: null,
    updatedAt: now,
    result: null,
    error: null,
  };
}

/** A patch's fields that change something: as in the stores' assignments, `undefined` leaves a column as it is. */
function definedOf<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

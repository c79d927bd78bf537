import type { OrderEvent } from '#packages/events/index.js';
import type { OrderPatch, OrderRecord, OrderStore, StepPatch, StepRecord } from '../store/OrderStore.js';
import { stepPosition, type StepName, type StepStatus } from './stepNames.js';

/** The writes a saga run makes to its order. */
export type SagaStore = Pick<OrderStore, 'updateOrder' | 'updateStep' | 'finishStep' | 'addSteps'>;

/** An order and its steps as one saga run holds them between its moves. */
export interface OrderCopy {
  /** Writes to the store, then, once the store has the write, to this copy. */
  readonly store: SagaStore;
  order(): OrderRecord;
  /** In position order, as the store lists them. */
  steps(): readonly StepRecord[];
}

/**
 * A saga run's copy of its order, kept as the store holds it by applying the run's own writes to
 * it once each is durable. Only the lease holder writes an order's saga fields and steps, so the
 * run need not read them back after every move: one read when the run starts (after a crash it
 * starts from the store, as ever), then one wait for the store per write instead of one per write
 * and one per move. Columns written by others meanwhile (a marketplace's status callback) are not
 * in the copy; the saga neither reads nor writes them.
 */
export function orderCopy(store: SagaStore, order: OrderRecord, steps: readonly StepRecord[]): OrderCopy {
  let current = order;
  let currentSteps = [...steps];

  const patchOrder = (patch: OrderPatch, now: number) => {
    current = { ...current, ...definedOf(patch), updatedAt: now };
  };
  const patchStep = (name: StepName, patch: StepPatch, now: number) => {
    currentSteps = currentSteps.map((step) => (step.name === name ? { ...step, ...definedOf(patch), updatedAt: now } : step));
  };

  return {
    order: () => current,
    steps: () => currentSteps,
    store: {
      async updateOrder(id: string, patch: OrderPatch, now: number, events?: readonly OrderEvent[]) {
        await store.updateOrder(id, patch, now, events);
        patchOrder(patch, now);
      },
      async updateStep(orderId: string, name: StepName, patch: StepPatch, now: number, events?: readonly OrderEvent[]) {
        await store.updateStep(orderId, name, patch, now, events);
        patchStep(name, patch, now);
      },
      async finishStep(orderId: string, name: StepName, patch: StepPatch, orderPatch: OrderPatch, now: number) {
        await store.finishStep(orderId, name, patch, orderPatch, now);
        patchStep(name, patch, now);
        patchOrder(orderPatch, now);
      },
      async addSteps(orderId: string, added: ReadonlyArray<{ name: StepName; status: StepStatus }>, now: number) {
        await store.addSteps(orderId, added, now);
        const known = new Set(currentSteps.map((step) => step.name));
        const fresh = added.filter((step) => !known.has(step.name)).map((step) => newStep(orderId, step.name, step.status, now));
        currentSteps = [...currentSteps, ...fresh].sort((a, b) => a.position - b.position);
      },
    },
  };
}

/** A step as `addSteps` writes it. */
function newStep(orderId: string, name: StepName, status: StepStatus, now: number): StepRecord {
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

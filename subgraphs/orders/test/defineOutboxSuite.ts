import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderEvent, OutboxReader } from '#packages/events/index.js';
import type { OrderStore } from '../src/store/OrderStore.js';
import { newOrder } from './orderFixtures.js';

export interface OutboxUnderTest {
  readonly store: OrderStore;
  /** The outbox as another service's reader opens it. */
  readonly reader: OutboxReader;
  dispose(): Promise<void>;
}

const failedEvent = (orderId: string, id: string = randomUUID()): OrderEvent => ({
  id,
  type: 'order.failed',
  version: 1,
  orderId,
  occurredAt: '2026-12-01T10:00:00.000Z',
  data: { step: 'RESERVE_STOCK', code: 'OUT_OF_STOCK', message: 'none left', failedAt: '2026-12-01T10:00:00.000Z' },
});

/** The transactional outbox on a store, and the relay's reader of it, run against SQLite and PostgreSQL alike. */
export function defineOutboxSuite(name: string, open: () => Promise<OutboxUnderTest | undefined>): void {
  describe(`${name} order events outbox`, () => {
    let subject: OutboxUnderTest | undefined;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => {
      await subject?.dispose();
    });

    it('writes an event with its state change, and neither when the event cannot be written', async (context) => {
      if (!subject) return context.skip();
      const { store } = subject;
      const draft = newOrder();
      await store.createOrder(draft);
      const event = failedEvent(draft.id);
      await store.updateOrder(draft.id, { status: 'FAILED', phase: 'SETTLED' }, 10, [event]);
      const written = await store.listEvents(0, 10_000);
      expect(written.find((row) => row.event.id === event.id)?.event).toEqual(event);

      const other = newOrder();
      await store.createOrder(other);
      // The same event id again breaks the outbox's unique index: the order must not change either.
      await expect(
        store.updateOrder(other.id, { status: 'CONFIRMED', phase: 'SETTLED' }, 11, [failedEvent(other.id, event.id)]),
      ).rejects.toThrow();
      expect((await store.getOrder(other.id))?.status).toBe('PENDING');
      await expect(store.updateStep(other.id, 'VERIFY_QUOTE', { status: 'DONE' }, 12, [failedEvent(other.id, event.id)])).rejects.toThrow();
      expect((await store.listSteps([other.id])).get(other.id)?.[0]?.status).toBe('PENDING');
    });

    it('never lets a reader following the stream skip an event while many changes commit at once', async (context) => {
      if (!subject) return context.skip();
      const { store } = subject;
      const start = (await store.listEvents(0, 100_000)).at(-1)?.seq ?? 0;
      const drafts = Array.from({ length: 48 }, () => newOrder());
      for (const draft of drafts) await store.createOrder(draft);
      const written = drafts.map((draft) => [failedEvent(draft.id), failedEvent(draft.id)] as const);
      let writing = true;
      const seen: string[] = [];
      const follow = (async () => {
        for (let after = start; writing || seen.length < written.length * 2;) {
          const batch = await store.listEvents(after, 1_000);
          for (const row of batch) seen.push(row.event.id);
          after = batch.at(-1)?.seq ?? after;
          if (!writing && batch.length === 0) break;
        }
      })();
      await Promise.all(drafts.map((draft, i) => store.updateOrder(draft.id, { status: 'FAILED', phase: 'SETTLED' }, 20 + i, written[i])));
      writing = false;
      await follow;
      expect(new Set(seen)).toEqual(new Set(written.flat().map((event) => event.id)));
      expect(seen).toHaveLength(written.length * 2);
      for (const [first, second] of written) expect(seen.indexOf(first.id)).toBeLessThan(seen.indexOf(second.id));
    });

    it('hands a reader every event once in order, keeps its place, and hands a batch again when delivery fails', async (context) => {
      if (!subject) return context.skip();
      const { store, reader } = subject;
      const draft = newOrder();
      await store.createOrder(draft);
      const events = Array.from({ length: 5 }, () => failedEvent(draft.id));
      for (const [i, event] of events.entries()) await store.updateOrder(draft.id, {}, 20 + i, [event]);
      const name = `reader_${randomUUID().slice(0, 8)}`;
      const seen: string[] = [];
      await expect(reader.deliverNext(name, 10_000, async () => Promise.reject(new Error('reader down')))).rejects.toThrow('reader down');
      expect(await reader.positionOf(name)).toBe(0);
      while ((await reader.deliverNext(name, 2, async (rows) => void seen.push(...rows.map((row) => row.id)))) > 0);
      const ours = seen.filter((id) => events.some((event) => event.id === id));
      expect(ours).toEqual(events.map((event) => event.id));
      expect(new Set(seen).size).toBe(seen.length);
      expect(await reader.positionOf(name)).toBeGreaterThan(0);
      expect(await reader.deliverNext(name, 10, async () => undefined)).toBe(0);
    });

    it('marks what the JetStream relay published, and offers only the rest again', async (context) => {
      if (!subject) return context.skip();
      const { store, reader } = subject;
      const draft = newOrder();
      await store.createOrder(draft);
      await store.updateOrder(draft.id, {}, 30, [failedEvent(draft.id)]);
      await expect(reader.publishNext(10_000, async () => Promise.reject(new Error('nats down')))).rejects.toThrow('nats down');
      const published: number[] = [];
      while ((await reader.publishNext(3, async (rows) => void published.push(...rows.map((row) => row.seq)))) > 0);
      expect(published.length).toBeGreaterThan(0);
      expect([...published].sort((a, b) => a - b)).toEqual(published);
      expect(await reader.publishNext(10, async () => undefined)).toBe(0);
    });
  });
}

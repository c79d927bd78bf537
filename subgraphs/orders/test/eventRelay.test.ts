import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createJetStreamTransport,
  createOutboxTransport,
  createSqliteOutboxReader,
  MalformedEventError,
  startJetStreamPublisher,
  type DeadLetter,
  type EventReader,
  type EventTransport,
  type OrderEvent,
} from '#packages/events/index.js';
import { createLogger } from '#packages/log/index.js';
import { createSqliteOrderStore } from '../src/store/createSqliteOrderStore.js';
import type { OrderStore } from '../src/store/OrderStore.js';
import { newOrder } from './orderFixtures.js';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const logger = createLogger('orders', { level: process.env.TEST_LOG === '1' ? 'debug' : 'silent' });

async function natsProblem(): Promise<string | undefined> {
  try {
    const connection = await connect({ servers: NATS_URL, timeout: 2_000, reconnect: false });
    await connection.close();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
const natsMissing = await natsProblem();
if (natsMissing !== undefined && process.env.CI !== 'true')
  console.warn(`SKIPPING the JetStream relay tests: no NATS at ${NATS_URL} (${natsMissing})`);

/** A reader that records what it got, refuses one event as malformed, and fails its first delivery if asked. */
function recordingReader(refuseId?: string, failFirst = false): EventReader & { got: OrderEvent[]; dead: DeadLetter[] } {
  let failures = failFirst ? 1 : 0;
  const got: OrderEvent[] = [];
  const dead: DeadLetter[] = [];
  return {
    name: `reader_${randomUUID().slice(0, 8)}`,
    got,
    dead,
    async handle(events) {
      if (failures-- > 0) throw new Error('reader store down');
      const refused = events.find((event) => event.id === refuseId);
      if (refused) throw new MalformedEventError(refused.id, 'no rate for its currency');
      for (const event of events) if (!got.some((seen) => seen.id === event.id)) got.push(event);
    },
    async deadLetter(letter) {
      dead.push(letter);
    },
  };
}

const failed = (orderId: string, n: number): OrderEvent => ({
  id: randomUUID(),
  type: 'order.failed',
  version: 1,
  orderId,
  occurredAt: new Date(1_800_000_000_000 + n).toISOString(),
  data: { step: 'RESERVE_STOCK', code: 'OUT_OF_STOCK', message: `try ${n}`, failedAt: new Date(1_800_000_000_000 + n).toISOString() },
});

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the order event relay', () => {
  let dir: string;
  let file: string;
  let store: OrderStore;
  const orderId = `ord_${randomUUID()}`;
  const events = Array.from({ length: 30 }, (_, n) => failed(orderId, n));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orders-relay-'));
    file = join(dir, 'orders.sqlite');
    store = createSqliteOrderStore({ file });
    await store.migrate();
    await store.createOrder(newOrder({ id: orderId }));
    for (const [n, event] of events.entries()) await store.updateOrder(orderId, {}, n, [event]);
    // A malformed event that reached the outbox (written by hand: the saga cannot write one).
    const raw = (await import('better-sqlite3')).default(file);
    raw
      .prepare('INSERT INTO order_events (id, order_id, type, version, occurred_at, payload) VALUES (?, ?, ?, 1, 0, ?)')
      .run('bad-1', orderId, 'order.failed', '{"id":"bad-1","type":"order.failed","version":1}');
    raw.close();
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function deliversEverything(transport: EventTransport): Promise<void> {
    const refused = events[7]!.id;
    const reader = recordingReader(refused, true);
    const running = await transport.start(reader);
    try {
      await until(() => reader.got.length === events.length - 1 && reader.dead.length === 2, 'every event').catch((error: unknown) => {
        throw new Error(`${String(error)}: got ${reader.got.length}, dead ${JSON.stringify(reader.dead)}`);
      });
      expect(reader.got.map((event) => event.id)).toEqual(events.filter((event) => event.id !== refused).map((event) => event.id));
      expect(reader.dead.map((letter) => [letter.eventId, letter.error.length > 0])).toEqual(
        expect.arrayContaining([
          ['bad-1', true],
          [refused, true],
        ]),
      );
      expect(reader.dead.find((letter) => letter.eventId === refused)?.error).toBe('no rate for its currency');
      expect(reader.dead.find((letter) => letter.eventId === 'bad-1')?.error).toMatch(/orderId|occurredAt|data/);
    } finally {
      await running.stop();
    }
  }

  it('by default, polls the outbox: every event once, in order, after a failed first delivery; malformed ones dead-lettered', async () => {
    const transport = createOutboxTransport({ outbox: createSqliteOutboxReader({ file }), intervalMs: 20, batchSize: 8, logger });
    try {
      await deliversEverything(transport);
    } finally {
      await transport.close();
    }
  });

  it.skipIf(natsMissing !== undefined && process.env.CI !== 'true')(
    'with NATS_URL, goes through a durable JetStream stream and consumer: the same guarantees',
    async () => {
      expect(natsMissing, `NATS at ${NATS_URL} (required in CI)`).toBeUndefined();
      const names = { stream: `TEST_EVENTS_${randomUUID().slice(0, 8)}`, subjectPrefix: `test.${randomUUID().slice(0, 8)}` };
      const publisher = await startJetStreamPublisher({
        url: NATS_URL,
        outbox: createSqliteOutboxReader({ file }),
        names,
        intervalMs: 20,
        logger,
      });
      const transport = await createJetStreamTransport({ url: NATS_URL, names, batchSize: 8, fetchWaitMs: 1_000, logger });
      try {
        await deliversEverything(transport);
        // Publishing again (a crash before marking) changes nothing for readers: the stream drops the copies.
        expect(await publisher.publishWaiting()).toBe(0);
      } finally {
        await transport.close();
        await publisher.stop();
        const connection = await connect({ servers: NATS_URL });
        await (await connection.jetstreamManager()).streams.delete(names.stream).catch(() => undefined);
        await connection.close();
      }
    },
    60_000,
  );
});

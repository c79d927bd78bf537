import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCache } from '#packages/cache/index.js';
import { createLogger } from '#packages/log/index.js';
import { parseMoney } from '#packages/money/index.js';
import { listen, type RunningServer } from '#packages/server/index.js';
import { startSandbox, type TestSandbox } from '#test/support/startSandbox.js';
import { listingIdOf, listings } from '#upstreams/ke-soko/catalog.js';
import { sokoSandbox } from '#upstreams/ke-soko/createSokoSandbox.js';
import { signCallback } from '#upstreams/ke-soko/credentials.js';
import type { ConnectorMarketplace } from '../../src/adapters/connector/ConnectorMarketplace.js';
import {
  createStatusCallbackRoute,
  STATUS_CALLBACK_PATH,
  type MarketplaceOrderStatus,
} from '../../src/adapters/connector/createStatusCallbackRoute.js';
import type { MarketplaceAdapter } from '../../src/adapters/ports.js';
import { CONNECTOR_ADAPTER } from '../../src/adapters/registry.js';

const silent = createLogger('test', { level: 'silent' });
const marketplace = { id: 'ke-soko', name: 'Soko', country: 'KE', currency: 'KES', continent: 'AFRICA' } as const;

/**
 * Soko, the sandbox written only against the protocol, sends the signed status callbacks of an
 * order the connector adapter placed to the catalog's receiver, over real HTTP both ways.
 */
describe('connector status callbacks', () => {
  let sandbox: TestSandbox;
  let receiver: RunningServer;
  let adapter: MarketplaceAdapter;
  const received: MarketplaceOrderStatus[] = [];
  let callbackUrl: string;

  beforeAll(async () => {
    sandbox = await startSandbox(sokoSandbox);
    const entry: ConnectorMarketplace = {
      marketplace,
      baseUrl: sandbox.url,
      credentials: {
        scheme: 'hmac',
        keyId: sokoSandbox.clientEnvironment?.KE_SOKO_KEY_ID ?? '',
        secret: sokoSandbox.clientEnvironment?.KE_SOKO_SECRET ?? '',
      },
    };
    const route = createStatusCallbackRoute({
      connector: (id) => (id === marketplace.id ? entry : undefined),
      seen: createMemoryCache().withPrefix('catalog:connector-callback'),
      onStatus: async (status) => void received.push(status),
      logger: silent,
    });
    receiver = await listen(
      createServer((request, response) => void route(request, response)),
      '127.0.0.1',
      0,
    );
    callbackUrl = `${receiver.url}${STATUS_CALLBACK_PATH}`;
    adapter = CONNECTOR_ADAPTER.create(entry, { logger: silent, upstreamTimeoutMs: 5_000, statusCallbackUrl: callbackUrl });
  });

  afterAll(async () => {
    await adapter?.close();
    await receiver?.close();
    await sandbox?.close();
  });

  /** What a marketplace sends: signed with Soko's key, at `now`. */
  const send = (body: unknown, { now = Date.now(), marketplaceId = 'ke-soko', tamper = false } = {}) => {
    const target = `${STATUS_CALLBACK_PATH}?marketplace=${marketplaceId}`;
    const text = JSON.stringify(body);
    const headers = signCallback(target, text, now);
    if (tamper) headers['x-connector-signature'] = headers['x-connector-signature']!.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    return fetch(receiver.url + target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
  };
  const event = { eventId: 'EV-test-1', orderId: 'SO-1', status: 'SHIPPED', occurredAt: '2026-12-01T09:30:00Z' };

  it('receives the signed status of an order placed with a callbackUrl, then its cancellation', async () => {
    const listing = listings.find((candidate) => candidate.stock >= 1)!;
    const hold = await adapter.reserveStock({ offerNativeId: listingIdOf(listing), quantity: 1, idempotencyKey: 'cb-hold-1' });
    const order = await adapter.placeOrder({
      reservationNativeId: hold.nativeId,
      expectedUnitPrice: parseMoney((listing.priceMinor / 100).toFixed(2), 'KES'),
      buyer: { name: 'Ada Buyer', country: 'DE' },
      idempotencyKey: 'cb-order-1',
    });
    await expect.poll(() => received.filter((status) => status.orderNativeId === order.nativeId), { timeout: 15_000 }).toHaveLength(1);
    expect(received.find((status) => status.orderNativeId === order.nativeId)).toMatchObject({
      marketplaceId: 'ke-soko',
      status: 'PLACED',
    });

    await adapter.cancelOrder({ orderNativeId: order.nativeId, idempotencyKey: 'cb-cancel-1' });
    await expect
      .poll(() => received.find((status) => status.orderNativeId === order.nativeId && status.status === 'CANCELLED'), { timeout: 15_000 })
      .toMatchObject({ cancelledBy: 'BUYER' });
  });

  it('applies an event id once, answering 204 to the repeat', async () => {
    const before = received.length;
    expect((await send({ ...event, eventId: 'EV-once' })).status).toBe(204);
    expect((await send({ ...event, eventId: 'EV-once' })).status).toBe(204);
    expect(received.length).toBe(before + 1);
  });

  it('refuses a forged signature, a replayed timestamp and an unknown marketplace, applying none', async () => {
    const before = received.length;
    const forged = await send({ ...event, eventId: 'EV-forged' }, { tamper: true });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'signature does not match' } });

    const replayed = await send({ ...event, eventId: 'EV-replayed' }, { now: Date.now() - 10 * 60_000 });
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('300-second window') },
    });

    const stranger = await send({ ...event, eventId: 'EV-stranger' }, { marketplaceId: 'ng-nowhere' });
    expect(stranger.status).toBe(404);
    expect(received.length).toBe(before);
  });

  it('names the field of a signed body that is not a status event', async () => {
    const response = await send({ ...event, eventId: 'EV-bad', status: 'LOST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'INVALID_REQUEST', message: expect.stringMatching(/^status:/) } });
  });
});

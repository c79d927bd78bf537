import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSubgraphs, type FakeSubgraphs } from '#gateway/test/support/startFakeSubgraphs.js';
import { startTestGateway, type TestGateway } from '#gateway/test/support/startTestGateway.js';
import { createTradegraphClient, TradegraphError } from '../index.js';

const MARKETPLACES = parse('query Marketplaces { marketplaces { id } }') as TypedDocumentNode<
  { marketplaces: Array<{ id: string }> },
  Record<string, never>
>;
const MY_ORDERS = parse('query MyOrders { myOrders }') as TypedDocumentNode<{ myOrders: string[] }, Record<string, never>>;
const BOOK = parse('mutation Book($offerId: ID!) { placeOrder(offerId: $offerId) }') as TypedDocumentNode<
  { placeOrder: string },
  { offerId: string }
>;
// A query of the fake shop that anyone may run, with its own name so the APQ test starts from an unknown hash.
const MARKETPLACE_NAMES = parse('query OpenMarketplaces { marketplaces { id name } }') as TypedDocumentNode<
  { marketplaces: Array<{ id: string; name: string }> },
  Record<string, never>
>;

const FAST_RETRIES = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };

/** Every request body the client sent, through the real fetch. */
function recordingFetch(bodies: Array<Record<string, unknown>>): typeof fetch {
  return async (input, init) => {
    bodies.push(JSON.parse(init?.body as string) as Record<string, unknown>);
    return fetch(input, init);
  };
}

describe('the client against a gateway', () => {
  let subgraphs: FakeSubgraphs;
  let gateway: TestGateway;
  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
    gateway = await startTestGateway(subgraphs.supergraphPath);
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraphs?.close();
  });

  it('sends the hash alone once the gateway knows the document (APQ)', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    const client = createTradegraphClient({ url: gateway.url, fetch: recordingFetch(bodies) });
    const first = await client.request(MARKETPLACE_NAMES, {});
    expect(first.marketplaces.length).toBeGreaterThan(0);
    // unknown hash: refused, then sent with its document
    expect(bodies.map((body) => 'query' in body)).toEqual([false, true]);
    await client.request(MARKETPLACE_NAMES, {});
    expect(bodies.map((body) => 'query' in body)).toEqual([false, true, false]);
    expect(
      bodies.every(
        (body) => typeof (body.extensions as { persistedQuery?: { sha256Hash?: string } }).persistedQuery?.sha256Hash === 'string',
      ),
    ).toBe(true);
  });

  it('throws a TradegraphError with the status and code the gateway answered', async () => {
    const client = createTradegraphClient({ url: gateway.url });
    const error = await client.request(MY_ORDERS, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TradegraphError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});

describe('retries and idempotency keys', () => {
  /** A GraphQL endpoint that answers 503 to the first `failures` requests, then echoes what it got. */
  let server: Server;
  let url: string;
  let failures = 0;
  const received: Array<{ query?: string; variables?: Record<string, unknown> }> = [];
  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query?: string; variables?: Record<string, unknown> };
        received.push(body);
        response.setHeader('content-type', 'application/json');
        if (failures > 0) {
          failures--;
          response.statusCode = 503;
          response.end(JSON.stringify({ errors: [{ message: 'restarting', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
          return;
        }
        const placeOrder = body.query?.includes('placeOrder') ? { order: null, userErrors: [] } : undefined;
        response.end(JSON.stringify({ data: placeOrder ? { placeOrder } : { marketplaces: [{ id: 'br-feira' }], placeOrder: 'order' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('retries a query after 503s, with backoff, until it answers', async () => {
    received.length = 0;
    failures = 2;
    const client = createTradegraphClient({ url, apq: false, retry: FAST_RETRIES });
    expect(await client.request(MARKETPLACES, {})).toMatchObject({ marketplaces: [{ id: 'br-feira' }] });
    expect(received).toHaveLength(3);
  });

  it('gives up after its retries, and never retries a mutation', async () => {
    const client = createTradegraphClient({ url, apq: false, retry: FAST_RETRIES });
    received.length = 0;
    failures = 5;
    await expect(client.request(MARKETPLACES, {})).rejects.toMatchObject({ status: 503 });
    expect(received).toHaveLength(3);
    received.length = 0;
    failures = 1;
    await expect(client.request(BOOK, { offerId: 'offer-1' })).rejects.toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(received).toHaveLength(1);
    failures = 0;
  });

  it("makes placeOrder's idempotency key when the caller gives none, and keeps the caller's", async () => {
    const client = createTradegraphClient({ url, apq: false });
    const input = {
      quoteId: 'q1',
      buyer: {
        name: 'Lena',
        email: 'lena@example.com',
        address: { line1: 'Torstraße 10', city: 'Berlin', postalCode: '10119', country: 'DE' as const },
      },
      payment: { method: 'CARD' as const },
    };
    received.length = 0;
    const made = await client.placeOrder(input);
    const again = await client.placeOrder(input);
    const given = await client.placeOrder({ ...input, idempotencyKey: 'order-of-cart-42' });
    expect(made.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(again.idempotencyKey).not.toBe(made.idempotencyKey);
    expect(given.idempotencyKey).toBe('order-of-cart-42');
    expect(received.map((body) => (body.variables?.input as { idempotencyKey?: string }).idempotencyKey)).toEqual([
      made.idempotencyKey,
      again.idempotencyKey,
      'order-of-cart-42',
    ]);
  });
});

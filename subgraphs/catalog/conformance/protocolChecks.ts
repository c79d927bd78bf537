import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamError } from '#packages/errors/index.js';
import { createLogger } from '#packages/log/index.js';
import { toDecimalString } from '#packages/money/index.js';
import { createConnectorClient } from '../src/adapters/connector/createConnectorClient.js';
import { ErrorBody, Hold, Info, Order, OrderStatusEvent, SearchPage } from '../src/adapters/connector/protocol.js';
import { signRequest, verifySignature } from '../src/adapters/connector/signRequest.js';
import type { CheckContext, ConformanceCheck } from './ConformanceCheck.js';

const CALLBACK_WAIT_MS = 5_000;

/** A raw request to the marketplace, signed (or not) as the check wants, answered as status and JSON. */
async function send(context: CheckContext, path: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(context.subject.connector!.baseUrl + path, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

const target = (context: CheckContext, path: string) => new URL(context.subject.connector!.baseUrl).pathname.replace(/\/$/, '') + path;

function assertError(answer: { status: number; body: unknown }, status: number, code: string, what: string): void {
  assert.equal(answer.status, status, `${what}: HTTP status`);
  const parsed = ErrorBody.safeParse(answer.body);
  assert.ok(parsed.success, `${what}: the body is not the protocol's error envelope: ${JSON.stringify(answer.body).slice(0, 200)}`);
  assert.equal(parsed.data.error.code, code, `${what}: error code`);
}

/** What only a connector marketplace must do: the protocol's own rules, beyond what the adapter port shows. */
export const PROTOCOL_CHECKS: readonly ConformanceCheck[] = [
  {
    name: 'describes itself at /info as its configuration does, in protocol version 1',
    group: 'protocol',
    async run({ subject, adapter }) {
      const connector = subject.connector!;
      const client = createConnectorClient(connector, { logger: createLogger('conformance', { level: 'silent' }), timeoutMs: 10_000 });
      try {
        const info = await client.call({ operation: 'getInfo', method: 'GET', path: '/info', answer: Info });
        const { name, country, currency, continent } = adapter.marketplace;
        assert.deepEqual(
          { name: info.name, country: info.country, currency: info.currency, continent: info.continent },
          { name, country, currency, continent },
        );
      } finally {
        await client.close();
      }
    },
  },
  {
    name: 'refuses an unsigned request, a stale timestamp and a signature made for another request with 401 UNAUTHENTICATED',
    group: 'protocol',
    async run(context) {
      const credentials = context.subject.connector!.credentials;
      const path = `/listings/search?${new URLSearchParams({ q: context.subject.query, limit: '1' }).toString()}`;
      assertError(await send(context, path, {}), 401, 'UNAUTHENTICATED', 'without credentials');
      if (credentials.scheme === 'hmac') {
        const request = { method: 'GET', target: target(context, path), body: '' };
        const stale = signRequest(credentials, request, Date.now() - 10 * 60_000);
        assertError(await send(context, path, stale), 401, 'UNAUTHENTICATED', 'signed ten minutes ago');
        const elsewhere = signRequest(credentials, { ...request, target: target(context, '/listings/search?q=other&limit=1') });
        assertError(await send(context, path, elsewhere), 401, 'UNAUTHENTICATED', 'signed for another query');
      } else {
        assertError(await send(context, path, { authorization: 'Bearer not-a-token' }), 401, 'UNAUTHENTICATED', 'with a made-up token');
      }
    },
  },
  {
    name: 'answers a malformed request with 400 INVALID_REQUEST in the error envelope',
    group: 'protocol',
    async run({ subject }) {
      const client = createConnectorClient(subject.connector!, {
        logger: createLogger('conformance', { level: 'silent' }),
        timeoutMs: 10_000,
      });
      try {
        // The client reads a refusal strictly: an answer outside the envelope would be a bad-response instead.
        const error = await client
          .call({ operation: 'searchListings', method: 'GET', path: '/listings/search?limit=1', answer: SearchPage })
          .then(
            () => assert.fail('a search without q was answered'),
            (e: unknown) => e,
          );
        assert.ok(error instanceof UpstreamError, String(error));
        assert.equal(error.status, 400, error.message);
        assert.match(error.message, /INVALID_REQUEST/);
      } finally {
        await client.close();
      }
    },
  },
  {
    name: 'tells each seller’s verification, rating on its own scale and dispatch address',
    group: 'protocol',
    async run({ adapter, walk }) {
      const ids = [...new Set(walk.offers.map((offer) => offer.seller.nativeId))].slice(0, 50);
      const sellers = await adapter.getSellers(ids);
      assert.equal(sellers.size, ids.length, 'every seller of the matches has a profile');
      for (const seller of sellers.values()) {
        const { profile } = seller;
        assert.ok(profile, `seller ${seller.nativeId} has no profile`);
        assert.equal(
          profile.verification.verifiedAt === undefined,
          profile.verification.level === 'NONE',
          `seller ${seller.nativeId}: verifiedAt exactly when verified`,
        );
      }
    },
  },
  {
    name: 'calls back an order’s status changes (placed, cancelled), signed with the shared secret',
    group: 'protocol',
    needs: 'callbacks',
    async run(context) {
      const connector = context.subject.connector!;
      const credentials = connector.credentials;
      if (credentials.scheme !== 'hmac') throw new Error('needs the signing secret');
      const received: Array<{ verdict: ReturnType<typeof verifySignature>; body: string }> = [];
      const server = createServer((request: IncomingMessage, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        request.on('end', () => {
          received.push({
            verdict: verifySignature(credentials, request.headers, { method: request.method ?? '', target: request.url ?? '', body }),
            body,
          });
          response.statusCode = 204;
          response.end();
        });
      }).listen(0, '127.0.0.1');
      await once(server, 'listening');
      const callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tradegraph/callbacks`;
      const client = createConnectorClient(connector, { logger: createLogger('conformance', { level: 'silent' }), timeoutMs: 10_000 });
      try {
        const offer = context.takeStocked();
        const key = `callback-${Math.random().toString(36).slice(2)}`;
        const hold = await client.call({
          operation: 'createHold',
          method: 'POST',
          path: '/holds',
          idempotencyKey: `${key}-hold`,
          body: { listingId: offer.nativeId, quantity: 1 },
          answer: Hold,
        });
        const expectedUnitPrice = { amount: toDecimalString(offer.price), currency: offer.price.currency };
        const body = { holdId: hold.id, expectedUnitPrice, buyer: { name: 'Erika Mustermann', country: 'DE' }, callbackUrl };
        const order = await client.call({
          operation: 'placeOrder',
          method: 'POST',
          path: '/orders',
          idempotencyKey: `${key}-order`,
          body,
          answer: Order,
        });
        await client.call({
          operation: 'cancelOrder',
          method: 'POST',
          path: '/orders/cancel',
          idempotencyKey: `${key}-cancel`,
          body: { orderId: order.id },
          answer: Order,
        });
        const deadline = Date.now() + CALLBACK_WAIT_MS;
        while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(received.length, 2, `callbacks received within ${CALLBACK_WAIT_MS} ms`);
        const events = received.map(({ verdict, body: text }) => {
          assert.deepEqual(verdict, { ok: true }, 'the callback signature');
          const event = OrderStatusEvent.safeParse(JSON.parse(text));
          assert.ok(event.success, `not an OrderStatusEvent: ${text.slice(0, 200)}`);
          return event.data;
        });
        assert.deepEqual(
          events.map((event) => [event.orderId, event.status]),
          [
            [order.id, 'PLACED'],
            [order.id, 'CANCELLED'],
          ],
        );
        assert.notEqual(events[0]!.eventId, events[1]!.eventId, 'each event has its own id');
      } finally {
        await client.close();
        server.close();
      }
    },
  },
];

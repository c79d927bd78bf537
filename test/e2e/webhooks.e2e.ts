import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { verifyWebhookSignature } from '#subgraphs/webhooks/src/delivery/webhookSignature.js';
import { startReceiver, type Receiver } from '#subgraphs/webhooks/test/support/startReceiver.js';

/**
 * Push, not poll: an endpoint registered through the gateway receives the events of one booking,
 * from confirmation to escrow release, each signed with the secret registration showed, in the
 * order they happened. orders writes them in its outbox, the relay carries them to webhooks, which
 * queues and sends them to a real local HTTP server.
 */
const key = () => `tg_${randomBytes(24).toString('base64url')}`;
const line = (id: string, tier: string, scopes: string, secret: string) =>
  `${id} ${tier} ${scopes} ${createHash('sha256').update(secret).digest('hex')}`;
const BUYER_KEY = key();
const OTHER_KEY = key();
const API_KEYS = [
  line('e2e-buyer', 'developer', 'orders:write', BUYER_KEY),
  line('e2e-other', 'developer', 'orders:write', OTHER_KEY),
].join(';');

const REGISTER = /* GraphQL */ `
  mutation Register($url: String!, $events: [WebhookEventType!]!) {
    registerWebhook(url: $url, events: $events) {
      secret
      webhook {
        id
      }
    }
  }
`;
const QUOTES = /* GraphQL */ `
  query Quotes {
    search(query: "tea", first: 30, filter: { shipTo: "DE", inStock: true }) {
      edges {
        node {
          originCountry
          shippingOptions(to: "DE") {
            landedCost(currency: EUR) {
              quoteId
              paymentProvider {
                methods
              }
            }
          }
        }
      }
    }
  }
`;
const PLACE = /* GraphQL */ `
  mutation Place($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id
        status
        shipment {
          trackingNumber
          carrier {
            id
          }
        }
      }
      userErrors {
        code
        message
      }
    }
  }
`;
const LOG = /* GraphQL */ `
  query Log {
    webhooks {
      id
      deliveries(first: 20) {
        eventType
        status
      }
    }
  }
`;

const ALL_EVENTS = [
  'ORDER_CONFIRMED',
  'ORDER_FAILED',
  'ORDER_CANCELLED',
  'SHIPMENT_DISPATCHED',
  'SHIPMENT_DELIVERED',
  'PAYMENT_CAPTURED',
  'PAYMENT_REFUNDED',
  'ESCROW_RELEASED',
];

describe('webhooks through the stack', () => {
  let stack: RunningStack;
  let receiver: Receiver;
  let otherReceiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
    otherReceiver = await startReceiver();
    stack = await launchStack({ ports: 'free', env: { LOG_LEVEL: 'warn', API_KEYS, FOLLOWER_INTERVAL_MS: '300' } });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await receiver?.close();
    await otherReceiver?.close();
  });

  async function gql<T>(query: string, variables: Record<string, unknown>, apiKey: string): Promise<T> {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data!;
  }
  const received = (types: number) =>
    expect.poll(() => receiver.received.length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(types);

  it('delivers the signed events of one booking, in order, to the key that placed it only', async () => {
    type Registered = { registerWebhook: { secret: string; webhook: { id: string } } };
    const { registerWebhook } = await gql<Registered>(REGISTER, { url: receiver.url, events: ALL_EVENTS }, BUYER_KEY);
    await gql<Registered>(REGISTER, { url: otherReceiver.url, events: ALL_EVENTS }, OTHER_KEY);

    type Quotes = {
      search: {
        edges: Array<{
          node: {
            originCountry: string;
            shippingOptions: Array<{ landedCost: { quoteId: string; paymentProvider: { methods: string[] } } }>;
          };
        }>;
      };
    };
    const { search } = await gql<Quotes>(QUOTES, {}, BUYER_KEY);
    const offer = search.edges.map((edge) => edge.node).find((node) => node.originCountry !== 'DE' && node.shippingOptions.length > 0)!;
    expect(offer, 'a cross-border offer to DE (escrowed: every event of a booking follows)').toBeDefined();
    const option = offer.shippingOptions[0]!;
    type Placed = {
      placeOrder: {
        order: { id: string; status: string; shipment: { trackingNumber: string; carrier: { id: string } } } | null;
        userErrors: unknown[];
      };
    };
    const { placeOrder } = await gql<Placed>(
      PLACE,
      {
        input: {
          quoteId: option.landedCost.quoteId,
          idempotencyKey: randomUUID(),
          buyer: {
            name: 'Lena Fischer',
            email: 'lena@example.com',
            address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
          },
          payment: { method: option.landedCost.paymentProvider.methods[0] },
        },
      },
      BUYER_KEY,
    );
    expect(placeOrder.userErrors).toEqual([]);
    const order = placeOrder.order!;
    expect(order.status).toBe('CONFIRMED');
    await received(1);

    // The carrier picks the parcel up, then delivers it: capture, then escrow release.
    const advance = async (to: string) => {
      const response = await fetch(`${stack.sandboxUrls[order.shipment.carrier.id]}/__sandbox/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ trackingNumber: order.shipment.trackingNumber, to }),
      });
      expect(response.ok).toBe(true);
    };
    await advance('PICKED_UP');
    await received(3);
    await advance('DELIVERED');
    await received(5);

    const events = receiver.received.map((request) => {
      const event = JSON.parse(request.body) as { id: string; type: string; orderId: string };
      const signature = String(request.headers['tradegraph-signature']);
      expect(verifyWebhookSignature(registerWebhook.secret, signature, request.body, Math.floor(Date.now() / 1000))).toBe(true);
      expect(request.headers['tradegraph-event-type']).toBe(event.type);
      return event;
    });
    expect(events.map((event) => event.type)).toEqual([
      'order.confirmed',
      'shipment.dispatched',
      'payment.captured',
      'shipment.delivered',
      'escrow.released',
    ]);
    expect(new Set(events.map((event) => event.orderId))).toEqual(new Set([order.id]));
    expect(otherReceiver.received).toEqual([]);

    const { webhooks } = await gql<{ webhooks: Array<{ id: string; deliveries: Array<{ eventType: string; status: string }> }> }>(
      LOG,
      {},
      BUYER_KEY,
    );
    expect(webhooks.map((webhook) => webhook.id)).toEqual([registerWebhook.webhook.id]);
    expect(webhooks[0]!.deliveries.map((delivery) => delivery.status)).toEqual(Array(5).fill('DELIVERED'));
  }, 90_000);
});

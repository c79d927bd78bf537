import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';

/**
 * Test mode through the API alone: with a `tg_test_` key, a buyer email tagged with a trigger
 * fails its booking at the step that owns the outcome, because the trigger travels with the
 * participant's call to the real sandbox, which answers in its vendor's words. No sandbox admin
 * port is written to. A live key with the same email books as if the tag were not there.
 */

const TEST_KEY = `tg_test_${randomBytes(24).toString('base64url')}`;
const LIVE_KEY = `tg_${randomBytes(24).toString('base64url')}`;
const LIVE_KEY_LINE = `e2e-live-app developer orders:write ${createHash('sha256').update(LIVE_KEY, 'utf8').digest('hex')}`;

const QUOTES = /* GraphQL */ `
  query Quotes($shipTo: CountryCode!) {
    search(query: "tea", first: 30, filter: { shipTo: $shipTo, inStock: true }) {
      edges {
        node {
          id
          marketplace {
            id
          }
          shippingOptions(to: $shipTo) {
            mode
            carrier {
              id
            }
            landedCost(currency: EUR) {
              quoteId
              paymentProvider {
                id
                methods
              }
            }
          }
        }
      }
    }
  }
`;

const PLACE_ORDER = /* GraphQL */ `
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id
        status
        steps {
          name
          status
        }
      }
      userErrors {
        code
        message
        field
        step
      }
    }
  }
`;

interface Quote {
  marketplaceId: string;
  carrierId: string;
  provider: string;
  quoteId: string;
  method: string;
}

interface Booked {
  order: { id: string; status: string; steps: Array<{ name: string; status: string }> } | null;
  userErrors: Array<{ code: string; message: string; field: string[] | null; step: string | null }>;
}

let stack: RunningStack;
beforeAll(async () => {
  stack = await launchStack({
    ports: 'free',
    startTimeoutMs: 240_000, // the machine may be shared with other builds
    env: { LOG_LEVEL: 'warn', SERVICE_SECRET: TEST_SERVICE_SECRET, API_KEYS: LIVE_KEY_LINE },
    gatewayEnv: { DEVELOPMENT_API_KEY: TEST_KEY, RATE_LIMITS: 'developer=6000' },
  });
}, 300_000);
afterAll(async () => {
  await stack?.stop();
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

/** A fresh landed-cost quote to Germany for a single-leg option (one carrier owns the parcel). */
async function quote(apiKey: string): Promise<Quote> {
  const data = await gql<{
    search: {
      edges: Array<{
        node: {
          marketplace: { id: string };
          shippingOptions: Array<{
            mode: string;
            carrier: { id: string };
            landedCost: { quoteId: string; paymentProvider: { id: string; methods: string[] } };
          }>;
        };
      }>;
    };
  }>(QUOTES, { shipTo: 'DE' }, apiKey);
  for (const { node } of data.search.edges) {
    const option = node.shippingOptions.find((candidate) => candidate.mode === 'EXPRESS' || candidate.mode === 'POSTAL');
    if (!option) continue;
    return {
      marketplaceId: node.marketplace.id,
      carrierId: option.carrier.id,
      provider: option.landedCost.paymentProvider.id,
      quoteId: option.landedCost.quoteId,
      method: option.landedCost.paymentProvider.methods[0]!,
    };
  }
  throw new Error('no offer to DE with a single-leg shipping option');
}

async function book(q: Quote, email: string, apiKey: string): Promise<Booked> {
  const input = {
    quoteId: q.quoteId,
    idempotencyKey: randomUUID(),
    buyer: {
      name: 'Lena Fischer',
      email,
      address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    },
    payment: { method: q.method },
  };
  return (await gql<{ placeOrder: Booked }>(PLACE_ORDER, { input }, apiKey)).placeOrder;
}

/** Requests a sandbox served (read-only: this test never changes a sandbox through its admin port). */
async function requestsServed(upstream: string): Promise<number> {
  const response = await fetch(`${stack.sandboxUrls[upstream]}/__sandbox/stats`);
  return ((await response.json()) as { total: number }).total;
}

const statusOf = (booked: Booked, step: string) => booked.order?.steps.find((each) => each.name === step)?.status;

describe('test mode: triggers in the buyer email force each outcome', () => {
  it('`+out_of_stock` fails RESERVE_STOCK at the marketplace with OUT_OF_STOCK', async () => {
    const q = await quote(TEST_KEY);
    const before = await requestsServed(q.marketplaceId);
    const booked = await book(q, 'lena+out_of_stock@example.com', TEST_KEY);
    expect(booked.order?.status).toBe('FAILED');
    expect(statusOf(booked, 'RESERVE_STOCK')).toBe('FAILED');
    expect(booked.userErrors).toEqual([
      expect.objectContaining({ code: 'OUT_OF_STOCK', step: 'RESERVE_STOCK', message: expect.stringContaining('RESERVE_STOCK') }),
    ]);
    // the refusal came from the marketplace's sandbox, asked over HTTP
    expect(await requestsServed(q.marketplaceId)).toBeGreaterThan(before);
  }, 120_000);

  it('`+carrier_refused` fails CREATE_SHIPMENT at the carrier, and undoes the marketplace order', async () => {
    const q = await quote(TEST_KEY);
    const before = await requestsServed(q.carrierId);
    const booked = await book(q, 'lena+carrier_refused@example.com', TEST_KEY);
    expect(booked.order?.status).toBe('FAILED');
    expect(statusOf(booked, 'CREATE_SHIPMENT')).toBe('FAILED');
    expect(statusOf(booked, 'PLACE_MARKETPLACE_ORDER')).toBe('COMPENSATED');
    expect(booked.userErrors).toEqual([
      expect.objectContaining({
        code: 'CARRIER_UNAVAILABLE',
        step: 'CREATE_SHIPMENT',
        message: expect.stringMatching(/^CREATE_SHIPMENT failed: .*refused/),
      }),
    ]);
    expect(await requestsServed(q.carrierId)).toBeGreaterThan(before);
  }, 120_000);

  it('`+payment_declined` fails AUTHORIZE_PAYMENT at the provider with PAYMENT_DECLINED, and undoes the shipment', async () => {
    const q = await quote(TEST_KEY);
    const before = await requestsServed(q.provider);
    const booked = await book(q, 'lena+payment_declined@example.com', TEST_KEY);
    expect(booked.order?.status).toBe('FAILED');
    expect(statusOf(booked, 'AUTHORIZE_PAYMENT')).toBe('FAILED');
    expect(statusOf(booked, 'CREATE_SHIPMENT')).toBe('COMPENSATED');
    expect(booked.userErrors).toEqual([
      expect.objectContaining({
        code: 'PAYMENT_DECLINED',
        step: 'AUTHORIZE_PAYMENT',
        message: expect.stringContaining('AUTHORIZE_PAYMENT'),
      }),
    ]);
    expect(await requestsServed(q.provider)).toBeGreaterThan(before);
  }, 120_000);

  it('a test key without a trigger books, and the payment names its provider', async () => {
    const q = await quote(TEST_KEY);
    const booked = await book(q, 'lena@example.com', TEST_KEY);
    expect(booked.userErrors).toEqual([]);
    expect(booked.order?.status).toBe('CONFIRMED');
    const { node } = await gql<{ node: { payment: { provider: string; processedBy: Record<string, unknown> } } }>(
      'query ($id: ID!) { node(id: $id) { ... on Order { payment { provider processedBy { id name methods country } } } } }',
      { id: booked.order!.id },
      TEST_KEY,
    );
    expect(node.payment.provider).toBe(q.provider);
    expect(node.payment.processedBy).toMatchObject({
      id: q.provider,
      name: expect.any(String),
      methods: expect.arrayContaining([q.method]),
    });
  }, 120_000);

  it('a live key ignores the triggers: the same tagged email books', async () => {
    const booked = await book(await quote(LIVE_KEY), 'lena+payment_declined@example.com', LIVE_KEY);
    expect(booked.userErrors).toEqual([]);
    expect(booked.order?.status).toBe('CONFIRMED');
  }, 120_000);
});

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenDisputeDocument, ResolveDisputeDocument } from '#operations/__generated__/operations.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { graphqlRequest, type GraphQLResponse } from '#test/support/graphqlRequest.js';

/**
 * Seller trust on evidence, end to end: every subgraph and sandbox as its own process, the client
 * talking to the gateway only. A seller on Jade Market (China) has parcels delivered weeks later
 * than promised (the carrier sandbox's clock moved on between pickup and delivery) and loses a
 * dispute (refunded at the payment provider's sandbox); a seller on Soko (Kenya), found with
 * `filter.minTrustLevel`, delivers on time. Trust reads the order events the real flow writes, and
 * the two end on different levels whose factors say why: only the first is escrowed.
 */
const keyOf = (id: string, scopes: string) => {
  const key = `tg_${randomBytes(24).toString('base64url')}`;
  return { key, line: `${id} developer ${scopes} ${createHash('sha256').update(key, 'utf8').digest('hex')}` };
};
const BUYER_APP = keyOf('e2e-trust-shop', 'orders:write');
const OPERATOR = keyOf('e2e-trust-ops', 'disputes:resolve');
/** Jade Market's own key: a marketplace-tier key bound to it. */
const JADE_MARKET = (() => {
  const { key, line } = keyOf('e2e-jademarket', '-');
  return { key, line: `${line.replace(' developer ', ' marketplace ')} marketplace=cn-jademarket` };
})();
const DAY_MS = 86_400_000;

const QUOTES = /* GraphQL */ `
  query TrustQuotes($filter: SearchFilter!) {
    search(query: "tea", first: 20, filter: $filter) {
      edges {
        node {
          id
          seller {
            id
          }
          shippingOptions(to: "DE") {
            mode
            carrier {
              id
            }
            landedCost(currency: EUR) {
              quoteId
              total {
                amount
              }
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
  mutation ($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id
        status
      }
      userErrors {
        code
        message
      }
    }
  }
`;
const ORDER = /* GraphQL */ `
  query ($id: ID!) {
    order(id: $id) {
      id
      status
      steps {
        name
        status
        note
      }
      shipment {
        trackingNumber
      }
      payment {
        status
      }
      dispute {
        id
        status
        outcome
        paymentStatus
      }
    }
  }
`;
const TRUST = /* GraphQL */ `
  query ($id: ID!) {
    offer(id: $id) {
      seller {
        id
        trust {
          level
          score
          factors {
            name
            value
            weight
            source
          }
        }
      }
    }
  }
`;

interface Quote {
  offerId: string;
  carrierId: string;
  quoteId: string;
  method: string;
}
interface OrderView {
  id: string;
  status: string;
  steps: Array<{ name: string; status: string; note: string | null }>;
  shipment: { trackingNumber: string } | null;
  payment: { status: string } | null;
  dispute: { id: string; status: string; outcome: string | null; paymentStatus: string | null } | null;
}
interface SellerTrust {
  level: string;
  score: number;
  factors: Array<{ name: string; value: number | null; weight: number; source: string }>;
}

describe('seller trust from the order events of the real flow', () => {
  let stack: RunningStack;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradegraph-trust-'));
    stack = await launchStack({
      ports: 'free',
      startTimeoutMs: 240_000,
      env: {
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        API_KEYS: [BUYER_APP.line, OPERATOR.line, JADE_MARKET.line].join(';'),
        FOLLOWER_INTERVAL_MS: '300',
      },
    });
    // Parcels move only when told here: the carriers' clocks are moved on, and nothing may move by itself meanwhile.
    await Promise.all(Object.values(stack.sandboxUrls).map((url) => post(`${url}/__sandbox/pace`, { msPerStage: null })));
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  async function gql<T>(query: string, variables: Record<string, unknown>, key = BUYER_APP.key): Promise<T> {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data!;
  }
  const order = async (id: string) => (await gql<{ order: OrderView }>(ORDER, { id })).order;
  const stepOf = async (id: string, name: string) => (await order(id)).steps.find((step) => step.name === name);

  /** The first offer of a seller found with `filter` that ships to Germany on one leg (post or express), and its quote. */
  async function quoteFrom(filter: Record<string, unknown>): Promise<Quote & { sellerId: string }> {
    const { search } = await gql<{
      search: {
        edges: Array<{
          node: {
            id: string;
            seller: { id: string };
            shippingOptions: Array<{
              mode: string;
              carrier: { id: string };
              landedCost: { quoteId: string; total: { amount: string }; paymentProvider: { methods: string[] } } | null;
            }>;
          };
        }>;
      };
    }>(QUOTES, { filter: { shipTo: 'DE', inStock: true, ...filter } });
    for (const { node } of search.edges) {
      const option = node.shippingOptions.find(
        (candidate) => (candidate.mode === 'EXPRESS' || candidate.mode === 'POSTAL') && candidate.landedCost !== null,
      );
      // under the value limit of ESTABLISHED, so only the seller's trust decides escrow
      if (!option || Number(option.landedCost!.total.amount) > 400) continue;
      return {
        offerId: node.id,
        sellerId: node.seller.id,
        carrierId: option.carrier.id,
        quoteId: option.landedCost!.quoteId,
        method: option.landedCost!.paymentProvider.methods[0]!,
      };
    }
    throw new Error(`no offer to DE for ${JSON.stringify(filter)}`);
  }

  /** Books the quote as a buyer in Berlin and waits for it to be confirmed. */
  async function book(quote: Quote): Promise<OrderView> {
    const input = {
      quoteId: quote.quoteId,
      idempotencyKey: randomUUID(),
      buyer: {
        name: 'Lena Fischer',
        email: 'lena@example.com',
        address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
      },
      payment: { method: quote.method },
    };
    const placed = await gql<{ placeOrder: { order: { id: string; status: string } | null; userErrors: unknown[] } }>(PLACE, { input });
    expect(placed.placeOrder.userErrors).toEqual([]);
    const id = placed.placeOrder.order!.id;
    await expect.poll(async () => (await order(id)).status, { timeout: 60_000, interval: 300 }).toBe('CONFIRMED');
    return order(id);
  }

  const advance = async (quote: Quote, booked: OrderView, to: string) =>
    expect(
      (await post(`${stack.sandboxUrls[quote.carrierId]}/__sandbox/advance`, { trackingNumber: booked.shipment!.trackingNumber, to })).ok,
    ).toBe(true);
  const moveClockOn = async (quote: Quote, days: number) =>
    expect((await post(`${stack.sandboxUrls[quote.carrierId]}/__sandbox/clock`, { advanceMs: days * DAY_MS })).ok).toBe(true);
  const waitForStep = (id: string, name: string, status: string) =>
    expect.poll(async () => (await stepOf(id, name))?.status, { timeout: 60_000, interval: 300 }).toBe(status);
  const trustOf = async (offerId: string) =>
    (await gql<{ offer: { seller: { trust: SellerTrust } } }>(TRUST, { id: offerId })).offer.seller.trust;
  const factor = (trust: SellerTrust, name: string) => trust.factors.find((candidate) => candidate.name === name)!;

  it('gives a late seller with a lost dispute a lower level than a punctual one, with the factors that explain it; only the first is escrowed', async () => {
    const late = await quoteFrom({ marketplaces: ['cn-jademarket'] });
    const punctual = await quoteFrom({ marketplaces: ['ke-soko'], minTrustLevel: 'ESTABLISHED' });

    // Two parcels of the late seller, each delivered 40 days after pickup: far past what the quote promised.
    for (let parcel = 0; parcel < 2; parcel++) {
      const booked = await book(late);
      expect((await stepOf(booked.id, 'RELEASE_ESCROW'))?.status).toBe('PENDING'); // escrowed: a seller the platform does not know
      await advance(late, booked, 'PICKED_UP');
      await waitForStep(booked.id, 'CAPTURE_PAYMENT', 'DONE');
      await moveClockOn(late, 40);
      await advance(late, booked, 'DELIVERED');
      await waitForStep(booked.id, 'RELEASE_ESCROW', 'DONE');
    }

    // A third: the buyer disputes it after pickup, and the operator refunds it at the payment provider.
    const disputed = await book(late);
    await advance(late, disputed, 'PICKED_UP');
    await waitForStep(disputed.id, 'CAPTURE_PAYMENT', 'DONE');
    const buyer = { 'x-api-key': BUYER_APP.key };
    const opened = await graphqlRequest(
      stack.gatewayUrl,
      OpenDisputeDocument,
      { orderId: disputed.id, reason: 'NOT_AS_DESCRIBED', evidence: 'Loose dust instead of whole leaves, photos attached to the ticket.' },
      buyer,
    );
    expect(opened.errors).toBeUndefined();
    const dispute = opened.data!.openDispute.dispute!;
    expect(dispute.status).toBe('OPEN');
    // the buyer's app cannot settle it; the operator's key can
    const byBuyer = await graphqlRequest(stack.gatewayUrl, ResolveDisputeDocument, { disputeId: dispute.id, outcome: 'REFUND' }, buyer);
    expect(byBuyer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const resolved = await graphqlRequest(
      stack.gatewayUrl,
      ResolveDisputeDocument,
      { disputeId: dispute.id, outcome: 'REFUND', note: 'Photos show another grade than the listing.' },
      { 'x-api-key': OPERATOR.key },
    );
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveDispute).toMatchObject({
      dispute: { status: 'RESOLVED', outcome: 'REFUND', paymentStatus: 'REFUNDED' },
      userErrors: [],
    });
    const refunded = await order(disputed.id);
    expect(refunded.payment?.status).toBe('REFUNDED'); // read back from the provider's sandbox
    expect(refunded.steps.find((step) => step.name === 'RELEASE_ESCROW')?.status).toBe('SKIPPED');

    // The punctual seller: delivered the day it was picked up.
    const clean = await book(punctual);
    const cleanPayment = clean.steps.find((step) => step.name === 'AUTHORIZE_PAYMENT')!;
    expect(cleanPayment.note).toMatch(/^no escrow: the seller's trust is (ESTABLISHED|TRUSTED)/);
    expect(clean.steps.find((step) => step.name === 'RELEASE_ESCROW')?.status).toBe('SKIPPED');
    await advance(punctual, clean, 'PICKED_UP');
    await waitForStep(clean.id, 'CAPTURE_PAYMENT', 'DONE');
    await advance(punctual, clean, 'DELIVERED');

    // Trust has read the events: late deliveries and a lost dispute weigh on the first seller.
    await expect
      .poll(async () => factor(await trustOf(late.offerId), 'disputes').value ?? 1, { timeout: 60_000, interval: 500 })
      .toBeLessThan(0.8);
    await expect
      .poll(async () => factor(await trustOf(late.offerId), 'onTimeDelivery').value ?? 1, { timeout: 60_000, interval: 500 })
      .toBeLessThan(0.7);
    const lateTrust = await trustOf(late.offerId);
    const punctualTrust = await trustOf(punctual.offerId);
    expect(['NEW', 'BASIC']).toContain(lateTrust.level);
    expect(['ESTABLISHED', 'TRUSTED']).toContain(punctualTrust.level);
    expect(lateTrust.score).toBeLessThan(punctualTrust.score);
    for (const name of ['onTimeDelivery', 'disputes']) {
      expect(factor(lateTrust, name).source).toBe('platform:order-events');
      expect(factor(lateTrust, name).value!).toBeLessThan(factor(punctualTrust, name).value!);
    }

    // Booking each again: the first seller's order is escrowed, the second's is not, and the step says why.
    const again = await book(late);
    expect(again.steps.find((step) => step.name === 'AUTHORIZE_PAYMENT')!.note).toMatch(/^escrow: the seller's trust is (NEW|BASIC)/);
    expect(again.steps.find((step) => step.name === 'RELEASE_ESCROW')?.status).toBe('PENDING');
    const cleanAgain = await book(await quoteFrom({ marketplaces: ['ke-soko'], minTrustLevel: 'ESTABLISHED' }));
    expect(cleanAgain.steps.find((step) => step.name === 'RELEASE_ESCROW')?.status).toBe('SKIPPED');
  }, 600_000);

  it('lets a marketplace key read its own orders, and refuses it another marketplace’s and a key bound to none', async () => {
    const booked = await book(await quoteFrom({ marketplaces: ['cn-jademarket'] }));
    const VIEWER = 'query { viewer { marketplace { id orders(first: 50) { edges { node { id status } } } } } }';
    const own = await gql<{ viewer: { marketplace: { id: string; orders: { edges: Array<{ node: { id: string } }> } } } }>(
      VIEWER,
      {},
      JADE_MARKET.key,
    );
    expect(own.viewer.marketplace.id).toBe('cn-jademarket');
    expect(own.viewer.marketplace.orders.edges.map((edge) => edge.node.id)).toContain(booked.id);

    const ask = async (query: string, key: string) => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as GraphQLResponse<unknown>;
    };
    const soko = await ask(
      'query { search(query: "tea", first: 1, filter: { marketplaces: ["ke-soko"] }) { edges { node { marketplace { id orders { edges { node { id } } } } } } } }',
      JADE_MARKET.key,
    );
    expect(soko.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(soko.errors?.[0]?.message).toBe("this key sees only cn-jademarket's orders, not ke-soko's");
    const unbound = await ask(VIEWER, BUYER_APP.key);
    expect(unbound.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(unbound.errors?.[0]?.message).toMatch(/bound to no marketplace/);
  }, 300_000);
});

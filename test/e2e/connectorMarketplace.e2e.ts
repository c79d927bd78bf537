import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketplacesDocument, OrderDocument, PlaceOrderDocument, type PaymentMethod } from '#operations/__generated__/operations.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { graphqlRequest } from '#test/support/graphqlRequest.js';
import { signCallback } from '#upstreams/ke-soko/credentials.js';

/**
 * The seventh marketplace, end to end: Soko (Kenya) joined by configuration alone (a sandbox that
 * speaks the connector protocol, and its MARKETPLACES_FILE entry). A client finds its offers, gets
 * a landed cost to Germany and books one through the gateway; the carrier's label leaves from the
 * seller's own dispatch address in Kenya.
 */
const API_KEY = `tg_${randomBytes(24).toString('base64url')}`;
const API_KEY_LINE = `e2e-connector developer orders:write ${createHash('sha256').update(API_KEY, 'utf8').digest('hex')}`;

const QUOTES = /* GraphQL */ `
  query SokoQuotes {
    search(query: "tea", first: 20, filter: { marketplaces: ["ke-soko"], shipTo: "DE", inStock: true }) {
      edges {
        node {
          id
          title
          nativeTitle
          price {
            amount
            currency
          }
          originCountry
          marketplace {
            id
            country
            continent
          }
          seller {
            name
            dispatchAddress {
              lines
              city
              region
              postalCode
              country
            }
          }
          shippingOptions(to: "DE") {
            mode
            carrier {
              id
            }
            importCharges {
              taxes {
                amount
                currency
              }
            }
            landedCost(currency: EUR) {
              quoteId
              total {
                amount
                currency
              }
              lines {
                kind
                amount {
                  amount
                  currency
                }
              }
              paymentProvider {
                id
                methods
              }
            }
          }
        }
      }
      sources {
        marketplace {
          id
        }
        status
        message
      }
    }
  }
`;

interface Address {
  lines: string[];
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
}
interface SokoOffer {
  id: string;
  title: string;
  nativeTitle: string;
  price: { amount: string; currency: string };
  originCountry: string;
  marketplace: { id: string; country: string; continent: string };
  seller: { name: string; dispatchAddress: Address };
  shippingOptions: Array<{
    mode: string;
    carrier: { id: string };
    importCharges: { taxes: { amount: string; currency: string } };
    landedCost: {
      quoteId: string;
      total: { amount: string; currency: string };
      lines: Array<{ kind: string; amount: { amount: string; currency: string } }>;
      paymentProvider: { id: string; methods: PaymentMethod[] };
    };
  }>;
}

describe('the seventh marketplace (Soko, Kenya) by configuration alone, end to end', () => {
  let stack: RunningStack;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradegraph-connector-'));
    stack = await launchStack({ ports: 'free', env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', API_KEYS: API_KEY_LINE } });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const headers = { 'x-api-key': API_KEY };
  /** Data of an answer that must have no errors. */
  const dataOf = <T>(answer: { data?: T | null; errors?: unknown[] }): T => {
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };

  it('is listed by the contract’s marketplaces operation, in Africa', async () => {
    const { marketplaces } = dataOf(await graphqlRequest(stack.gatewayUrl, MarketplacesDocument, {}, headers));
    expect(marketplaces).toHaveLength(7);
    expect(marketplaces.at(-1)).toEqual({ id: 'ke-soko', name: 'Soko', country: 'KE', currency: 'KES' });
  });

  it('is found, quoted and booked; the label leaves from the seller’s own address in Kenya', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: QUOTES }),
    });
    const { search } = dataOf((await response.json()) as { data?: { search: { edges: Array<{ node: SokoOffer }>; sources: unknown[] } } });
    expect(search.sources).toEqual([{ marketplace: { id: 'ke-soko' }, status: 'OK', message: null }]);
    expect(search.edges.length).toBeGreaterThan(0);
    for (const { node } of search.edges) {
      expect(node.marketplace).toEqual({ id: 'ke-soko', country: 'KE', continent: 'AFRICA' });
      expect(node.price.currency).toBe('KES');
      expect(node.originCountry).toBe('KE');
      expect(node.title.toLowerCase()).toContain('tea');
      expect(node.nativeTitle).toMatch(/Chai|Kikombe/); // Swahili, as the shop wrote it
    }

    // A single-leg option with its landed cost in euros: the quote a buyer in Germany books.
    const offer = search.edges
      .map(({ node }) => node)
      .find((node) => node.shippingOptions.some((option) => option.mode !== 'DEDICATED_LINE'))!;
    expect(offer, 'an offer from Kenya that some carrier takes to Germany').toBeDefined();
    const option = offer.shippingOptions.find((candidate) => candidate.mode !== 'DEDICATED_LINE')!;
    expect(option.landedCost.total.currency).toBe('EUR');
    expect(option.landedCost.lines.map((line) => line.kind)).toContain('ITEM');
    expect(Number(option.importCharges.taxes.amount)).toBeGreaterThan(0); // German import VAT on goods from outside the EU

    const input = {
      quoteId: option.landedCost.quoteId,
      idempotencyKey: randomUUID(),
      buyer: {
        name: 'Lena Fischer',
        email: 'lena@example.com',
        address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' as const },
      },
      payment: { method: option.landedCost.paymentProvider.methods[0]! },
    };
    const placed = dataOf(await graphqlRequest(stack.gatewayUrl, PlaceOrderDocument, { input }, headers));
    expect(placed.placeOrder.userErrors).toEqual([]);
    const orderId = placed.placeOrder.order!.id;
    const orderNow = async () => dataOf(await graphqlRequest(stack.gatewayUrl, OrderDocument, { id: orderId }, headers)).order!;
    await expect.poll(async () => (await orderNow()).status, { timeout: 30_000, interval: 250 }).toBe('CONFIRMED');
    const order = await orderNow();
    expect(order.steps.filter((step) => step.status === 'DONE').map((step) => step.name)).toEqual(
      expect.arrayContaining(['RESERVE_STOCK', 'PLACE_MARKETPLACE_ORDER', 'CREATE_SHIPMENT', 'AUTHORIZE_PAYMENT', 'CONFIRM']),
    );

    // Soko really holds the order's stock…
    const nativeId = Buffer.from(offer.id, 'base64url').toString('utf8').split(':').slice(2).join(':');
    const stock = (await (await fetch(`${stack.sandboxUrls['ke-soko']}/__sandbox/stock/${nativeId}`)).json()) as { ordered: number };
    expect(stock.ordered).toBeGreaterThanOrEqual(1);

    // …and the carrier's label names the seller at its own dispatch address, not "c/o" the marketplace.
    const { carrier, trackingNumber } = order.shipment!;
    const labels = (await (await fetch(`${stack.sandboxUrls[carrier.id]}/__sandbox/labels`)).json()) as {
      labels: Array<{ trackingNumber: string; from: string; label: unknown }>;
    };
    const label = labels.labels.find((candidate) => candidate.trackingNumber === trackingNumber)!;
    expect(label.from).toBe('KE');
    const printed = JSON.stringify(label.label);
    const { dispatchAddress } = offer.seller;
    expect(dispatchAddress.country).toBe('KE');
    for (const part of [offer.seller.name, dispatchAddress.lines.join(', '), dispatchAddress.city, dispatchAddress.postalCode!]) {
      expect(printed).toContain(part);
    }
    expect(printed).not.toContain('c/o');

    // Soko's signed callback for the order it placed reaches the catalog, which verifies it; orders records it.
    const STATUS = 'query ($id: ID!) { order(id: $id) { marketplaceStatus { status cancelledBy } attention } }';
    const statusNow = async () => {
      const answer = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: STATUS, variables: { id: orderId } }),
      });
      return dataOf((await answer.json()) as { data?: { order: { marketplaceStatus: unknown; attention: string | null } } }).order;
    };
    await expect
      .poll(statusNow, { timeout: 60_000, interval: 500 })
      .toEqual({ marketplaceStatus: { status: 'PLACED', cancelledBy: null }, attention: null });
  });

  it('refuses a status callback with a forged signature or a replayed timestamp', async () => {
    const target = '/connector/order-status?marketplace=ke-soko';
    const body = JSON.stringify({
      eventId: 'EV-e2e',
      orderId: 'SO-1',
      status: 'CANCELLED',
      occurredAt: new Date().toISOString(),
      cancelledBy: 'SELLER',
    });
    const send = (signed: Record<string, string>) =>
      fetch(new URL(target, stack.subgraphUrls.catalog).href, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signed },
        body,
      });
    const forged = signCallback(target, body);
    forged['x-connector-signature'] = `v1=${'0'.repeat(64)}`;
    expect((await send(forged)).status).toBe(401);
    expect((await send(signCallback(target, body, Date.now() - 15 * 60_000))).status).toBe(401);
  });
});

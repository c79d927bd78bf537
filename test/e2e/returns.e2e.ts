import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderDocument, PlaceOrderDocument, type PaymentMethod } from '#operations/__generated__/operations.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { graphqlRequest } from '#test/support/graphqlRequest.js';

/**
 * A cross-border return, end to end through the gateway: tea from a seller on Soko (Kenya) is
 * booked to a buyer in Germany, the carrier's sandbox carries it to DELIVERED on its own tracking,
 * and the buyer sends it back as defective. The return label runs on the reverse lane (DE → KE, to
 * the seller's dispatch address), the refund follows the seller's return policy and is issued at
 * the payment provider's sandbox once, and customs states the EU's duty relief (UCC art. 118).
 */
const API_KEY = `tg_${randomBytes(24).toString('base64url')}`;
const OTHER_KEY = `tg_${randomBytes(24).toString('base64url')}`;
const keyLine = (name: string, key: string) => `${name} developer orders:write ${createHash('sha256').update(key, 'utf8').digest('hex')}`;

const QUOTES = /* GraphQL */ `
  query {
    search(query: "tea", first: 20, filter: { marketplaces: ["ke-soko"], shipTo: "DE", inStock: true }) {
      edges {
        node {
          id
          seller {
            name
            dispatchAddress {
              lines
              city
              country
            }
            returnPolicy {
              acceptsReturns
              windowDays
              returnShippingPaidBy
              restockingFeeBp
            }
          }
          shippingOptions(to: "DE") {
            mode
            landedCost(currency: EUR) {
              quoteId
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
    }
  }
`;

const REQUEST_RETURN = /* GraphQL */ `
  mutation ($orderId: ID!, $items: [ReturnItemInput!]!, $reason: ReturnReason!) {
    requestReturn(orderId: $orderId, items: $items, reason: $reason) {
      return {
        id
        status
        reason
        destinationCountry
        originCountry
        label {
          trackingNumber
          labels {
            carrier {
              id
            }
            from
            to
          }
        }
        refund {
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
          issued
          refundedAt
        }
        importChargeRelief {
          status
          charges
          ruleId
          howToClaim
          source
          sourceStatus
        }
      }
      userErrors {
        code
        field
      }
    }
  }
`;

interface Offer {
  id: string;
  seller: {
    name: string;
    dispatchAddress: { lines: string[]; city: string; country: string };
    returnPolicy: { acceptsReturns: boolean; windowDays: number | null; returnShippingPaidBy: string; restockingFeeBp: number } | null;
  };
  shippingOptions: Array<{
    mode: string;
    landedCost: {
      quoteId: string;
      lines: Array<{ kind: string; amount: { amount: string; currency: string } }>;
      paymentProvider: { id: string; methods: PaymentMethod[] };
    };
  }>;
}
interface ReturnAnswer {
  requestReturn: {
    return: {
      id: string;
      status: string;
      destinationCountry: string;
      originCountry: string;
      label: { trackingNumber: string; labels: Array<{ carrier: { id: string }; from: string; to: string }> } | null;
      refund: {
        total: { amount: string; currency: string };
        lines: Array<{ kind: string; amount: { amount: string } }>;
        issued: boolean;
        refundedAt: string | null;
      };
      importChargeRelief: {
        status: string;
        charges: string[];
        ruleId: string | null;
        howToClaim: string | null;
        source: string | null;
        sourceStatus: string | null;
      };
    } | null;
    userErrors: Array<{ code: string; field: string[] | null }>;
  };
}

describe('a delivered cross-border order returned through the stack', () => {
  let stack: RunningStack;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradegraph-returns-'));
    stack = await launchStack({
      ports: 'free',
      env: {
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        API_KEYS: [keyLine('e2e-returns', API_KEY), keyLine('e2e-returns-other', OTHER_KEY)].join(';'),
        FOLLOWER_INTERVAL_MS: '300',
      },
    });
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const headers = { 'x-api-key': API_KEY };
  const dataOf = <T>(answer: { data?: T | null; errors?: unknown[] }): T => {
    expect(answer.errors).toBeUndefined();
    return answer.data!;
  };
  const post = async <T>(query: string, variables: Record<string, unknown>, key = API_KEY) => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: unknown[] };
  };
  const sandbox = (id: string) => stack.sandboxUrls[id]!;
  const statsOf = async (id: string) =>
    ((await (await fetch(`${sandbox(id)}/__sandbox/stats`)).json()) as { byEndpoint: Record<string, number> }).byEndpoint;

  it(
    'books the return label on the reverse lane, refunds once by the seller’s policy, and states the EU duty relief',
    { timeout: 120_000 },
    async () => {
      const { search } = dataOf(await post<{ search: { edges: Array<{ node: Offer }> } }>(QUOTES, {}));
      const offer = search.edges
        .map(({ node }) => node)
        .find(
          (node) => node.seller.returnPolicy?.acceptsReturns && node.shippingOptions.some((option) => option.mode !== 'DEDICATED_LINE'),
        );
      expect(offer, 'a Soko offer to Germany from a seller that takes returns').toBeDefined();
      const option = offer!.shippingOptions.find((candidate) => candidate.mode !== 'DEDICATED_LINE')!;
      const placed = dataOf(
        await graphqlRequest(
          stack.gatewayUrl,
          PlaceOrderDocument,
          {
            input: {
              quoteId: option.landedCost.quoteId,
              idempotencyKey: randomUUID(),
              buyer: {
                name: 'Lena Fischer',
                email: 'lena@example.com',
                address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' as const },
              },
              payment: { method: option.landedCost.paymentProvider.methods[0]! },
            },
          },
          headers,
        ),
      );
      expect(placed.placeOrder.userErrors).toEqual([]);
      const orderId = placed.placeOrder.order!.id;
      const orderNow = async () => dataOf(await graphqlRequest(stack.gatewayUrl, OrderDocument, { id: orderId }, headers)).order!;
      await expect.poll(async () => (await orderNow()).status, { timeout: 30_000, interval: 250 }).toBe('CONFIRMED');
      const { carrier, trackingNumber } = (await orderNow()).shipment!;
      const items = [{ offerId: offer!.id, quantity: 1 }];
      const requestReturn = (key = API_KEY) => post<ReturnAnswer>(REQUEST_RETURN, { orderId, items, reason: 'DEFECTIVE' }, key);

      // Not yet delivered: refused, nothing booked.
      const early = dataOf(await requestReturn()).requestReturn;
      expect(early).toEqual({ return: null, userErrors: [{ code: 'NOT_DELIVERED', field: ['orderId'] }] });

      // The carrier's own tracking carries the parcel: picked up (payment captured), then delivered.
      const advance = async (to: string) => {
        const moved = await fetch(`${sandbox(carrier.id)}/__sandbox/advance`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ trackingNumber, to }),
        });
        expect(moved.ok).toBe(true);
      };
      const stepOf = async (name: string) => (await orderNow()).steps.find((step) => step.name === name)?.status;
      await advance('PICKED_UP');
      await expect.poll(() => stepOf('CAPTURE_PAYMENT'), { timeout: 20_000, interval: 250 }).toBe('DONE');
      await advance('DELIVERED');
      await expect.poll(async () => (await orderNow()).shipment!.tracking.status, { timeout: 20_000, interval: 250 }).toBe('DELIVERED');

      // Another key's order does not exist for this key.
      expect(dataOf(await requestReturn(OTHER_KEY)).requestReturn.userErrors).toEqual([{ code: 'ORDER_NOT_FOUND', field: ['orderId'] }]);

      const provider = option.landedCost.paymentProvider.id;
      const refundEndpoint = provider === 'cardnet' ? 'refunds.create' : 'payments.refund';
      const answer = dataOf(await requestReturn()).requestReturn;
      expect(answer.userErrors).toEqual([]);
      const returned = answer.return!;
      expect(returned).toMatchObject({ status: 'REFUNDED', destinationCountry: 'DE', originCountry: 'KE' });

      // The reverse lane: from the buyer in Germany back to the seller's own address in Kenya.
      expect(returned.label!.labels).toEqual([{ carrier: { id: 'express-global' }, from: 'DE', to: 'KE' }]);
      const labels = (await (await fetch(`${sandbox('express-global')}/__sandbox/labels`)).json()) as {
        labels: Array<{ trackingNumber: string; from: string; to: string; label: unknown }>;
      };
      const printed = JSON.stringify(labels.labels.find((label) => label.trackingNumber === returned.label!.trackingNumber)!.label);
      for (const part of [offer!.seller.name, offer!.seller.dispatchAddress.city, 'Lena Fischer', 'RETURN', trackingNumber])
        expect(printed).toContain(part);

      // Defective goods: the goods' price and the outbound shipping come back, exactly, no restocking fee.
      const paid = (kind: string) => option.landedCost.lines.filter((line) => line.kind === kind).map((line) => line.amount.amount);
      expect(returned.refund.lines.map((line) => line.kind)).toEqual(['GOODS', 'SHIPPING']);
      expect(returned.refund.lines.map((line) => line.amount.amount)).toEqual([...paid('ITEM'), ...paid('SHIPPING')]);
      expect(returned.refund.total.currency).toBe('EUR');
      expect(returned.refund.issued).toBe(true);
      expect(returned.refund.refundedAt).toEqual(expect.any(String));
      expect((await statsOf(provider))[refundEndpoint]).toBe(1);

      // Germany is in the EU: duty paid on goods rejected as defective is repaid on claim.
      expect(returned.importChargeRelief).toMatchObject({
        status: 'APPLIES',
        charges: ['DUTY'],
        ruleId: 'EU-UCC-118-rejected-goods',
        sourceStatus: 'VERIFIED',
      });
      expect(returned.importChargeRelief.source).toContain('eur-lex.europa.eu');
      expect(returned.importChargeRelief.howToClaim).toContain('one year');

      // Asked again: the same return, refunded once.
      const again = dataOf(await requestReturn()).requestReturn;
      expect(again.userErrors).toEqual([{ code: 'ALREADY_RETURNED', field: ['orderId'] }]);
      expect(again.return!.id).toBe(returned.id);
      expect((await statsOf(provider))[refundEndpoint]).toBe(1);
    },
  );
});

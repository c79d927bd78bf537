import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

const operation = (name: string) => readFileSync(new URL(`../../operations/${name}.graphql`, import.meta.url), 'utf8');
const SEARCH = operation('search');
const PLACE_ORDER = operation('placeOrder');
const ORDER = operation('order');
/** Only what a quote needs: the search of `operations/search.graphql` asks far more, which a soak wants. */
const QUOTE_FIELDS = /* GraphQL */ `
  query Quotes($shipTo: CountryCode!) {
    search(query: "tea", first: 20, filter: { shipTo: $shipTo, inStock: true }) {
      edges {
        node {
          id
          marketplace {
            id
          }
          shippingOptions(to: $shipTo) {
            mode
            landedCost(currency: EUR) {
              quoteId
              total {
                amount
                currency
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

/** One answer: how long it took, its status, and whether it was a success as the client sees it. */
export interface CallResult<T = unknown> {
  readonly ms: number;
  readonly status: number;
  readonly ok: boolean;
  readonly data?: T;
  /** The first error code, or the transport error. */
  readonly problem?: string;
}

/** A quote a buyer could book now: its token, a payment method its provider takes, and what it books. */
export interface BookableQuote {
  readonly quoteId: string;
  readonly method: string;
  readonly offerId: string;
  readonly marketplaceId: string;
  /** Units the quote is for (read from its token: quotes are signed, not secret). */
  readonly quantity: number;
  readonly total: { readonly amount: string; readonly currency: string };
}

/** The units a quote is for: its token's payload is readable JSON (`o`: the shipping option, logistics' list), which ends with the quantity. */
export function quantityOfQuote(quoteId: string): number {
  const payload = JSON.parse(Buffer.from(quoteId.split('.')[1]!, 'base64url').toString('utf8')) as { o: string | unknown[] };
  // logistics' id is written as the list it encodes, or as the id itself when it is not one
  const option = Array.isArray(payload.o) ? payload.o : (JSON.parse(Buffer.from(payload.o, 'base64url').toString('utf8')) as unknown[]);
  return Number(option.at(-1));
}

export interface OrderAnswer {
  readonly id: string;
  readonly status: string;
}

/**
 * The calls a trading client makes through the gateway, with the contract's operations
 * (`operations/*.graphql`): search with landed costs, book a quote, read an order.
 */
export function createTradeClient(gatewayUrl: string, apiKey: string, timeoutMs = 30_000) {
  async function call<T>(query: string, variables: Record<string, unknown>): Promise<CallResult<T>> {
    const started = performance.now();
    try {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json()) as { data?: T; errors?: Array<{ extensions?: { code?: string } }> };
      const ms = performance.now() - started;
      const problem = body.errors?.[0]?.extensions?.code;
      return {
        ms,
        status: response.status,
        ok: response.ok && body.data != null,
        ...(body.data != null && { data: body.data }),
        ...(problem !== undefined && { problem }),
      };
    } catch (error) {
      return {
        ms: performance.now() - started,
        status: 0,
        ok: false,
        problem: error instanceof Error ? error.name + ': ' + error.message : String(error),
      };
    }
  }

  return {
    /** The contract's search: tea to `shipTo`, first 10, with every landed cost in EUR. */
    search: (shipTo = 'DE') => call(SEARCH, { query: 'tea', shipTo, currency: 'EUR', first: 10 }),
    /** Fresh quotes to `shipTo` for single-leg options (express or postal). */
    async quotes(shipTo = 'DE'): Promise<CallResult<BookableQuote[]>> {
      type Found = {
        search: {
          edges: Array<{
            node: {
              id: string;
              marketplace: { id: string };
              shippingOptions: Array<{
                mode: string;
                landedCost: { quoteId: string; total: { amount: string; currency: string }; paymentProvider: { methods: string[] } } | null;
              }>;
            };
          }>;
        };
      };
      const result = await call<Found>(QUOTE_FIELDS, { shipTo });
      const quotes = (result.data?.search.edges ?? []).flatMap(({ node }) =>
        node.shippingOptions
          .filter((option) => (option.mode === 'EXPRESS' || option.mode === 'POSTAL') && option.landedCost !== null)
          .map((option) => ({
            quoteId: option.landedCost!.quoteId,
            method: option.landedCost!.paymentProvider.methods[0]!,
            offerId: node.id,
            marketplaceId: node.marketplace.id,
            quantity: quantityOfQuote(option.landedCost!.quoteId),
            total: option.landedCost!.total,
          })),
      );
      return { ...result, data: quotes };
    },
    /** Books `quote` once per idempotency key (a new one unless given). */
    placeOrder: (quote: BookableQuote, idempotencyKey: string = randomUUID()) =>
      call<{ placeOrder: { order: OrderAnswer | null; userErrors: Array<{ code: string }> } }>(PLACE_ORDER, {
        input: {
          quoteId: quote.quoteId,
          idempotencyKey,
          buyer: {
            name: 'Lena Fischer',
            email: 'lena@example.com',
            address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
          },
          payment: { method: quote.method },
        },
      }),
    order: (id: string) => call<{ order: (OrderAnswer & { payment: { status: string; provider: string } | null }) | null }>(ORDER, { id }),
  };
}

export type TradeClient = ReturnType<typeof createTradeClient>;

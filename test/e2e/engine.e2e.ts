import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptEnforcedFeatures } from '#gateway/src/authorization/acceptEnforcedFeatures.js';
import { engineMetrics } from '#gateway/src/engine/index.js';
import { createGatewayPair, type ComparableResponse, type GatewayPair } from '#gateway/test/engine/support/createGatewayPair.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { PRINCIPAL_HEADER } from '#packages/principal/index.js';
import { principalHeaders, TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';

/** A seeded Jade Market offer and its seller, as the catalog's global ids name them (`Offer:<marketplace>:<vendor id>`). */
const OFFER_ID = Buffer.from('Offer:cn-jademarket:640000007').toString('base64url');
const SELLER_ID = Buffer.from('Seller:cn-jademarket:2200000').toString('base64url');

const operation = (name: string) => readFileSync(new URL(`../../operations/${name}.graphql`, import.meta.url), 'utf8');

/** Values that differ between any two calls (signed quotes, clocks, upstream timings), blanked before comparing. */
const VOLATILE = new Set(['quoteId', 'expiresAt', 'latencyMs', 'cursor', 'endCursor']);

function withoutVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutVolatile);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, VOLATILE.has(key) ? '<volatile>' : withoutVolatile(inner)]));
}

/**
 * The contract's operations on Tradegraph's own supergraph and real subgraphs (separate
 * processes, sandboxed upstreams): stock @apollo/gateway and the Tradegraph engine must answer alike.
 */
describe('the engine on Tradegraph’s own supergraph', () => {
  let stack: RunningStack;
  let pair: GatewayPair;
  beforeAll(async () => {
    stack = await launchStack({ ports: 'free', env: { LOG_LEVEL: 'warn', SERVICE_SECRET: TEST_SERVICE_SECRET } });
    // the supergraph's access rules are the gateway's to enforce; both executors here run without them
    pair = await createGatewayPair(acceptEnforcedFeatures(readFileSync(stack.supergraphPath, 'utf8')), {
      principalHeader: principalHeaders()[PRINCIPAL_HEADER],
    });
  });
  afterAll(async () => {
    await pair?.stop();
    await stack?.stop();
  });

  const cases: Array<[string, { query: string; variables?: Record<string, unknown> }]> = [
    ['marketplaces', { query: operation('marketplaces') }],
    ['the catalog search', { query: operation('searchCatalog'), variables: { query: 'tea', shipTo: 'DE', first: 5 } }],
    [
      'the contract search with landed costs',
      { query: operation('search'), variables: { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 3 } },
    ],
    [
      'estimateImportCharges',
      {
        query: operation('estimateImportCharges'),
        variables: {
          input: {
            origin: 'CN',
            destination: 'DE',
            incoterm: 'DDP',
            items: [{ hsCode: '610910', quantity: 1, value: { amount: '300.00', currency: 'EUR' } }],
            shipping: { amount: '0.00', currency: 'EUR' },
          },
        },
      },
    ],
    ['an unknown offer', { query: operation('offers'), variables: { id: 'nope' } }],
  ];

  // Relay's node(id:) through the entity interface Node (orders owns it; catalog completes offers and sellers)
  cases.push(
    ['node of an offer', { query: operation('node'), variables: { id: OFFER_ID } }],
    ['node of a seller', { query: operation('node'), variables: { id: SELLER_ID } }],
    ['node of an order the caller does not own', { query: operation('node'), variables: { id: 'ord_AAAAAAAAAAAAAAAAAAAAAA' } }],
    ['node of an id that names nothing', { query: operation('node'), variables: { id: 'nope' } }],
  );

  it.each(cases)('%s', async (_name, request) => {
    const executed = engineMetrics.executed;
    let result: { stock: ComparableResponse; engine: ComparableResponse } | undefined;
    // the sandboxes answer within a deadline; one retry keeps a late marketplace from failing the comparison
    for (let attempt = 0; attempt < 2; attempt++) {
      result = await pair.run(request);
      if (JSON.stringify(withoutVolatile(result.engine)) === JSON.stringify(withoutVolatile(result.stock))) break;
    }
    expect(withoutVolatile(result!.engine)).toEqual(withoutVolatile(result!.stock));
    // both answered with data: the subgraphs let the signed calls in
    expect(result!.stock.data, JSON.stringify(result!.stock.errors)).toBeTruthy();
    expect(engineMetrics.executed, 'the engine executed it itself').toBeGreaterThan(executed);
  });
  it('passes the landed costs of a ten-offer search (payments answers over 64 KiB) to the client as their bytes, answering as stock does', async () => {
    const passed = engineMetrics.valuesPassedAsBytes;
    const request = { query: operation('search'), variables: { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 10 } };
    let result: { stock: ComparableResponse; engine: ComparableResponse } | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      result = await pair.run(request);
      if (JSON.stringify(withoutVolatile(result.engine)) === JSON.stringify(withoutVolatile(result.stock))) break;
    }
    expect(withoutVolatile(result!.engine)).toEqual(withoutVolatile(result!.stock));
    const options = (
      result!.engine.data as { search: { edges: { node: { shippingOptions: { landedCost: unknown }[] } }[] } }
    ).search.edges.flatMap((edge) => edge.node.shippingOptions);
    expect(options.filter((option) => option.landedCost !== null).length).toBeGreaterThan(20);
    expect(engineMetrics.valuesPassedAsBytes - passed, 'every landed cost passed through').toBeGreaterThanOrEqual(options.length);
  });

  it('node(id:) completes an offer and a seller from the catalog, and answers null for an order the caller may not see', async () => {
    const nodeOf = async (id: string) => {
      const { stock, engine } = await pair.run({ query: operation('node'), variables: { id } });
      expect(engine).toEqual(stock);
      return (stock.data as { node: Record<string, unknown> | null }).node;
    };
    expect(await nodeOf(OFFER_ID)).toMatchObject({
      __typename: 'Offer',
      id: OFFER_ID,
      title: expect.any(String),
      seller: { name: expect.any(String) },
    });
    expect(await nodeOf(SELLER_ID)).toMatchObject({ __typename: 'Seller', id: SELLER_ID, name: expect.any(String), country: 'CN' });
    expect(await nodeOf('ord_AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(await nodeOf('nope')).toBeNull();
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuthorizationPolicy } from '../src/authorization/readAuthorizationPolicy.js';
import { generateApiKey } from '../src/keys/generateApiKey.js';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { startTestGateway, type TestGateway } from './support/startTestGateway.js';

/**
 * The gateway enforces the supergraph's own `@authenticated` and `@requiresScopes`: what the
 * subgraphs declare, composition keeps, and the gateway reads (again on each reload). A supergraph
 * that declares none is served with no policy of the gateway's own.
 */
let subgraphs: FakeSubgraphs;
beforeAll(async () => {
  subgraphs = await startFakeSubgraphs();
});
afterAll(() => subgraphs?.close());

const writer = generateApiKey({ tier: 'developer', scopes: ['orders:write'], id: 'writer' });
const reader = generateApiKey({ tier: 'developer', scopes: [], id: 'reader' });
const marketplace = generateApiKey({ tier: 'marketplace', scopes: [], id: 'feira', marketplaceId: 'br-feira' });
const KEYS = { API_KEYS: [writer.line, reader.line, marketplace.line].join(';') };
const PLACE_ORDER = { query: 'mutation { placeOrder(offerId: "offer-3") }' };

function supergraphFile(sdl: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tradegraph-authz-')), 'supergraph.graphql');
  writeFileSync(path, sdl);
  return path;
}

describe('the access rules composition keeps', () => {
  it('reads @authenticated and @requiresScopes from the composed supergraph, by coordinate', () => {
    const policy = readAuthorizationPolicy(subgraphs.supergraphSdl);
    expect(Object.fromEntries(policy)).toEqual({
      'Query.myOrders': { authenticated: true, scopes: [] },
      'Mutation.placeOrder': { authenticated: false, scopes: [[['orders:write']]] },
      'Mutation.requestTradeFlowExport': { authenticated: false, scopes: [[['insights:read'], ['insights:own-marketplace']]] },
    });
  });

  it('reads none from a supergraph that declares none', () => {
    const sdl = subgraphs.composeSupergraph({ shop: subgraphs.shop.url, rates: subgraphs.rates.url }, { accessRules: false });
    expect(readAuthorizationPolicy(sdl).size).toBe(0);
  });
});

describe('a supergraph with access rules', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs.supergraphPath, KEYS);
  });
  afterAll(() => gateway?.close());

  it('refuses a field marked @authenticated without a key (401, naming the field), and serves it with any key', async () => {
    const calls = subgraphs.calls();
    const refused = await gateway.post({ query: '{ marketplaces { id } myOrders }' });
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', field: 'Query.myOrders' });
    expect(subgraphs.calls()).toBe(calls);
    expect((await gateway.post({ query: '{ myOrders }' }, { 'x-api-key': reader.key })).body).toEqual({ data: { myOrders: ['order-1'] } });
    // fields without rules stay open to keyless callers
    expect((await gateway.post({ query: '{ marketplaces { id } }' })).status).toBe(200);
  });

  it('finds a rule behind a fragment spread', async () => {
    const answer = await gateway.post({ query: 'query { ...Mine } fragment Mine on Query { myOrders }' });
    expect(answer.status).toBe(401);
  });

  it('refuses a key lacking the scopes of @requiresScopes (403, naming them), before any subgraph', async () => {
    const calls = subgraphs.calls();
    const lacking = await gateway.post(PLACE_ORDER, { 'x-api-key': reader.key });
    expect(lacking.status).toBe(403);
    expect(lacking.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'Mutation.placeOrder',
      requiredScopes: [['orders:write']],
    });
    expect(subgraphs.calls()).toBe(calls);
    expect((await gateway.post(PLACE_ORDER, { 'x-api-key': writer.key })).body).toEqual({ data: { placeOrder: 'order for offer-3' } });
  });

  it('takes any one of the alternatives: a marketplace key holds insights:own-marketplace', async () => {
    const exportJob = { query: 'mutation { requestTradeFlowExport }' };
    expect((await gateway.post(exportJob, { 'x-api-key': marketplace.key })).body).toEqual({
      data: { requestTradeFlowExport: 'export job' },
    });
    expect((await gateway.post(exportJob, { 'x-api-key': writer.key })).status).toBe(403);
  });
});

describe('a supergraph that declares no access rules', () => {
  it('runs a keyless mutation: the gateway adds no mutation policy of its own, until a reload brings rules', async () => {
    const path = supergraphFile(
      subgraphs.composeSupergraph({ shop: subgraphs.shop.url, rates: subgraphs.rates.url }, { accessRules: false }),
    );
    const gateway = await startTestGateway(path, { ...KEYS, SUPERGRAPH_POLL_MS: '50' });
    try {
      expect((await gateway.post(PLACE_ORDER)).body).toEqual({ data: { placeOrder: 'order for offer-3' } });
      writeFileSync(path, subgraphs.supergraphSdl);
      await expect.poll(() => gateway.logs.filter((line) => line.msg === 'supergraph reloaded').length, { timeout: 10_000 }).toBe(1);
      expect((await gateway.post(PLACE_ORDER)).status).toBe(401);
    } finally {
      await gateway.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketplacesDocument, OfferDocument, SearchCatalogDocument } from '#operations/__generated__/operations.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { graphqlRequest } from '../support/graphqlRequest.js';

/** The whole stack as separate processes on free ports: sandboxes → catalog → gateway → this client. */
describe('the stack, end to end', () => {
  let stack: RunningStack;
  const logLines: Array<{ service: string; line: string }> = [];

  beforeAll(async () => {
    stack = await launchStack({ ports: 'free', onLine: (service, line) => logLines.push({ service, line }) });
  });
  afterAll(() => stack?.stop());

  const sandbox = (id: string) => stack.sandboxUrls[id]!;
  const setFault = (id: string, fault: string | null) =>
    fetch(`${sandbox(id)}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault }),
    });

  it('answers the contract’s marketplaces query with the sandbox marketplaces', async () => {
    const result = await graphqlRequest(stack.gatewayUrl, MarketplacesDocument, {});
    expect(result.errors).toBeUndefined();
    expect(result.data?.marketplaces).toEqual(
      expect.arrayContaining([
        { id: 'cn-jademarket', name: 'Jade Market', country: 'CN', currency: 'CNY' },
        { id: 'br-feira', name: 'Feira', country: 'BR', currency: 'BRL' },
      ]),
    );
  });

  it('searches the marketplaces through the gateway, and the request id reaches every log', async () => {
    const result = await graphqlRequest(
      stack.gatewayUrl,
      SearchCatalogDocument,
      { query: 'tea', shipTo: 'DE', first: 10 },
      { 'x-request-id': 'e2e-search-1' },
    );
    expect(result.errors).toBeUndefined();
    const edges = result.data!.search.edges;
    const found = new Set(edges.map((edge) => edge.node.marketplace.id));
    expect(found).toContain('cn-jademarket');
    expect(found).toContain('br-feira');
    for (const { node } of edges) {
      expect(node.title.toLowerCase()).toContain('tea');
      expect(node.price.amount).toMatch(node.price.currency === 'JPY' ? /^\d+$/ : /^\d+\.\d{2}$/); // ISO 4217 exponents
      expect(node.seller.name.length).toBeGreaterThan(0);
    }
    expect(result.data!.search.sources.every((source) => source.status === 'OK')).toBe(true);
    // Access-log lines are written once a response has been sent, so they may trail the answer.
    await expect
      .poll(() => new Set(logLines.filter(({ line }) => line.includes('"requestId":"e2e-search-1"')).map(({ service }) => service)))
      .toEqual(new Set(['gateway', 'catalog', 'sandbox']));
  });

  it('keeps answering with a marketplace down, and says which one failed', async () => {
    await setFault('br-feira', 'down');
    try {
      const result = await graphqlRequest(stack.gatewayUrl, SearchCatalogDocument, { query: 'tea', shipTo: 'DE', first: 5 });
      expect(result.errors).toBeUndefined();
      const found = result.data!.search.edges.map((edge) => edge.node.marketplace.id);
      expect(found).toHaveLength(5);
      expect(found).not.toContain('br-feira');
      expect(result.data!.search.sources).toContainEqual(
        expect.objectContaining({ marketplace: { id: 'br-feira' }, status: 'UNAVAILABLE' }),
      );
    } finally {
      await setFault('br-feira', null);
    }
  });

  it('resolves N offers with one upstream lookup per marketplace', async () => {
    const page = await graphqlRequest(stack.gatewayUrl, SearchCatalogDocument, { query: 'tea', shipTo: 'DE', first: 20 });
    const ids = page.data!.search.edges.map((edge) => edge.node.id);
    await Promise.all(Object.keys(stack.sandboxUrls).map((id) => fetch(`${sandbox(id)}/__sandbox/stats`, { method: 'DELETE' })));

    const aliases = ids.map((id, index) => `o${index}: offer(id: ${JSON.stringify(id)}) { id title price { amount currency } }`).join('\n');
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${aliases} }` }),
    });
    const result = (await response.json()) as { data: Record<string, { id: string }>; errors?: unknown };
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data).map((offer) => offer.id)).toEqual(ids);

    const stats = async (id: string) =>
      ((await (await fetch(`${sandbox(id)}/__sandbox/stats`)).json()) as { byEndpoint: Record<string, number> }).byEndpoint;
    expect(await stats('cn-jademarket')).toEqual({ 'jade.items.get': 1 });
    expect((await stats('br-feira'))['items.multiget']).toBe(1);
  });

  it('refuses bad input with BAD_USER_INPUT naming the argument', async () => {
    const result = await graphqlRequest(stack.gatewayUrl, SearchCatalogDocument, { query: 'tea', shipTo: 'DE', first: -1 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    const offer = await graphqlRequest(stack.gatewayUrl, OfferDocument, { id: 'nonsense' });
    expect(offer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });

  it('tells health from readiness', async () => {
    const origin = new URL(stack.gatewayUrl).origin;
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    const ready = (await (await fetch(`${origin}/ready`)).json()) as {
      ready: boolean;
      subgraphs: Array<{ name: string; reachable: boolean }>;
    };
    expect(ready.ready).toBe(true);
    expect(ready.subgraphs.map((subgraph) => subgraph.name)).toContain('catalog');
  });
});

describe('the stack started with SANDBOX_FAULTS', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await launchStack({ ports: 'free', env: { SANDBOX_FAULTS: 'cn-jademarket=down' } });
  });
  afterAll(() => stack?.stop());

  it('answers a search from the other marketplaces, with no top-level error', async () => {
    const result = await graphqlRequest(stack.gatewayUrl, SearchCatalogDocument, { query: 'tea', shipTo: 'US', first: 5 });
    expect(result.errors).toBeUndefined();
    expect(result.data!.search.edges.length).toBe(5);
    expect(result.data!.search.edges.some((edge) => edge.node.marketplace.id === 'cn-jademarket')).toBe(false);
    const failed = result.data!.search.sources.find((source) => source.marketplace.id === 'cn-jademarket');
    expect(failed).toMatchObject({ status: 'UNAVAILABLE' });
    expect(failed?.message).toMatch(/cn-jademarket/);
  });
});

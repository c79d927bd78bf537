import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketplacesDocument, SearchCatalogDocument, type SearchCatalogQuery } from '#operations/__generated__/operations.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { graphqlRequest } from '../support/graphqlRequest.js';

/** Search across every sandbox marketplace through the gateway, as a client sees it. */
describe('search across every marketplace', () => {
  let stack: RunningStack;
  const DEADLINE_MS = 1_500; // the catalog's default SEARCH_DEADLINE_MS

  let marketplaceIdList: string[] = [];
  beforeAll(async () => {
    stack = await launchStack({ ports: 'free' });
    const result = await graphqlRequest(stack.gatewayUrl, MarketplacesDocument, {});
    marketplaceIdList = result.data!.marketplaces.map((marketplace) => marketplace.id);
  });
  afterAll(() => stack?.stop());

  /** Marketplaces as the API lists them; each one's sandbox has the same id. */
  const marketplaceIds = () => marketplaceIdList;
  const setFault = (id: string, fault: string | null) =>
    fetch(`${stack.sandboxUrls[id]}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault }),
    });

  it('lists marketplaces on at least four continents, JPY among their currencies', async () => {
    const result = await graphqlRequest(stack.gatewayUrl, MarketplacesDocument, {});
    const marketplaces = result.data!.marketplaces;
    expect(marketplaces.length).toBeGreaterThanOrEqual(6);
    for (const { id } of marketplaces) expect(stack.sandboxUrls[id], `sandbox for ${id}`).toBeDefined();
    expect(marketplaces.map((marketplace) => marketplace.currency)).toContain('JPY');
    const continents = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ marketplaces { continent } }' }),
    }).then((response) => response.json() as Promise<{ data: { marketplaces: Array<{ continent: string }> } }>);
    expect(new Set(continents.data.marketplaces.map((marketplace) => marketplace.continent)).size).toBeGreaterThanOrEqual(4);
  });

  it('finds tea on many marketplaces in the first page', async () => {
    const result = await graphqlRequest(stack.gatewayUrl, SearchCatalogDocument, { query: 'tea', shipTo: 'DE', first: 10 });
    expect(result.errors).toBeUndefined();
    const found = new Set(result.data!.search.edges.map((edge) => edge.node.marketplace.id));
    expect(found.size).toBeGreaterThanOrEqual(5);
  });

  it('walks every page to the end: each matching offer exactly once, as many as the sandboxes hold', async () => {
    let expected = 0;
    for (const id of marketplaceIds()) {
      const { count } = (await (await fetch(`${stack.sandboxUrls[id]}/__sandbox/matches?q=tea&shipTo=DE`)).json()) as { count: number };
      expected += count;
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 200; page++) {
      const result: { data?: SearchCatalogQuery | null; errors?: unknown } = await graphqlRequest(stack.gatewayUrl, SearchCatalogDocument, {
        query: 'tea',
        shipTo: 'DE',
        first: 25,
        after,
      });
      expect(result.errors).toBeUndefined();
      const search: SearchCatalogQuery['search'] = result.data!.search;
      expect(search.sources.every((source) => source.status === 'OK')).toBe(true);
      seen.push(...search.edges.map((edge) => edge.node.id));
      if (!search.pageInfo.hasNextPage) break;
      after = search.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(expected);
  });

  it('answers within the deadline with one marketplace slow and another down, naming both', async () => {
    const [slow, down] = marketplaceIds();
    await setFault(slow!, 'slow:5000');
    await setFault(down!, 'down');
    try {
      const started = performance.now();
      const result = await graphqlRequest(stack.gatewayUrl, SearchCatalogDocument, { query: 'tea', shipTo: 'DE', first: 10 });
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(DEADLINE_MS + 300);
      expect(result.errors).toBeUndefined();
      const sources = result.data!.search.sources;
      expect(sources.find((source) => source.marketplace.id === slow)?.status).toBe('TIMEOUT');
      expect(sources.find((source) => source.marketplace.id === down)?.status).toBe('UNAVAILABLE');
      expect(result.data!.search.edges.length).toBe(10);
    } finally {
      await setFault(slow!, null);
      await setFault(down!, null);
    }
  });
});

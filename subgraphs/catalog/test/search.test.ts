import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FX_REFRATES_UPSTREAM } from '#packages/fx/index.js';
import { matchesQuery, type SandboxCall } from '#packages/sandbox/index.js';
import * as feira from '#upstreams/br-feira/catalog.js';
import * as jadeMarket from '#upstreams/cn-jademarket/catalog.js';
import { startCatalog, type GraphQLResult, type TestCatalog } from './startCatalog.js';

const SEARCH = `query ($query: String!, $first: Int, $after: String, $filter: SearchFilter) {
  search(query: $query, first: $first, after: $after, filter: $filter) {
    edges { cursor node { id title marketplace { id } price { amount currency } } }
    pageInfo { hasNextPage endCursor }
    sources { marketplace { id } status latencyMs message }
  }
}`;

interface SearchData {
  search: {
    edges: Array<{ cursor: string; node: { id: string; title: string; marketplace: { id: string } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    sources: Array<{ marketplace: { id: string }; status: string; latencyMs: number; message: string | null }>;
  };
}

const { listings: feiraListings } = feira;
const { listings: jadeListings } = jadeMarket;

const DEADLINE_MS = 800;
let catalog: TestCatalog;
const twoMarketplaces = { marketplaces: ['cn-jademarket', 'br-feira'] };

beforeAll(async () => {
  catalog = await startCatalog({ SEARCH_DEADLINE_MS: String(DEADLINE_MS) });
});
afterAll(() => catalog.stop());
afterEach(async () => {
  await Promise.all([...catalog.sandboxes.values()].map((sandbox) => sandbox.setFault(null)));
});

/** Every marketplace the catalog lists: the built-in adapters and those MARKETPLACES_FILE adds. */
async function marketplaceIds(): Promise<string[]> {
  const listed = await catalog.query<{ marketplaces: Array<{ id: string }> }>('{ marketplaces { id } }');
  return listed.data!.marketplaces.map((marketplace) => marketplace.id);
}

/** How many seed listings of all those marketplaces match `query` (and ship to `country`), as their sandboxes count them. */
async function sandboxMatches(query: string, country?: string): Promise<number> {
  const counts = await Promise.all(
    (await marketplaceIds()).map(async (id) => {
      const url = new URL('/__sandbox/matches', catalog.sandboxes.get(id)!.url);
      url.searchParams.set('q', query);
      if (country !== undefined) url.searchParams.set('shipTo', country);
      return ((await (await fetch(url)).json()) as { count: number }).count;
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

describe('search', () => {
  it('walks every page to the end: each matching offer exactly once, from both marketplaces', async () => {
    const expected = [...jadeListings, ...feiraListings].filter((listing) => matchesQuery(listing, 'tea')).length;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const result: GraphQLResult<SearchData> = await catalog.query<SearchData>(SEARCH, {
        query: 'tea',
        first: 7,
        after,
        filter: twoMarketplaces,
      });
      expect(result.errors).toBeUndefined();
      const search = result.data!.search;
      seen.push(...search.edges.map((edge) => edge.node.id));
      if (!search.pageInfo.hasNextPage) break;
      after = search.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(expected);
  });

  it('gives both marketplaces turns among equally relevant offers', async () => {
    const result = await catalog.query<SearchData>(SEARCH, { query: 'tea', first: 6, filter: twoMarketplaces });
    const marketplaces = result.data!.search.edges.map((edge) => edge.node.marketplace.id);
    expect(new Set(marketplaces)).toEqual(new Set(['cn-jademarket', 'br-feira']));
  });

  it('gives every marketplace with results its fair share of a page, cheaper ones first', async () => {
    const listed = await marketplaceIds();
    const result = await catalog.query<SearchData>(SEARCH, { query: 'tea', first: 2 * listed.length });
    const marketplaces = result.data!.search.edges.map((edge) => edge.node.marketplace.id);
    const perMarketplace = new Map<string, number>();
    for (const id of marketplaces) perMarketplace.set(id, (perMarketplace.get(id) ?? 0) + 1);
    expect(perMarketplace.size).toBe(listed.length);
    expect(Math.max(...perMarketplace.values())).toBeLessThanOrEqual(2); // ⌈first ÷ marketplaces⌉
  });

  it('answers from the marketplace that works when the other is down, and says which failed', async () => {
    await catalog.sandboxes.get('br-feira')!.setFault('down');
    const result = await catalog.query<SearchData>(SEARCH, { query: 'tea', first: 5, filter: twoMarketplaces });
    expect(result.errors).toBeUndefined();
    const { edges, sources } = result.data!.search;
    expect(edges.length).toBe(5);
    expect(edges.every((edge) => edge.node.marketplace.id === 'cn-jademarket')).toBe(true);
    const feira = sources.find((source) => source.marketplace.id === 'br-feira')!;
    expect(feira.status).toBe('UNAVAILABLE');
    expect(feira.message).toContain('br-feira');
    expect(sources.find((source) => source.marketplace.id === 'cn-jademarket')!.status).toBe('OK');
  });

  it('answers by the deadline when a marketplace is slow', async () => {
    await catalog.sandboxes.get('cn-jademarket')!.setFault('slow:5000');
    const started = performance.now();
    const result = await catalog.query<SearchData>(SEARCH, { query: 'tea', first: 5, filter: twoMarketplaces });
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS + 300);
    expect(result.data!.search.sources.find((source) => source.marketplace.id === 'cn-jademarket')!.status).toBe('TIMEOUT');
    expect(result.data!.search.edges.length).toBe(5);
  });

  it('reports garbage as an ERROR source, never a wrong offer', async () => {
    await catalog.sandboxes.get('cn-jademarket')!.setFault('garbage');
    const result = await catalog.query<SearchData>(SEARCH, { query: 'tea', first: 5, filter: twoMarketplaces });
    expect(result.errors).toBeUndefined();
    expect(result.data!.search.sources.find((source) => source.marketplace.id === 'cn-jademarket')!.status).toBe('ERROR');
    expect(result.data!.search.edges.every((edge) => edge.node.marketplace.id === 'br-feira')).toBe(true);
  });

  it('resumes a marketplace that failed from where it stood, losing nothing', async () => {
    const first = await catalog.query<SearchData>(SEARCH, { query: 'coffee', first: 4, filter: twoMarketplaces });
    await catalog.sandboxes.get('br-feira')!.setFault('down');
    const during = await catalog.query<SearchData>(SEARCH, {
      query: 'coffee',
      first: 4,
      after: first.data!.search.pageInfo.endCursor,
      filter: twoMarketplaces,
    });
    await catalog.sandboxes.get('br-feira')!.setFault(null);
    const after = await catalog.query<SearchData>(SEARCH, {
      query: 'coffee',
      first: 50,
      after: during.data!.search.pageInfo.endCursor,
      filter: twoMarketplaces,
    });
    const ids = [first, during, after].flatMap((result) => result.data!.search.edges.map((edge) => edge.node.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(after.data!.search.edges.some((edge) => edge.node.marketplace.id === 'br-feira')).toBe(true);
  });
});

describe('search filters', () => {
  const FILTERED = `query ($query: String!, $filter: SearchFilter) {
    search(query: $query, first: 50, filter: $filter) { edges { node { hsClassification { hsCode } originCountry availableQuantity } } }
  }`;
  type Filtered = {
    search: { edges: Array<{ node: { hsClassification: { hsCode: string }; originCountry: string; availableQuantity: number } }> };
  };

  it('keeps only the HS chapters, origins and stock asked for', async () => {
    const knitwear = await catalog.query<Filtered>(FILTERED, {
      query: 'cotton',
      filter: { hsChapters: ['61'], originCountries: ['BR', 'JP'], inStock: true },
    });
    const nodes = knitwear.data!.search.edges.map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.hsClassification.hsCode.slice(0, 2)).toBe('61');
      expect(['BR', 'JP']).toContain(node.originCountry);
      expect(node.availableQuantity).toBeGreaterThan(0);
    }
    const none = await catalog.query<Filtered>(FILTERED, { query: 'tea', filter: { hsChapters: ['95'] } });
    expect(none.data!.search.edges).toEqual([]);
  });

  it('keeps only offers within a price range, whatever currency they are priced in', async () => {
    const PRICED = `query ($filter: SearchFilter) { search(query: "tea", first: 50, filter: $filter) { edges { node { price { amount currency } } } } }`;
    type Priced = { search: { edges: Array<{ node: { price: { amount: string; currency: string } } }> } };
    const all = await catalog.query<Priced>(PRICED, { filter: {} });
    const dear = await catalog.query<Priced>(PRICED, { filter: { price: { currency: 'EUR', min: '30.00' } } });
    expect(dear.errors).toBeUndefined();
    const dearPrices = dear.data!.search.edges.map((edge) => edge.node.price);
    const eurosBelow = (prices: Array<{ amount: string; currency: string }>) =>
      prices.filter((p) => p.currency === 'EUR' && Number(p.amount) < 30);
    expect(eurosBelow(all.data!.search.edges.map((edge) => edge.node.price)).length).toBeGreaterThan(0); // cheapest come first
    expect(dearPrices.length).toBeGreaterThan(0);
    expect(eurosBelow(dearPrices)).toEqual([]);
    expect(new Set(dearPrices.map((price) => price.currency)).size).toBeGreaterThan(1);
  });

  it.each([
    [{ currency: 'EUR', min: '-1' }, 'filter.price.min'],
    [{ currency: 'JPY', max: '10.5' }, 'filter.price.max'],
    [{ currency: 'EUR', min: '20', max: '10' }, 'filter.price'],
  ])('refuses the price range %o naming %s', async (price, argumentName) => {
    const result = await catalog.query(FILTERED, { query: 'tea', filter: { price } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });

  it('refuses a chapter that is not one', async () => {
    const result = await catalog.query(FILTERED, { query: 'tea', filter: { hsChapters: ['9'] } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.hsChapters' });
  });
});

describe('shipTo', () => {
  const SHIPPABLE = `query ($query: String!, $first: Int, $after: String, $filter: SearchFilter) {
    search(query: $query, first: $first, after: $after, filter: $filter) {
      edges { node { id originCountry shipsTo { worldwide countries except } } }
      pageInfo { hasNextPage endCursor }
      sources { marketplace { id } status }
    }
  }`;
  type ShipsTo = { worldwide: boolean; countries: string[]; except: string[] };
  type Shippable = {
    search: {
      edges: Array<{ node: { id: string; originCountry: string; shipsTo: ShipsTo } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      sources: Array<{ marketplace: { id: string }; status: string }>;
    };
  };

  it('finds nothing to a destination no marketplace ships to, though every marketplace answered', async () => {
    const result = await catalog.query<Shippable>(SHIPPABLE, { query: 'tea', first: 50, filter: { shipTo: 'KP' } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.search.edges).toEqual([]);
    expect(result.data!.search.sources.map((source) => source.status)).toEqual(Array((await marketplaceIds()).length).fill('OK'));
  });

  it('reads the destination as filter.destinationCountry or the deprecated shipTo alike, given once', async () => {
    const ids = async (filter: Record<string, string>) =>
      (await catalog.query<Shippable>(SHIPPABLE, { query: 'tea', first: 20, filter })).data!.search.edges.map((edge) => edge.node.id);
    const named = await ids({ destinationCountry: 'AR' });
    expect(named.length).toBeGreaterThan(0);
    expect(named).toEqual(await ids({ shipTo: 'AR' }));
    expect(named).not.toEqual(await ids({}));
    const twice = await catalog.query(SHIPPABLE, { query: 'tea', first: 5, filter: { destinationCountry: 'AR', shipTo: 'DE' } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.destinationCountry' });
  });

  it('leaves out domestic-only offers from other countries', async () => {
    const all = await catalog.query<Shippable>(SHIPPABLE, { query: 'tea', first: 50 });
    const isDomesticOnly = ({ originCountry, shipsTo }: { originCountry: string; shipsTo: ShipsTo }) =>
      !shipsTo.worldwide && shipsTo.countries.length === 1 && shipsTo.countries[0] === originCountry;
    expect(all.data!.search.edges.some(({ node }) => isDomesticOnly(node) && node.originCountry !== 'DE')).toBe(true);

    const toGermany = await catalog.query<Shippable>(SHIPPABLE, { query: 'tea', first: 50, filter: { shipTo: 'DE' } });
    const nodes = toGermany.data!.search.edges.map((edge) => edge.node);
    expect(nodes.length).toBe(50);
    for (const node of nodes) {
      if (isDomesticOnly(node)) expect(node.originCountry).toBe('DE');
      expect(node.shipsTo.worldwide ? !node.shipsTo.except.includes('DE') : node.shipsTo.countries.includes('DE')).toBe(true);
    }
  });

  describe('walking every page', () => {
    // A catalog of its own whose deadline a loaded machine does not reach: the walk counts listings,
    // and a marketplace page that timed out would drop some (the deadline has its own tests above).
    let patient: TestCatalog;
    beforeAll(async () => {
      patient = await startCatalog({ SEARCH_DEADLINE_MS: '20000' });
    });
    afterAll(() => patient?.stop());

    it.each(['DE', 'AR'])('walks every page to %s: exactly the seed listings that can ship there', async (country) => {
      // Every marketplace's sandbox counts its own seed listings (`/__sandbox/matches`), whoever reads them.
      const expected = await sandboxMatches('tea', country);
      const allTea = await sandboxMatches('tea');
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(allTea); // the filter has something to leave out
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page++) {
        const result: GraphQLResult<Shippable> = await patient.query<Shippable>(SHIPPABLE, {
          query: 'tea',
          first: 50,
          after,
          filter: { shipTo: country },
        });
        expect(result.errors).toBeUndefined();
        seen.push(...result.data!.search.edges.map((edge) => edge.node.id));
        if (!result.data!.search.pageInfo.hasNextPage) break;
        after = result.data!.search.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(expected);
    });
  });
});

describe('search input', () => {
  it.each([
    [{ query: 'tea', first: -1 }, 'first'],
    [{ query: 'tea', first: 500 }, 'first'],
    [{ query: '   ' }, 'query'],
    [{ query: 'tea', after: 'not-a-cursor' }, 'after'],
    [{ query: 'tea', filter: { marketplaces: ['xx-nowhere'] } }, 'filter.marketplaces'],
  ])('refuses %o naming the argument', async (variables, argumentName) => {
    const result = await catalog.query(SEARCH, variables);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.argumentName).toBe(argumentName);
  });

  it('refuses a cursor edited by hand', async () => {
    const tea = await catalog.query<SearchData>(SEARCH, { query: 'tea', first: 2 });
    const [payload, mac] = tea.data!.search.pageInfo.endCursor!.split('.');
    const json = Buffer.from(payload!, 'base64url').toString('utf8');
    const rewound = json.replace(/,1,0\]/, ',0,0]'); // show a marketplace's first offer again
    expect(rewound).not.toBe(json);
    const edited = Buffer.from(rewound, 'utf8').toString('base64url');
    const result = await catalog.query(SEARCH, { query: 'tea', after: `${edited}.${mac}` });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('refuses a cursor from another search', async () => {
    const tea = await catalog.query<SearchData>(SEARCH, { query: 'tea', first: 2 });
    const result = await catalog.query(SEARCH, { query: 'coffee', after: tea.data!.search.pageInfo.endCursor });
    expect(result.errors?.[0]?.message).toMatch(/different search/);
  });

  it('refuses an unknown country code', async () => {
    const result = await catalog.query(SEARCH, { query: 'tea', filter: { shipTo: 'XX' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('CountryCode');
  });
});

describe('entities', () => {
  it('resolves many offers and sellers with one upstream call per marketplace', async () => {
    const page = await catalog.query<SearchData>(SEARCH, { query: 'tea', first: 30, filter: twoMarketplaces });
    const ids = page.data!.search.edges.map((edge) => edge.node.id);
    expect(new Set(page.data!.search.edges.map((edge) => edge.node.marketplace.id)).size).toBe(2);
    for (const sandbox of catalog.sandboxes.values()) await sandbox.resetStats();

    const result = await catalog.query<{ _entities: Array<{ id: string; title: string; seller: { name: string; country: string } }> }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Offer { id title seller { name country } } } }`,
      { representations: ids.map((id) => ({ __typename: 'Offer', id })) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((offer) => offer.id)).toEqual(ids);
    expect((await catalog.sandboxes.get('cn-jademarket')!.stats()).byEndpoint).toEqual({ 'jade.items.get': 1, 'jade.shops.get': 1 });
    expect((await catalog.sandboxes.get('br-feira')!.stats()).byEndpoint).toMatchObject({ 'items.multiget': 1, 'users.multiget': 1 });
  });

  it('answers null for an offer the marketplace does not know, and refuses an id that is not an offer id', async () => {
    const unknown = Buffer.from('Offer:cn-jademarket:1').toString('base64url');
    const result = await catalog.query<{ offer: unknown }>(`query ($id: ID!) { offer(id: $id) { id } }`, { id: unknown });
    expect(result.data).toEqual({ offer: null });
    const bad = await catalog.query(`{ offer(id: "hello") { id } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
  });
});

describe('reference rates', () => {
  /** Each sandbox's answered calls (`GET /__sandbox/calls`), with their times on this process's clock. */
  const callsOf = async (running: TestCatalog, upstream: string): Promise<SandboxCall[]> =>
    ((await (await fetch(new URL('/__sandbox/calls', running.sandboxes.get(upstream)!.url))).json()) as { calls: SandboxCall[] }).calls;

  it('are read while the marketplaces are asked, not before them: a refresh adds no round trip to a search', async () => {
    // a catalog of its own, whose rates were never read
    const fresh = await startCatalog();
    try {
      await fresh.sandboxes.get(FX_REFRATES_UPSTREAM)!.setFault('slow:300');
      const result = await fresh.query<SearchData>(SEARCH, { query: 'tea', first: 5, filter: { price: { currency: 'EUR', min: '1.00' } } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.search.edges).toHaveLength(5);

      const [rates, ...more] = await callsOf(fresh, FX_REFRATES_UPSTREAM);
      expect(more).toEqual([]);
      const marketplaceCalls = (
        await Promise.all([...fresh.sandboxes.keys()].filter((id) => id !== FX_REFRATES_UPSTREAM).map((id) => callsOf(fresh, id)))
      ).flat();
      expect(marketplaceCalls.length).toBeGreaterThan(0);
      for (const call of marketplaceCalls) expect(call.receivedAt).toBeLessThan(rates!.answeredAt);
    } finally {
      await fresh.stop();
    }
  });

  it('that cannot be read fail a search with a price filter, naming the upstream, and leave one without it ordered by turns', async () => {
    const fresh = await startCatalog();
    try {
      await fresh.sandboxes.get(FX_REFRATES_UPSTREAM)!.setFault('error:503');
      const filtered = await fresh.query<SearchData>(SEARCH, {
        query: 'tea',
        first: 5,
        filter: { price: { currency: 'EUR', min: '1.00' } },
      });
      expect(filtered.data?.search ?? null).toBeNull();
      expect(filtered.errors?.[0]?.message).toContain(FX_REFRATES_UPSTREAM);
      const plain = await fresh.query<SearchData>(SEARCH, { query: 'tea', first: 5 });
      expect(plain.errors).toBeUndefined();
      expect(plain.data!.search.edges).toHaveLength(5);
    } finally {
      await fresh.stop();
    }
  });
});

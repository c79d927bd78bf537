import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrust, type TestTrust } from '#subgraphs/trust/test/support/startTrust.js';
import { startCatalog, type TestCatalog } from './startCatalog.js';

const SEARCH = `query ($filter: SearchFilter, $after: String) {
  search(query: "tea", first: 20, filter: $filter, after: $after) {
    edges { node { id marketplace { id } seller { id verification { level } rating { average worst best count } } } }
    pageInfo { hasNextPage endCursor }
    sources { marketplace { id } status message }
  }
}`;
const TRUST = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Seller { id trust { level } } } }`;

interface Seller {
  id: string;
  verification: { level: string } | null;
  rating: { average: number; worst: number; best: number; count: number } | null;
}
interface SearchData {
  search: {
    edges: Array<{ node: { id: string; marketplace: { id: string }; seller: Seller } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    sources: Array<{ marketplace: { id: string }; status: string; message: string | null }>;
  };
}

const LEVELS = ['NEW', 'BASIC', 'ESTABLISHED', 'TRUSTED'];

describe('search filter.minTrustLevel, with the real trust subgraph', () => {
  let trust: TestTrust;
  let catalog: TestCatalog;
  beforeAll(async () => {
    trust = await startTrust();
    catalog = await startCatalog({ TRUST_URL: trust.url, SEARCH_DEADLINE_MS: '5000' });
  });
  afterAll(async () => {
    await catalog?.stop();
    await trust?.stop();
  });

  /** The level trust gives each seller, asked the way the gateway would (one `_entities`). */
  async function levelsOf(sellers: readonly Seller[]): Promise<string[]> {
    const answer = await trust.query<{ _entities: Array<{ trust: { level: string } }> }>(TRUST, {
      representations: sellers.map((seller) => ({ __typename: 'Seller', ...seller })),
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!._entities.map((entity) => entity.trust.level);
  }

  it('keeps only offers whose seller is at the level or above, across pages, and leaves out the others', async () => {
    const all = await catalog.query<SearchData>(SEARCH, {});
    expect(all.errors).toBeUndefined();
    const allLevels = await levelsOf(all.data!.search.edges.map((edge) => edge.node.seller));
    // sellers without any evidence (the built-in marketplaces report no ratings) are NEW; rated ones are not
    expect(allLevels).toContain('NEW');
    expect(allLevels.some((level) => level !== 'NEW')).toBe(true);

    const shown: SearchData['search']['edges'] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const filtered: { data?: SearchData | null; errors?: unknown } = await catalog.query<SearchData>(SEARCH, {
        filter: { minTrustLevel: 'BASIC' },
        after,
      });
      expect(filtered.errors).toBeUndefined();
      expect(filtered.data!.search.sources.every((source) => source.status === 'OK')).toBe(true);
      shown.push(...filtered.data!.search.edges);
      if (!filtered.data!.search.pageInfo.hasNextPage) break;
      after = filtered.data!.search.pageInfo.endCursor;
    }
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown.map((edge) => edge.node.id)).size).toBe(shown.length);
    const shownLevels = await levelsOf(shown.map((edge) => edge.node.seller));
    expect(shownLevels.every((level) => LEVELS.indexOf(level) >= LEVELS.indexOf('BASIC'))).toBe(true);
    // every offer of the unfiltered page from a seller at BASIC or above is among them
    const expected = all.data!.search.edges.filter((_, index) => allLevels[index] !== 'NEW').map((edge) => edge.node.id);
    expect(shown.map((edge) => edge.node.id)).toEqual(expect.arrayContaining(expected.slice(0, 3)));
  });

  it('refuses a filtered cursor for the unfiltered search', async () => {
    const filtered = await catalog.query<SearchData>(SEARCH, { filter: { minTrustLevel: 'BASIC' } });
    const cursor = filtered.data!.search.pageInfo.endCursor;
    expect(cursor).not.toBeNull();
    const reused = await catalog.query<SearchData>(SEARCH, { after: cursor });
    expect((reused.errors as Array<{ extensions?: { code?: string } }> | undefined)?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('search filter.minTrustLevel without trust', () => {
  let catalog: TestCatalog;
  beforeAll(async () => {
    // nothing listens there
    catalog = await startCatalog({ TRUST_URL: 'http://127.0.0.1:9/graphql', SEARCH_DEADLINE_MS: '5000' });
  });
  afterAll(() => catalog?.stop());

  it('shows no offer unfiltered: each marketplace is ERROR, saying trust could not be read', async () => {
    const result = await catalog.query<SearchData>(SEARCH, {
      filter: { minTrustLevel: 'BASIC', marketplaces: ['ke-soko', 'cn-jademarket'] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.search.edges).toEqual([]);
    for (const source of result.data!.search.sources) {
      expect(source.status).toBe('ERROR');
      expect(source.message).toMatch(/seller trust \(filter\.minTrustLevel\) could not be read/);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRestrictions } from '#packages/restrictions/index.js';
import { startCatalog, type TestCatalog } from './startCatalog.js';

const SEARCH = `query ($query: String!, $first: Int, $filter: SearchFilter) {
  search(query: $query, first: $first, filter: $filter) {
    edges { node { id originCountry hsClassification { hsCode } } }
    sources { marketplace { id } status droppedForRestrictions }
  }
}`;

interface SearchData {
  search: {
    edges: Array<{ node: { id: string; originCountry: string; hsClassification: { hsCode: string | null } } }>;
    sources: Array<{ marketplace: { id: string }; status: string; droppedForRestrictions: number }>;
  };
}

/** The headings of China's positive list, as the restriction file has them. */
const positiveList = loadRestrictions().restrictions.find(({ line }) => line.id === 'cn-cbec-retail-positive-list')!.line.goods.exceptHs!;
const onList = (code: string | null) => code !== null && positiveList.some((prefix) => code.startsWith(prefix));

let catalog: TestCatalog;
const search = async (query: string, filter: Record<string, unknown>) => {
  const result = await catalog.query<SearchData>(SEARCH, { query, first: 50, filter });
  expect(result.errors).toBeUndefined();
  return result.data!.search;
};

beforeAll(async () => {
  catalog = await startCatalog();
});
afterAll(() => catalog.stop());

describe('search that leaves out what cannot reach the buyer', () => {
  it('to CN, leaves out imported goods off the cross-border retail positive list, and counts them', async () => {
    const everything = await search('book', { shipTo: 'CN' });
    const offList = everything.edges.filter(({ node }) => node.originCountry !== 'CN' && !onList(node.hsClassification.hsCode));
    expect(offList.length).toBeGreaterThan(0);

    const shippable = await search('book', { shipTo: 'CN', onlyShippable: true });
    for (const { node } of shippable.edges) expect(node.originCountry === 'CN' || onList(node.hsClassification.hsCode), node.id).toBe(true);
    expect(shippable.edges.some(({ node }) => node.originCountry === 'CN')).toBe(true);
    const dropped = shippable.sources.reduce((sum, source) => sum + source.droppedForRestrictions, 0);
    expect(dropped).toBeGreaterThanOrEqual(offList.length);
    expect(everything.sources.every((source) => source.droppedForRestrictions === 0)).toBe(true);
  });

  it('keeps goods on the list, and goods that only some modes refuse', async () => {
    const tea = await search('tea', { shipTo: 'CN', onlyShippable: true });
    expect(tea.edges.some(({ node }) => node.originCountry !== 'CN')).toBe(true);
    const cells = await search('lithium battery', { shipTo: 'US', onlyShippable: true });
    expect(cells.edges.length).toBeGreaterThan(0);
  });

  it('refuses onlyShippable without a destination, naming the field', async () => {
    const result = await catalog.query(SEARCH, { query: 'tea', filter: { onlyShippable: true } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.onlyShippable' });
  });
});

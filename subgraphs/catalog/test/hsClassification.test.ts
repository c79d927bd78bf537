import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHsNomenclature } from '#packages/hs/index.js';
import type { SeedListing } from '#packages/sandbox/index.js';
import { listings, numIidOf } from '#upstreams/cn-jademarket/catalog.js';
import { toGlobalId } from '../src/globalId.js';
import { startCatalog, type TestCatalog } from './startCatalog.js';
import { principalHeaders } from '#test/support/serviceSecret.js';

const hs = loadHsNomenclature();
let catalog: TestCatalog;
beforeAll(async () => {
  catalog = await startCatalog();
});
afterAll(() => catalog.stop());

interface Classification {
  hsCode: string | null;
  description: string | null;
  status: string;
  confidence: number | null;
  alternatives: Array<{ hsCode: string; description: string; confidence: number }>;
}
const CLASSIFICATION = 'hsCode hsClassification { hsCode description status confidence alternatives { hsCode description confidence } }';
const idOf = (listing: SeedListing) => toGlobalId('Offer', { marketplaceId: 'cn-jademarket', nativeId: String(numIidOf(listing)) });
const listing = (test: (listing: SeedListing) => boolean) => {
  const found = listings.find(test);
  if (!found) throw new Error('the seeded Jade Market catalog has no such listing');
  return found;
};

describe('Offer.hsClassification', () => {
  const declared = listing((l) => l.declaredHsCode === l.archetype.hsCode && l.archetype.key === 'cotton-tshirt');
  const missing = listing((l) => l.declaredHsCode === undefined && l.archetype.key === 'oolong-tea');
  const headingOnly = listing((l) => l.declaredHsCode?.length === 4);
  const retired = listing((l) => l.declaredHsCode?.length === 6 && hs.get(l.declaredHsCode) === undefined);

  async function classify(...offers: SeedListing[]) {
    const fields = offers.map((offer, i) => `o${i}: offer(id: "${idOf(offer)}") { ${CLASSIFICATION} }`).join('\n');
    const result = await catalog.query<Record<string, { hsCode: string | null; hsClassification: Classification }>>(`{ ${fields} }`);
    expect(result.errors).toBeUndefined();
    return offers.map((_offer, i) => result.data![`o${i}`]!);
  }

  it('keeps a seller’s code that exists, named from the nomenclature, with the title’s other readings as alternatives', async () => {
    const [offer] = await classify(declared);
    expect(offer!.hsClassification).toMatchObject({ hsCode: '610910', status: 'DECLARED', confidence: null });
    expect(offer!.hsClassification.description).toBe(hs.get('610910')!.description);
    expect(offer!.hsClassification.alternatives.length).toBeLessThanOrEqual(3);
    expect(offer!.hsClassification.alternatives.map((alternative) => alternative.hsCode)).not.toContain('610910');
  });

  it('classifies from the title when the seller declared none, a bare heading, or a code HS 2022 does not have', async () => {
    const [none, heading, gone] = await classify(missing, headingOnly, retired);
    expect(none!.hsCode).toBeNull();
    expect(none!.hsClassification).toMatchObject({ hsCode: '090230', status: 'SUGGESTED' });
    for (const [offer, seed] of [
      [heading!, headingOnly],
      [gone!, retired],
    ] as const) {
      expect(offer.hsCode).toBe(seed.declaredHsCode); // Offer.hsCode stays what the seller declared
      expect(offer.hsClassification.status).toBe('SUGGESTED');
      expect(offer.hsClassification.hsCode?.slice(0, 4)).toBe(seed.archetype.hsCode.slice(0, 4));
      expect(offer.hsClassification.confidence).toBeGreaterThanOrEqual(0.3);
      expect(offer.hsClassification.alternatives.length).toBeLessThanOrEqual(3);
    }
  });

  it('classifies a whole search page, and filters chapters by the classified code', async () => {
    const page = await catalog.query<{ search: { edges: Array<{ node: { hsCode: string | null; hsClassification: Classification } }> } }>(
      `{ search(query: "tea", first: 50, filter: { hsChapters: ["09"] }) { edges { node { ${CLASSIFICATION} } } } }`,
    );
    expect(page.errors).toBeUndefined();
    const nodes = page.data!.search.edges.map((edge) => edge.node);
    expect(nodes.length).toBe(50);
    for (const node of nodes) expect(node.hsClassification.hsCode?.slice(0, 2)).toBe('09');
    expect(nodes.some((node) => node.hsClassification.status === 'SUGGESTED')).toBe(true);
  });
});

describe('classifyProduct', () => {
  const CLASSIFY = `query ($title: String!, $description: String, $first: Int) {
    classifyProduct(title: $title, description: $description, first: $first) { hsCode description confidence }
  }`;
  type Suggestions = { classifyProduct: Array<{ hsCode: string; description: string; confidence: number }> };

  it('proposes subheadings best first, as many as asked', async () => {
    const result = await catalog.query<Suggestions>(CLASSIFY, { title: 'Cotton T-Shirt', first: 5 });
    expect(result.errors).toBeUndefined();
    const suggestions = result.data!.classifyProduct;
    expect(suggestions).toHaveLength(5);
    expect(suggestions[0]).toMatchObject({ hsCode: '610910', description: hs.get('610910')!.description });
    expect(suggestions[0]!.confidence).toBeGreaterThan(suggestions[1]!.confidence);
    const matcha = await catalog.query<Suggestions>(CLASSIFY, { title: '抹茶パウダー' });
    expect(matcha.data!.classifyProduct.map((suggestion) => suggestion.hsCode)).toHaveLength(3);
    expect(matcha.data!.classifyProduct[0]!.hsCode).toBe('090210');
  });

  it('answers public, cacheable data', async () => {
    const response = await fetch(catalog.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...principalHeaders() },
      body: JSON.stringify({ query: '{ classifyProduct(title: "drone") { hsCode } }' }),
    });
    expect(response.headers.get('cache-control')).toMatch(/max-age=86400, public/);
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title'],
    ['a title over 1,000 characters', { title: 'tea '.repeat(251) }, 'title'],
    ['first under 1', { title: 'tea', first: 0 }, 'first'],
    ['first over 10', { title: 'tea', first: 11 }, 'first'],
    ['a description over 5,000 characters', { title: 'tea', description: 'x'.repeat(5001) }, 'description'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, variables, argumentName) => {
    const result = await catalog.query(CLASSIFY, variables);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });
});

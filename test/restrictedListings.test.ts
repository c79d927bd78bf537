import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalog, type TestCatalog } from '#subgraphs/catalog/test/startCatalog.js';
import { startLogistics, type TestLogistics } from '#subgraphs/logistics/test/startLogistics.js';

/**
 * The seeded restricted listings through catalog and logistics as the gateway joins them: the catalog's
 * offers (with the fields logistics `@requires`) handed to logistics as representations. The whole
 * stack through the gateway is `e2e/restrictions.e2e.ts`.
 */
const SEARCH = `query ($query: String!, $shipTo: CountryCode!) {
  search(query: $query, first: 10, filter: { shipTo: $shipTo }) { edges { node {
    __typename id price { amount currency } originCountry hsCode hsClassification { hsCode status confidence }
    weightGrams dimensions { lengthCm widthCm heightCm } warehouseCountries containsLithiumBattery
  } } }
}`;
const SHIP = `query ($representations: [_Any!]!, $to: CountryCode!) {
  _entities(representations: $representations) { ... on Offer {
    shippingOptions(to: $to) { mode consignment { customsMode } restrictions { kind rule } }
    shippingRestrictions(to: $to) { mode reason restriction { kind rule source } }
  } }
}`;
type Offer = Record<string, unknown> & { hsClassification: { hsCode: string | null } };
type Shipping = {
  shippingOptions: Array<{
    mode: string;
    consignment: { customsMode: string | null };
    restrictions: Array<{ kind: string; rule: string }>;
  }>;
  shippingRestrictions: Array<{ mode: string; reason: string; restriction: { kind: string; rule: string; source: string } | null }>;
};

let catalog: TestCatalog;
let logistics: TestLogistics;
beforeAll(async () => {
  [catalog, logistics] = await Promise.all([startCatalog(), startLogistics()]);
});
afterAll(async () => {
  await Promise.all([catalog?.stop(), logistics?.stop()]);
});

async function shipSearch(query: string, to: string, heading: string): Promise<Shipping[]> {
  const found = await catalog.query<{ search: { edges: Array<{ node: Offer }> } }>(SEARCH, { query, shipTo: to });
  expect(found.errors).toBeUndefined();
  const offers = found.data!.search.edges.map((edge) => edge.node).filter((offer) => offer.hsClassification.hsCode?.startsWith(heading));
  expect(offers.length).toBeGreaterThan(0);
  const shipped = await logistics.query<{ _entities: Shipping[] }>(SHIP, { representations: offers, to });
  expect(shipped.errors).toBeUndefined();
  return shipped.data!._entities;
}

describe('the sandbox’s restricted listings', () => {
  it('a search for "lithium battery" shipping to the US has no postal option, and says why', async () => {
    for (const offer of await shipSearch('lithium battery', 'US', '8507')) {
      expect(offer.shippingOptions.some((option) => option.consignment.customsMode === 'POSTAL')).toBe(false);
      expect(offer.shippingRestrictions).toContainEqual(
        expect.objectContaining({
          mode: 'POSTAL',
          restriction: expect.objectContaining({ kind: 'PROHIBITED', rule: 'upu-lithium-batteries-alone' }),
        }),
      );
    }
  });

  it('wine to the US has no postal option, and says why', async () => {
    for (const offer of await shipSearch('riesling', 'US', '2204')) {
      expect(offer.shippingOptions.some((option) => option.consignment.customsMode === 'POSTAL')).toBe(false);
      expect(offer.shippingRestrictions).toContainEqual(
        expect.objectContaining({ mode: 'POSTAL', restriction: expect.objectContaining({ rule: 'us-alcohol-nonmailable' }) }),
      );
    }
  });
});

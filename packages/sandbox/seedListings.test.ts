import { describe, expect, it } from 'vitest';
import { RESTRICTED_DESTINATIONS } from './restrictedDestinations.js';
import { seedCatalog, sellerShipsTo } from './seedListings.js';

const options = {
  seed: 'test-market',
  count: 40,
  language: 'en',
  country: 'US',
  minorUnitsPerUsdCent: 1,
  sellerNames: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'],
  regionalDestinations: ['CA', 'MX', 'KP'],
} as const;

describe('seed shipping policies', () => {
  it('are the same on every run, and leave the rest of the catalog as it was without them', () => {
    const first = seedCatalog(options);
    expect(seedCatalog(options)).toEqual(first);
    const otherRegion = seedCatalog({ ...options, regionalDestinations: ['GB'] });
    expect(otherRegion.listings).toEqual(first.listings);
    expect(otherRegion.sellers.map(({ shipping: _, ...seller }) => seller)).toEqual(
      first.sellers.map(({ shipping: _, ...seller }) => seller),
    );
  });

  it('give about one seller in six each a home-only and a regional policy, the rest worldwide', () => {
    const kinds = seedCatalog(options).sellers.map((seller) => seller.shipping.kind);
    expect(kinds.filter((kind) => kind === 'DOMESTIC')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'REGIONAL')).toHaveLength(2);
    expect(kinds.filter((kind) => kind === 'WORLDWIDE')).toHaveLength(8);
  });

  it('never ship to a restricted destination, even one on the regional list', () => {
    for (const seller of seedCatalog(options).sellers) {
      for (const country of RESTRICTED_DESTINATIONS) expect(sellerShipsTo(seller, country)).toBe(false);
      expect(sellerShipsTo(seller, 'US')).toBe(true);
    }
  });
});

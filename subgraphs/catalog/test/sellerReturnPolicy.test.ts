import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedSeller } from '#packages/sandbox/index.js';
import * as feira from '#upstreams/br-feira/catalog.js';
import * as jadeMarket from '#upstreams/cn-jademarket/catalog.js';
import * as marktplatz from '#upstreams/de-marktplatz/catalog.js';
import * as ichiba from '#upstreams/jp-ichiba/catalog.js';
import * as pasarMall from '#upstreams/my-pasarmall/catalog.js';
import * as mainStreet from '#upstreams/us-mainstreet/catalog.js';
import { toGlobalId } from '../src/globalId.js';
import { startCatalog, type TestCatalog } from './startCatalog.js';

interface Policy {
  acceptsReturns: boolean;
  windowDays: number | null;
  returnShippingPaidBy: 'BUYER' | 'SELLER';
  restockingFeeBp: number;
}

const accepts = (windowDays: number, returnShippingPaidBy: Policy['returnShippingPaidBy'], restockingFeeBp = 0): Policy => ({
  acceptsReturns: true,
  windowDays,
  returnShippingPaidBy,
  restockingFeeBp,
});
const refuses = (returnShippingPaidBy: Policy['returnShippingPaidBy'] = 'BUYER'): Policy => ({
  acceptsReturns: false,
  windowDays: null,
  returnShippingPaidBy,
  restockingFeeBp: 0,
});

/**
 * Each built-in marketplace's sellers' return terms, read from its sandbox in the vendor's own
 * words ("15d", hours, 1/2 codes, KAEUFER/HAENDLER, a percent string, XML flags) and served as
 * `Seller.returnPolicy` in ours. The expected policies are written here in our vocabulary, by
 * seller index, for the terms each sandbox's `catalog.ts` seeds.
 */
const MARKETPLACES: ReadonlyArray<{
  id: string;
  sellers: readonly SeedSeller[];
  nativeIdOf(seller: SeedSeller): string;
  expected: readonly Policy[];
}> = [
  {
    id: 'cn-jademarket',
    sellers: jadeMarket.sellers,
    nativeIdOf: (seller) => String(jadeMarket.sellerIdOf(seller)),
    expected: [accepts(7, 'BUYER'), accepts(15, 'SELLER'), accepts(7, 'SELLER'), refuses()],
  },
  {
    id: 'de-marktplatz',
    sellers: marktplatz.sellers,
    nativeIdOf: marktplatz.haendlerIdOf,
    expected: [accepts(14, 'BUYER'), accepts(30, 'SELLER'), accepts(14, 'SELLER'), accepts(100, 'SELLER'), accepts(30, 'BUYER')],
  },
  {
    id: 'us-mainstreet',
    sellers: mainStreet.sellers,
    nativeIdOf: mainStreet.sellerIdOf,
    expected: [accepts(30, 'BUYER'), accepts(60, 'SELLER'), accepts(30, 'BUYER', 1500), refuses()],
  },
  {
    id: 'jp-ichiba',
    sellers: ichiba.sellers,
    nativeIdOf: ichiba.shopCodeOf,
    expected: [refuses(), accepts(8, 'BUYER'), refuses(), accepts(14, 'SELLER')],
  },
  {
    id: 'br-feira',
    sellers: feira.sellers,
    nativeIdOf: (seller) => String(feira.userIdOf(seller)),
    expected: [accepts(7, 'BUYER'), accepts(30, 'SELLER'), accepts(7, 'SELLER')],
  },
  {
    id: 'my-pasarmall',
    sellers: pasarMall.sellers,
    nativeIdOf: (seller) => String(pasarMall.shopIdOf(seller)),
    expected: [accepts(15, 'SELLER'), accepts(7, 'BUYER'), refuses()],
  },
];

const RETURN_POLICIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Seller { id returnPolicy { acceptsReturns windowDays returnShippingPaidBy restockingFeeBp } }
  }
}`;

let catalog: TestCatalog;
beforeAll(async () => {
  catalog = await startCatalog();
}, 60_000);
afterAll(() => catalog?.stop());

describe('Seller.returnPolicy from the built-in marketplaces', () => {
  it.each(MARKETPLACES)('$id: every seller’s terms, in our words', async ({ id, sellers, nativeIdOf, expected }) => {
    const ids = sellers.map((seller) => toGlobalId('Seller', { marketplaceId: id, nativeId: nativeIdOf(seller) }));
    const result = await catalog.query<{ _entities: Array<{ id: string; returnPolicy: Policy | null }> }>(RETURN_POLICIES, {
      representations: ids.map((sellerId) => ({ __typename: 'Seller', id: sellerId })),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual(
      sellers.map((seller, index) => ({ id: ids[index], returnPolicy: expected[seller.index % expected.length] })),
    );
    // varied: the sandbox's sellers do not all share one policy
    expect(new Set(result.data!._entities.map((entity) => JSON.stringify(entity.returnPolicy))).size).toBeGreaterThan(1);
  });
});

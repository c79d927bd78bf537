import { MERCOSUR, seedCatalog, type SeedListing, type SeedSeller } from '#packages/sandbox/index.js';

/** Feira's catalog: Brazilian sellers, prices in reais. */
export const { listings, sellers } = seedCatalog({
  seed: 'br-feira',
  count: 260,
  language: 'pt',
  country: 'BR',
  minorUnitsPerUsdCent: 5.4, // centavos per US cent, roughly BRL 5.40 per USD
  sellerNames: ['Empório Mineiro', 'Café do Cerrado', 'Ateliê Bahia', 'Loja Geek SP', 'Beleza Carioca', 'Brinquedos Sul', 'Sebo Paulista'],
  warehouseCountries: ['US', 'DE'],
  // Regional sellers: the Mercosur neighbours, and the US, Brazil's usual cross-border buyer.
  regionalDestinations: [...MERCOSUR, 'US'],
});

export const itemIdOf = (listing: SeedListing): string => `MLB${3_100_000 + listing.index * 3}`;
export const userIdOf = (seller: SeedSeller): number => 81_000 + seller.index * 11;

const byItemId = new Map(listings.map((listing) => [itemIdOf(listing), listing]));
const byUserId = new Map(sellers.map((seller) => [userIdOf(seller), seller]));

export const findListing = (itemId: string): SeedListing | undefined => byItemId.get(itemId);
export const findSeller = (userId: number): SeedSeller | undefined => byUserId.get(userId);

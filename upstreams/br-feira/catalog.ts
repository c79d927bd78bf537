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

/**
 * Where each seller ships from, by seller index, in the platform's address shape (street name and
 * number apart, `state.id` as `BR-<UF>`). Real towns, streets and postal codes; house numbers are made up and no real business is meant.
 */
const SHIPPING_ADDRESSES = [
  ['Rua da Bahia', '1148', 'Centro', 'Belo Horizonte', 'MG', '30160-011'],
  ['Avenida Getúlio Vargas', '420', 'Centro', 'Patrocínio', 'MG', '38740-000'],
  ['Rua Chile', '22', 'Centro', 'Salvador', 'BA', '40020-000'],
  ['Rua Augusta', '1508', 'Consolação', 'São Paulo', 'SP', '01304-001'],
  ['Rua Visconde de Pirajá', '330', 'Ipanema', 'Rio de Janeiro', 'RJ', '22410-002'],
  ['Rua dos Andradas', '1234', 'Centro Histórico', 'Porto Alegre', 'RS', '90020-008'],
  ['Rua Barão de Itapetininga', '37', 'República', 'São Paulo', 'SP', '01042-001'],
] as const;

export function shippingAddressOf(seller: SeedSeller): Record<string, unknown> {
  const [street, number, neighborhood, city, uf, zip] = SHIPPING_ADDRESSES[seller.index % SHIPPING_ADDRESSES.length]!;
  return {
    street_name: street,
    street_number: number,
    neighborhood: { name: neighborhood },
    city: { name: city },
    state: { id: `BR-${uf}` },
    country: { id: seller.country },
    zip_code: zip,
  };
}

/**
 * Each seller's return conditions, by seller index, as the API writes them: `days`, and
 * `free_return` when the seller pays the way back. Brazil's consumer code lets buyers of distance
 * sales withdraw within 7 days, so no window here is shorter. Sandbox data: no real seller's terms
 * are meant.
 */
const RETURN_CONDITIONS = [
  { accepts_returns: true, days: 7, free_return: false },
  { accepts_returns: true, days: 30, free_return: true },
  { accepts_returns: true, days: 7, free_return: true },
] as const;

export const returnConditionsOf = (seller: SeedSeller) => RETURN_CONDITIONS[seller.index % RETURN_CONDITIONS.length]!;

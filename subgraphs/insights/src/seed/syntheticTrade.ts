import type { EventShippingMode } from '#packages/events/index.js';

/**
 * The shape of the synthetic history: weights, not facts. They are set to look like cross-border
 * e-commerce as trade reports describe it (China by far the largest origin; posts carrying most
 * small parcels on long lanes and express more on short, rich ones; a November peak for Singles'
 * Day and Black Friday), and every row made from them is flagged `synthetic`. Prices, charges
 * and rates here are plausible round numbers, not customs rules or published rates.
 */

/** Origin countries by share of orders, with the currency sellers there price in. */
export const ORIGINS: ReadonlyArray<readonly [country: string, weight: number, currency: string]> = [
  ['CN', 45, 'CNY'],
  ['US', 9, 'USD'],
  ['DE', 7, 'EUR'],
  ['JP', 6, 'JPY'],
  ['GB', 5, 'GBP'],
  ['KR', 5, 'KRW'],
  ['MY', 4, 'MYR'],
  ['TR', 3, 'TRY'],
  ['IT', 3, 'EUR'],
  ['FR', 3, 'EUR'],
  ['IN', 3, 'INR'],
  ['BR', 2, 'BRL'],
  ['VN', 2, 'USD'],
  ['PL', 2, 'PLN'],
  ['TH', 1, 'THB'],
];

/** Destination countries by share of orders, with the currency buyers there pay in. */
export const DESTINATIONS: ReadonlyArray<readonly [country: string, weight: number, currency: string]> = [
  ['US', 20, 'USD'],
  ['DE', 10, 'EUR'],
  ['GB', 8, 'GBP'],
  ['FR', 7, 'EUR'],
  ['BR', 6, 'BRL'],
  ['JP', 5, 'JPY'],
  ['AU', 5, 'AUD'],
  ['CA', 5, 'CAD'],
  ['IT', 4, 'EUR'],
  ['ES', 4, 'EUR'],
  ['NL', 3, 'EUR'],
  ['MY', 3, 'MYR'],
  ['KR', 3, 'KRW'],
  ['MX', 3, 'MXN'],
  ['PL', 2, 'PLN'],
  ['SE', 2, 'SEK'],
  ['CH', 2, 'CHF'],
  ['IN', 2, 'INR'],
  ['TH', 2, 'THB'],
];

/** Goods by share of orders: an HS 2022 subheading, a typical unit price in USD and a unit weight. */
export const GOODS: ReadonlyArray<readonly [hs6: string, weight: number, unitUsd: number, unitGrams: number, description: string]> = [
  ['610910', 12, 9, 180, 'Cotton T-shirt'],
  ['620342', 6, 28, 600, "Men's cotton trousers"],
  ['640411', 8, 45, 900, 'Sports shoes'],
  ['851830', 8, 22, 250, 'Wireless earphones'],
  ['851762', 5, 35, 300, 'Network adapter'],
  ['847130', 2, 420, 1800, 'Laptop'],
  ['950300', 7, 15, 400, 'Toy'],
  ['420221', 5, 60, 700, 'Leather handbag'],
  ['330499', 9, 18, 200, 'Skin care cream'],
  ['090210', 3, 12, 250, 'Green tea'],
  ['711719', 7, 6, 50, 'Imitation jewellery'],
  ['392690', 8, 5, 120, 'Plastic accessory'],
  ['611020', 5, 30, 500, 'Cotton pullover'],
  ['900410', 4, 14, 80, 'Sunglasses'],
  ['950450', 2, 290, 2500, 'Video game console'],
  ['330510', 4, 9, 350, 'Shampoo'],
];

/** Units of each currency per 1 EUR: round values near 2025's, not published rates. */
export const SYNTHETIC_PER_EURO: Readonly<Record<string, number>> = {
  USD: 1.1,
  CNY: 7.9,
  JPY: 165,
  GBP: 0.85,
  KRW: 1500,
  MYR: 4.9,
  TRY: 38,
  INR: 93,
  BRL: 6.2,
  PLN: 4.3,
  THB: 38,
  AUD: 1.7,
  CAD: 1.5,
  MXN: 21,
  SEK: 11.2,
  CHF: 0.95,
};

/** Orders by calendar month (January first): the November peak, a December tail, a quiet February. */
export const MONTH_WEIGHTS = [0.85, 0.75, 0.9, 0.9, 0.95, 0.95, 0.95, 0.95, 1, 1.1, 1.9, 1.4];

const REGIONAL: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'SE', 'GB', 'CH']),
  new Set(['CN', 'JP', 'KR', 'MY', 'TH', 'VN', 'IN']),
  new Set(['US', 'CA', 'MX', 'BR']),
];

/** Mode shares on a lane: posts lead from China on long lanes, a dedicated line to Europe, express on short and rich lanes. */
export function modeShares(origin: string, destination: string): ReadonlyArray<readonly [EventShippingMode, number]> {
  const near = REGIONAL.some((region) => region.has(origin) && region.has(destination));
  if (origin === 'CN') {
    const europe = REGIONAL[0]!.has(destination);
    return europe
      ? [
          ['POSTAL', 45],
          ['DEDICATED_LINE', 35],
          ['EXPRESS', 20],
        ]
      : [
          ['POSTAL', 60],
          ['EXPRESS', 25],
          ['DEDICATED_LINE', 15],
        ];
  }
  return near
    ? [
        ['EXPRESS', 55],
        ['POSTAL', 45],
      ]
    : [
        ['POSTAL', 50],
        ['EXPRESS', 50],
      ];
}

/** The carrier of each mode (the sandbox carriers' ids), and the days it promises. */
export const MODE_TERMS: Readonly<Record<string, { carrier: string; min: number; max: number }>> = {
  POSTAL: { carrier: 'post-intl', min: 10, max: 25 },
  EXPRESS: { carrier: 'express-global', min: 3, max: 7 },
  DEDICATED_LINE: { carrier: 'line-asiaeu', min: 7, max: 14 },
};

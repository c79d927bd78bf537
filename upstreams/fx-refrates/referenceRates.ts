import { seededRandom } from '#packages/sandbox/index.js';
import { utcMidnight } from '#packages/fx/index.js';

/**
 * The currencies the ECB quotes against the euro, in the order of its daily file, with a base rate
 * (units per 1 EUR, near late-2025 market levels), the decimals the ECB writes for each, and how far
 * the sandbox lets it swing (basis points), then the supplements the ECB does not publish (KES). Not quoted, as at the real source: BGN (Bulgaria joined
 * the euro on 1 January 2026), HRK (euro since 2023), RUB (suspended since 1 March 2022), and
 * currencies the ECB never quoted such as AED, SAR, TWD or VND.
 */
const CURRENCIES: ReadonlyArray<readonly [code: string, base: string, swingBp: number]> = [
  ['USD', '1.1600', 180],
  ['JPY', '180.50', 220],
  ['CZK', '24.200', 60],
  ['DKK', '7.4620', 3], // ERM II: held close to its 7.46038 central rate
  ['GBP', '0.87800', 120],
  ['HUF', '385.00', 150],
  ['PLN', '4.2300', 80],
  ['RON', '5.0900', 50],
  ['SEK', '10.9500', 120],
  ['CHF', '0.9300', 90],
  ['ISK', '147.00', 120],
  ['NOK', '11.7500', 140],
  ['TRY', '49.5000', 300],
  ['AUD', '1.7700', 160],
  ['BRL', '6.2000', 250],
  ['CAD', '1.6250', 150],
  ['CNY', '8.2400', 150],
  ['HKD', '9.0300', 180],
  ['IDR', '19400.00', 200],
  ['ILS', '3.7800', 200],
  ['INR', '104.0000', 180],
  ['KRW', '1700.00', 200],
  ['MXN', '21.2000', 220],
  ['MYR', '4.8000', 150],
  ['NZD', '2.0300', 170],
  ['PHP', '68.500', 170],
  ['SGD', '1.5100', 100],
  ['THB', '37.500', 160],
  ['ZAR', '19.9000', 250],
  // Not an ECB currency: a supplement after the ECB's list, so the sandbox marketplace in Kenya can
  // be quoted. Base near the Central Bank of Kenya's indicative rate of late 2025 (KES ≈ 129.2 per
  // USD, so ≈ 149.9 per EUR at this file's USD rate; https://www.centralbank.go.ke/rates/forex-exchange-rates/,
  // knowledge, not re-checked). A deployment needs a real source for it: the ECB publishes none.
  ['KES', '149.9000', 150],
];

/** Every currency the sandbox publishes, as the ECB lists them. */
export const PUBLISHED_CURRENCIES: readonly string[] = CURRENCIES.map(([code]) => code);

/** Days in one up-and-down swing of a rate: a slow trend, so consecutive days look related. */
const SWING_DAYS = 128;

/**
 * The sandbox's reference rate for `currency` on publication day `date`: its base rate moved by a
 * slow triangle-wave trend plus a small daily jitter, both derived from the date alone. Integer
 * arithmetic only (no `Math.sin`, whose last bits differ between engines), so every machine and
 * every test computes the same digits.
 */
export function referenceRateOn(currency: string, date: string): string | undefined {
  const entry = CURRENCIES.find(([code]) => code === currency);
  return entry ? rateOf(entry, date) : undefined;
}

/** All rates of one publication day, in the ECB's order. */
export function ratesOn(date: string): ReadonlyArray<readonly [currency: string, rate: string]> {
  return CURRENCIES.map((entry) => [entry[0], rateOf(entry, date)]);
}

function rateOf([code, base, swingBp]: (typeof CURRENCIES)[number], date: string): string {
  const decimals = base.length - base.indexOf('.') - 1;
  const baseUnits = Number(base.replace('.', ''));
  const day = utcMidnight(date) / 86_400_000;
  const random = seededRandom(`fx-refrates:${code}:${date}`);
  const phase = seededRandom(`fx-refrates:${code}`).int(0, SWING_DAYS - 1);
  const position = (day + phase) % SWING_DAYS;
  const half = SWING_DAYS / 2;
  const trendBp = Math.round((((position < half ? position : SWING_DAYS - position) - half / 2) * swingBp) / (half / 2));
  const jitterBp = random.int(-Math.ceil(swingBp / 6), Math.ceil(swingBp / 6));
  // round(base × (1 + bp/10000)) on integers below 2^53: exact.
  const units = Math.floor((baseUnits * (10_000 + trendBp + jitterBp) + 5_000) / 10_000);
  const digits = String(units).padStart(decimals + 1, '0');
  return `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}`;
}

import { convert, UnsupportedCurrencyError, type ReferenceRates } from '#packages/fx/index.js';
import type { CurrencyCode, Money } from '#packages/money/index.js';
import type { QuoteCharge, QuoteRates } from '#packages/quotes/index.js';
import type { ChargeGroup } from './groupCharges.js';

export interface ConvertedParts {
  readonly item: Money;
  readonly shipping: Money;
  readonly charges: readonly QuoteCharge[];
  /** Only the rates the conversion used, for the quote to fix. */
  readonly rates: QuoteRates;
}

/**
 * Converts each part of a landed cost into `currency` exactly once (packages/fx: exact cross rate
 * through EUR, rounded once, half-even, to the currency's ISO 4217 exponent): the goods, the
 * shipping, and each customs charge group. Totals are then sums of these converted parts, never a
 * conversion of a sum, so they add up to the minor unit. The buyer's payment conversion is the
 * day's reference rate, whatever rate customs assessed at.
 *
 * @throws UnsupportedCurrencyError when the rates do not quote `currency` or a part's currency.
 */
export function convertParts(
  item: Money,
  shipping: Money,
  groups: readonly ChargeGroup[],
  currency: CurrencyCode,
  rates: ReferenceRates,
): ConvertedParts {
  // Checked first: a buyer in a currency the rates do not quote is refused even when every part
  // happens to be in that currency already.
  if (currency !== 'EUR' && rates.rates[currency] === undefined) throw new UnsupportedCurrencyError(currency, rates);
  const used = new Set<CurrencyCode>([currency, item.currency, shipping.currency, ...groups.map((group) => group.original.currency)]);
  const perEuro: Partial<Record<CurrencyCode, string>> = {};
  for (const code of [...used].sort()) {
    const rate = rates.rates[code];
    if (code !== 'EUR' && rate !== undefined) perEuro[code] = rate;
  }
  return {
    item: convertOnce(item, currency, rates),
    shipping: convertOnce(shipping, currency, rates),
    charges: groups.map((group) => ({ ...group, converted: convertOnce(group.original, currency, rates) })),
    rates: { date: rates.date, source: rates.source.name, perEuro },
  };
}

/** How each converted part is rounded, once; the lines word their conversions with it. */
export const PART_ROUNDING = 'half-even';

/** Same currency: the amount as it is (no rounding step at all); otherwise one exact conversion. */
function convertOnce(money: Money, to: CurrencyCode, rates: ReferenceRates): Money {
  return money.currency === to ? money : convert(money, to, rates, PART_ROUNDING).money;
}

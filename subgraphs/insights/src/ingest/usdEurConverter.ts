import { MalformedEventError, type EventMoney } from '#packages/events/index.js';
import { decimalToRatio, roundRatio, type Ratio } from '#packages/fx/exactRatio.js';
import { exponentOf, MoneyError, parseMoney, toDecimalString, type CurrencyCode } from '#packages/money/index.js';

/** USD and EUR amounts of one order, as decimal strings to the cent. */
export type UsdEur = readonly [usd: string, eur: string];

const EUR_RATIO: Ratio = { numerator: 1n, denominator: 1n };
/** Rate texts read once: a day's rates are the same text for every order of the day. */
const ratios = new Map<string, Ratio>();
const ratioOf = (text: string): Ratio => {
  let ratio = ratios.get(text);
  if (!ratio) {
    if (ratios.size > 10_000) ratios.clear();
    ratios.set(text, (ratio = decimalToRatio(text)));
  }
  return ratio;
};

/**
 * Converts an order's amounts into USD and EUR with its euro reference rates, exactly as
 * `packages/fx` `convert` does (through EUR, rounded once, half-even), without the display rate
 * it also builds: ingestion converts ten amounts per order, a million orders at a time.
 *
 * @throws MalformedEventError for an amount or currency that does not read, or has no rate.
 */
export function usdEurConverter(eventId: string, perEuro: Readonly<Record<string, string>>): (money: EventMoney) => UsdEur {
  const perEuroOf = (currency: string): Ratio => {
    if (currency === 'EUR') return EUR_RATIO;
    const text = perEuro[currency];
    if (text === undefined) throw new MalformedEventError(eventId, `no euro reference rate for ${currency}`);
    return ratioOf(text);
  };
  const usd = perEuroOf('USD');
  return (money) => {
    let minor: bigint;
    try {
      minor = parseMoney(money.amount, money.currency).minor;
    } catch (error) {
      if (error instanceof MoneyError) throw new MalformedEventError(eventId, `${money.amount} ${money.currency}: ${error.message}`);
      throw error;
    }
    const from = perEuroOf(money.currency);
    const scale = 10n ** BigInt(exponentOf(money.currency as CurrencyCode));
    // EUR cents = minor / 10^e(from) / perEuro(from) × 100; USD cents = that × perEuro(USD).
    const eur = roundRatio({ numerator: minor * from.denominator * 100n, denominator: scale * from.numerator }, 'half-even');
    const dollars = roundRatio(
      { numerator: minor * from.denominator * usd.numerator * 100n, denominator: scale * from.numerator * usd.denominator },
      'half-even',
    );
    return [toDecimalString({ minor: dollars, currency: 'USD' }), toDecimalString({ minor: eur, currency: 'EUR' })];
  };
}

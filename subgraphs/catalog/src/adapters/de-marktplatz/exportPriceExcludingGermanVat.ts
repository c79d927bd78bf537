import { fromMinor, type Money } from '#packages/money/index.js';

/** The German standard VAT rate, UStG §12(1): 19 % since 2007-01-01. */
export const GERMAN_STANDARD_VAT_PERCENT = 19n;

/**
 * Marktplatz shows consumer prices with German VAT included (19 %, UStG §12(1)). A sale exported
 * to a buyer outside the EU is a tax-free export delivery (UStG §4 Nr. 1a with §6), so the seller
 * charges no German VAT and the export price is the net price: gross / 1.19, rounded half-up
 * to the cent.
 *
 * The round trip is exact: the shop rounded net × 1.19 to the cent, an error of at most half a
 * cent, which dividing by 1.19 shrinks to under 0.43 cent — so rounding again lands on the
 * seller's original net cent every time.
 */
export function exportPriceExcludingGermanVat(gross: Money): Money {
  if (gross.currency !== 'EUR') throw new RangeError(`German VAT is removed from EUR prices, not ${gross.currency}`);
  const divisor = 100n + GERMAN_STANDARD_VAT_PERCENT;
  // Half-up in integers: floor((gross × 100 + divisor / 2) / divisor), doubled to stay whole.
  const net = (gross.minor * 200n + divisor) / (2n * divisor);
  return fromMinor(net, 'EUR');
}

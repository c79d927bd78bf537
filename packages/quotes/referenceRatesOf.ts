import type { ReferenceRates } from '../fx/index.js';
import type { QuoteRates } from './Quote.js';

/**
 * The reference rates a quote fixed, in the shape `packages/fx` converts with: converting at them
 * again gives the quote's own figures. The document's address is not in a quote (the publisher and
 * day say which rates they are), so the source has none.
 */
export function referenceRatesOf(rates: QuoteRates): ReferenceRates {
  return { date: rates.date, source: { name: rates.source, url: '' }, rates: rates.perEuro };
}

import type { ReferenceRates } from './ReferenceRates.js';

/**
 * A conversion asked for a currency the reference rates do not quote (e.g. AED or VND: the ECB
 * does not publish them). Callers taking a currency from a client turn this into a user error.
 */
export class UnsupportedCurrencyError extends Error {
  override name = 'UnsupportedCurrencyError';

  constructor(
    readonly currency: string,
    rates: ReferenceRates,
  ) {
    const quoted = ['EUR', ...Object.keys(rates.rates)].sort().join(', ');
    super(`${currency} has no reference rate in the ${rates.source.name} rates of ${rates.date} (quoted: ${quoted})`);
  }
}

import { GraphQLError } from 'graphql';
import { ErrorCode, userInputError } from '#packages/errors/index.js';
import { UnsupportedCurrencyError, type ReferenceRates } from '#packages/fx/index.js';
import { computeImportCharges } from '../importCharges/computeImportCharges.js';
import { RulesUnavailableError } from '../importCharges/RulesUnavailableError.js';
import type { Consignment, ImportCharges } from '../importCharges/types.js';
import type { Context } from '../context.js';

/** No rates at all: enough for a consignment that never leaves the destination's currency. */
const NO_RATES: ReferenceRates = { date: 'none', source: { name: 'none', url: 'about:blank' }, rates: {} };

/**
 * Computes import charges, asking for exchange rates only when a conversion needs them: a GBP
 * parcel to GB is answered even while the FX source is down. The first attempt runs without rates;
 * a conversion it cannot make sends it to the destination's customs series for the date (EU
 * monthly art. 146 rate, CBP's, JP's weekly rate) or, where it has none, the day's reference rates.
 *
 * @param field where the consignment came from, to name in errors: `input` for the query, null for a representation.
 */
export async function computeWithRates(consignment: Consignment, context: Context, field: 'input' | null): Promise<ImportCharges> {
  try {
    try {
      return computeImportCharges(consignment, context.rules, NO_RATES);
    } catch (error) {
      if (!(error instanceof UnsupportedCurrencyError)) throw error;
    }
    return computeImportCharges(consignment, context.rules, await ratesFor(consignment, context));
  } catch (error) {
    if (error instanceof RulesUnavailableError) {
      if (field === null) throw new GraphQLError(error.message, { extensions: { code: ErrorCode.NOT_FOUND } });
      throw userInputError(`${field}.${error.field}: ${error.message}`, `${field}.${error.field}`);
    }
    if (error instanceof UnsupportedCurrencyError) {
      const message = `${error.currency} cannot be converted: ${error.message}`;
      if (field === null) throw new GraphQLError(message, { extensions: { code: ErrorCode.UPSTREAM_BAD_RESPONSE } });
      throw userInputError(`${field}.items: ${message}`, `${field}.items`);
    }
    throw error;
  }
}

/** The series customs converts at on the consignment's date (the rules say which). */
async function ratesFor(consignment: Consignment, context: Context): Promise<ReferenceRates> {
  // computeImportCharges already checked the destination and date, so rulesAt answers here.
  const series = context.rules.rulesAt(consignment.destination, new Date(`${consignment.date}T00:00:00Z`)).exchangeRate?.series;
  if (series === undefined || series === 'REFERENCE') return context.referenceRates();
  return context.customsRates(series, consignment.date);
}

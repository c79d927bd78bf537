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
 * Computes import charges, asking for reference rates only when a conversion needs them: a GBP
 * parcel to GB is answered even while the FX source is down. The first attempt runs without rates;
 * a conversion it cannot make sends it to the (cached, per-request memoised) rates.
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
    return computeImportCharges(consignment, context.rules, await context.referenceRates());
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

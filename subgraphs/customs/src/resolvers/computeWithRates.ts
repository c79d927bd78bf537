import { GraphQLError } from 'graphql';
import { ErrorCode, userInputError } from '#packages/errors/index.js';
import { UnsupportedCurrencyError, type ReferenceRates } from '#packages/fx/index.js';
import { rememberImportCharges } from '../importCharges/rememberImportCharges.js';
import { RulesUnavailableError } from '../importCharges/RulesUnavailableError.js';
import type { Consignment, ImportCharges } from '../importCharges/types.js';
import type { LoadedRules } from '../../rules/loadRules.js';
import type { Context } from '../context.js';

/** No rates at all: enough for a consignment that never leaves the destination's currency. */
const NO_RATES: ReferenceRates = { date: 'none', source: { name: 'none', url: 'about:blank' }, rates: {} };

/**
 * Computes import charges, asking for exchange rates only when a conversion needs them: a GBP
 * parcel to GB is answered even while the FX source is down. The rates are the destination's
 * customs series for the date (EU monthly art. 146 rate, CBP's, JP's weekly rate) or, where it has
 * none, the day's reference rates.
 *
 * @param field where the consignment came from, to name in errors: `input` for the query, null for a representation.
 */
export async function computeWithRates(consignment: Consignment, context: Context, field: 'input' | null): Promise<ImportCharges> {
  try {
    return pricedInAnotherCurrency(consignment, context.rules)
      ? await withRatesFirst(consignment, context)
      : await withoutRatesFirst(consignment, context);
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

/**
 * Goods, freight or last mile priced in another currency than the destination's: valuing them
 * converts, so the rates are fetched before computing, not after a first attempt has found out
 * (nearly every cross-border shipping option; that attempt was a third of customs' work per search).
 */
function pricedInAnotherCurrency(consignment: Consignment, rules: LoadedRules): boolean {
  let currency: string;
  try {
    currency = rules.rulesAt(consignment.destination, new Date(`${consignment.date}T00:00:00Z`)).currency;
  } catch {
    return false; // computeImportCharges names what is missing
  }
  return (
    consignment.items.some((item) => item.value.currency !== currency) ||
    (consignment.shipping !== undefined && consignment.shipping.currency !== currency) ||
    (consignment.postBorderTransport !== undefined && consignment.postBorderTransport.currency !== currency)
  );
}

async function withRatesFirst(consignment: Consignment, context: Context): Promise<ImportCharges> {
  let rates: ReferenceRates;
  try {
    rates = await ratesFor(consignment, context);
  } catch (failure) {
    // FX is down: goods that cross no border (same country or union, stock already imported) convert nothing.
    try {
      return rememberImportCharges(consignment, context.rules, NO_RATES);
    } catch (error) {
      throw error instanceof UnsupportedCurrencyError ? failure : error;
    }
  }
  return rememberImportCharges(consignment, context.rules, rates);
}

/** Everything in the destination's currency: a limit set in another (a EUR threshold for NO) may still need the rates. */
async function withoutRatesFirst(consignment: Consignment, context: Context): Promise<ImportCharges> {
  try {
    return rememberImportCharges(consignment, context.rules, NO_RATES);
  } catch (error) {
    if (!(error instanceof UnsupportedCurrencyError)) throw error;
  }
  return rememberImportCharges(consignment, context.rules, await ratesFor(consignment, context));
}

/** The series customs converts at on the consignment's date (the rules say which). */
async function ratesFor(consignment: Consignment, context: Context): Promise<ReferenceRates> {
  // pricedInAnotherCurrency or computeImportCharges already checked the destination and date, so rulesAt answers here.
  const series = context.rules.rulesAt(consignment.destination, new Date(`${consignment.date}T00:00:00Z`)).exchangeRate?.series;
  if (series === undefined || series === 'REFERENCE') return context.referenceRates();
  return context.customsRates(series, consignment.date);
}

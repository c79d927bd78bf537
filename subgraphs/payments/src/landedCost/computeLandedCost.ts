import { GraphQLError } from 'graphql';
import { ErrorCode, userInputError } from '#packages/errors/index.js';
import { UnsupportedCurrencyError } from '#packages/fx/index.js';
import { addMoney, type CurrencyCode, type Money } from '#packages/money/index.js';
import { signQuote, type Quote, type QuoteParts } from '#packages/quotes/index.js';
import type { FeeQuoteRequest } from '../adapters/ports.js';
import type { Context } from '../context.js';
import type { LandedCostModel } from '../models.js';
import { choosePaymentFee, type ProviderAnswer } from './choosePaymentFee.js';
import { convertParts } from './convertParts.js';
import { describeLandedCost } from './describeLandedCost.js';
import type { ShippingOptionFacts } from './readShippingOption.js';

/**
 * The landed cost of one shipping option in the buyer's `currency`:
 * 1. item (goods value), shipping, duties, taxes and import fees, each converted once (half-even);
 * 2. the payment fee of the cheapest provider that takes the buyer's country, this currency and
 *    the amount (every provider asked through its per-request loader: one call per provider for
 *    all options of the request), as the provider prices it (half-up);
 * 3. fees = payment fee + import fees; total = item + shipping + duties + taxes + fees, exactly;
 * 4. all of it fixed in a signed quote token that expires after `QUOTE_TTL_SECONDS`.
 */
export async function computeLandedCost(option: ShippingOptionFacts, currency: CurrencyCode, context: Context): Promise<LandedCostModel> {
  const { rates } = await context.rates();
  const original: QuoteParts = {
    item: option.goodsValue,
    shipping: option.cost,
    duties: option.duties,
    taxes: option.taxes,
    importFees: option.importFees,
  };
  const { converted, rates: usedRates } = convertOrRefuse(original, currency, rates);
  const base = sum([converted.item, converted.shipping, converted.duties, converted.taxes, converted.importFees]);

  const request: FeeQuoteRequest = {
    amount: base,
    buyerCountry: option.destinationCountry,
    merchantCountry: option.originCountry,
    settlementCurrency: option.goodsValue.currency,
  };
  const answers: ProviderAnswer[] = await Promise.all(
    [...context.providers.values()].map(async (provider) => {
      const loader = context.loaders.feeQuotes.get(provider.info.id)!;
      const answer = await loader.load(request).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      if (answer instanceof Error) context.logger.warn('payment provider gave no fee quote', { provider: provider.info.id, error: answer });
      return { provider: provider.info, answer };
    }),
  );
  const chosen = choosePaymentFee(request, answers);

  const fees = addMoney(chosen.fee, converted.importFees);
  const issuedAt = context.now();
  const quote: Quote = {
    version: 1,
    shippingOptionId: option.id,
    originCountry: option.originCountry,
    destinationCountry: option.destinationCountry,
    currency,
    original,
    converted,
    paymentFee: { provider: chosen.provider.id, ...chosen.breakdown, base, fee: chosen.fee },
    fees,
    total: sum([converted.item, converted.shipping, converted.duties, converted.taxes, fees]),
    rates: usedRates,
    promise: { transitDays: option.transitDays, deMinimisApplied: option.deMinimisApplied },
    issuedAt: new Date(issuedAt).toISOString(),
    expiresAt: new Date(issuedAt + context.quoteTtlSeconds * 1000).toISOString(),
  };
  const lines = describeLandedCost(quote, {
    deMinimisApplied: option.deMinimisApplied,
    collectedAtSale: option.collectedAtSale,
    lines: option.customsLines,
    rulesDate: option.rulesDate,
  });
  return { quote, quoteId: signQuote(quote, context.quoteKey), lines };
}

function convertOrRefuse(original: QuoteParts, currency: CurrencyCode, rates: Parameters<typeof convertParts>[2]) {
  try {
    return convertParts(original, currency, rates);
  } catch (error) {
    if (!(error instanceof UnsupportedCurrencyError)) throw error;
    // The buyer's currency is theirs to change; a part in an unquoted currency is our problem.
    if (error.currency === currency) throw userInputError(`currency: ${error.message}`, 'currency');
    throw new GraphQLError(`Cannot price this option: ${error.message}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  }
}

function sum(parts: readonly Money[]): Money {
  return parts.reduce((total, part) => addMoney(total, part));
}

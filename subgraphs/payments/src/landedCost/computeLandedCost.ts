import { GraphQLError } from 'graphql';
import { ErrorCode, userInputError } from '#packages/errors/index.js';
import { UnsupportedCurrencyError } from '#packages/fx/index.js';
import { addMoney, fromMinor, type CurrencyCode, type Money } from '#packages/money/index.js';
import { paymentBase, quoteAmounts, signQuote, type Quote } from '#packages/quotes/index.js';
import type { FeeQuote, FeeQuoteRequest, PaymentProvider } from '../adapters/ports.js';
import type { Context } from '../context.js';
import type { LandedCostModel } from '../models.js';
import { choosePaymentFee, type ProviderAnswer } from './choosePaymentFee.js';
import { convertParts } from './convertParts.js';
import { describeLandedCost } from './describeLandedCost.js';
import { groupCharges } from './groupCharges.js';
import { cardFxTaxCharge, paymentTerms } from './paymentCharges.js';
import type { ShippingOptionFacts } from './readShippingOption.js';

/**
 * The landed cost of one shipping option in the buyer's `currency`: what the buyer really pays.
 * 1. goods, shipping and each group of customs charges (by kind, collection point and payer), each
 *    converted once (half-even) at the day's reference rate;
 * 2. the payment fee of the cheapest provider that takes the buyer's country, this currency, the
 *    amount charged at checkout, and the method asked (any, without one), counting the card tax
 *    (BR IOF) a provider's method brings (every provider asked through its per-request loader);
 * 3. the fee is the seller's where surcharging a consumer is forbidden (EU/EEA, UK), else the buyer's;
 * 4. total = the buyer's parts; payableAtCheckout + payableOnDelivery = total, exactly;
 * 5. all of it fixed in a signed quote token that expires after `QUOTE_TTL_SECONDS`.
 */
export async function computeLandedCost(
  option: ShippingOptionFacts,
  currency: CurrencyCode,
  paymentMethod: string | null,
  context: Context,
): Promise<LandedCostModel> {
  const { rates } = await context.rates();
  const groups = groupCharges(option.customsLines);
  const parts = convertOrRefuse(() => convertParts(option.goodsValue, option.cost, groups, currency, rates), currency);
  const zero = fromMinor(0n, currency);
  // What goes through the provider at checkout; duties collected on delivery are paid to the carrier.
  const base = paymentBase(parts.item, parts.shipping, parts.charges);

  const issuedAt = context.now();
  const issued = new Date(issuedAt).toISOString();
  const terms = paymentTerms(option.destinationCountry, option.originCountry, paymentMethod, issued.slice(0, 10));
  const candidates = [...context.providers.values()].filter(
    (provider) => paymentMethod === null || provider.info.methods.includes(paymentMethod),
  );
  if (candidates.length === 0) throw userInputError(`paymentMethod: no payment provider takes ${paymentMethod}`, 'paymentMethod');
  const request: FeeQuoteRequest = {
    amount: base,
    buyerCountry: option.destinationCountry,
    merchantCountry: option.originCountry,
    settlementCurrency: option.goodsValue.currency,
  };
  const answers = await askProviders(candidates, request, context);
  const buyerFee = (fee: Money) => (terms.surchargeBan ? zero : fee);
  const cardTax = (provider: ProviderAnswer['provider'], fee: Money) => {
    const tax = terms.cardFxTax(provider);
    return tax ? cardFxTaxCharge(tax, addMoney(base, buyerFee(fee))) : undefined;
  };
  // The cheapest for the buyer: the fee they pay plus the card tax the provider's method brings.
  const chosen = choosePaymentFee(
    request,
    answers,
    paymentMethod,
    (provider, fee) => buyerFee(fee).minor + (cardTax(provider, fee)?.converted.minor ?? 0n),
  );

  const iof = cardTax(chosen.provider, chosen.fee);
  const charges = iof ? [...parts.charges, iof] : parts.charges;
  const feePaidBy = terms.surchargeBan ? 'SELLER' : 'BUYER';
  const sums = quoteAmounts({ currency, item: parts.item, shipping: parts.shipping, charges, fee: chosen.fee, feePaidBy });
  const quote: Quote = {
    version: 3,
    shippingOptionId: option.id,
    originCountry: option.originCountry,
    destinationCountry: option.destinationCountry,
    destinationRegion: option.destinationRegion,
    currency,
    original: { item: option.goodsValue, shipping: option.cost, ...sums.original },
    converted: { item: parts.item, shipping: parts.shipping, ...sums.converted },
    charges,
    paymentFee: {
      provider: chosen.provider.id,
      ...chosen.breakdown,
      base,
      fee: chosen.fee,
      paidBy: feePaidBy,
      methods: [...chosen.provider.methods],
    },
    paymentMethod,
    fees: sums.fees,
    total: sums.total,
    payableAtCheckout: sums.payableAtCheckout,
    payableOnDelivery: sums.payableOnDelivery,
    rates: parts.rates,
    promise: { transitDays: option.transitDays, deMinimisApplied: option.deMinimisApplied },
    ...(option.declaration && { declaration: option.declaration }),
    issuedAt: issued,
    expiresAt: new Date(issuedAt + context.quoteTtlSeconds * 1000).toISOString(),
  };
  const lines = describeLandedCost(quote, {
    deMinimisApplied: option.deMinimisApplied,
    hsCodeNote: option.hsCodeNote,
    rulesDate: option.rulesDate,
    surchargeBan: terms.surchargeBan,
    rates,
  });
  return { quote, quoteId: signQuote(quote, context.quoteKey), lines };
}

/**
 * Every candidate's answer, in the candidates' order. A domestic scheme (Pix, FPX) takes payers of
 * its own country only: that is its answer for anyone else, given here rather than by a call that
 * could only say so. The others are asked through their per-request loaders; a failure is that
 * provider's answer, not the landed cost's. One promise per call and one for them all: 42 options
 * of a search wait on these at once.
 */
function askProviders(candidates: readonly PaymentProvider[], request: FeeQuoteRequest, context: Context): Promise<ProviderAnswer[]> {
  const answers: ProviderAnswer[] = new Array<ProviderAnswer>(candidates.length);
  const calls: Promise<void>[] = [];
  candidates.forEach(({ info: provider }, index) => {
    if (provider.country !== null && provider.country !== request.buyerCountry) {
      answers[index] = { provider, answer: outOfScheme(provider.country, request.buyerCountry) };
      return;
    }
    calls.push(
      context.loaders.feeQuotes
        .get(provider.id)!
        .load(request)
        .then(
          (answer) => {
            answers[index] = { provider, answer };
          },
          (error: unknown) => {
            const failure = error instanceof Error ? error : new Error(String(error));
            context.logger.warn('payment provider gave no fee quote', { provider: provider.id, error: failure });
            answers[index] = { provider, answer: failure };
          },
        ),
    );
  });
  return Promise.all(calls).then(() => answers);
}

function outOfScheme(schemeCountry: string, buyerCountry: string): FeeQuote {
  return {
    accepted: false,
    reason: 'COUNTRY_NOT_SUPPORTED',
    message: `a domestic scheme of ${schemeCountry}: buyers in ${buyerCountry} are not served`,
  };
}

function convertOrRefuse<T>(run: () => T, currency: CurrencyCode): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof UnsupportedCurrencyError)) throw error;
    // The buyer's currency is theirs to change; a part in an unquoted currency is our problem.
    if (error.currency === currency) throw userInputError(`currency: ${error.message}`, 'currency');
    throw new GraphQLError(`Cannot price this option: ${error.message}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  }
}

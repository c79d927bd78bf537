import { rateShown, type ReferenceRates } from '#packages/fx/index.js';
import { fromMinor, toDecimalString, type Money } from '#packages/money/index.js';
import { referenceRatesOf, type Quote } from '#packages/quotes/index.js';
import type { LandedCostLineModel } from '../models.js';
import { PART_ROUNDING } from './convertParts.js';
import { describeCharge, type CustomsDetail } from './describeCharge.js';
import { citationOf, type SurchargeBan } from './paymentLaw.js';

/** What only a fresh quote knows (the token keeps amounts and parties, not customs' citations nor the rates' address). */
export interface FreshDetail extends CustomsDetail {
  readonly surchargeBan: SurchargeBan | undefined;
  /**
   * The day's reference rates the quote converted with, as read: the same figures as the quote's
   * own, from the document the quote does not name, and one object for every quote of the request,
   * so `packages/fx` works out each cross rate once.
   */
  readonly rates: ReferenceRates;
}

/**
 * The lines that explain a quote: goods and shipping (paid at checkout), one per charge group
 * (kind, collection point, remitter, payer), the payment fee with its formula and payer, and one FX
 * line per rate used. FX lines are zero (a reference-rate conversion costs nothing by itself; the
 * provider's FX spread is in its fee), and SELLER lines are shown but not the buyer's, so the
 * BUYER lines add up to `total`.
 *
 * Built from the quote alone (plus a fresh quote's details), so `Query.quote` shows the same figures
 * from a token as the search that issued it.
 */
export function describeLandedCost(quote: Quote, fresh?: FreshDetail): LandedCostLineModel[] {
  const { original, currency } = quote;
  const rates = fresh?.rates ?? referenceRatesOf(quote.rates);
  const formulaOf = (from: Money, to: Money): string => {
    if (from.currency === to.currency) return `${text(to)} (no conversion)`;
    // The quote converted each part already (convertParts): only the rate's wording is needed here.
    return `${text(from)} × ${rateShown(from.currency, to.currency, rates)} ${to.currency}/${from.currency} = ${text(to)} (exact, rounded once ${PART_ROUNDING})`;
  };
  const checkout = { collectedAt: 'CHECKOUT', remitter: null, paidBy: 'BUYER' } as const;

  const lines: LandedCostLineModel[] = [
    {
      kind: 'ITEM',
      description: `Goods, as priced by the seller in ${quote.originCountry}`,
      amount: quote.converted.item,
      formula: formulaOf(original.item, quote.converted.item),
      source: 'catalog offer price × quantity (logistics consignment)',
      ...checkout,
    },
    {
      kind: 'SHIPPING',
      description: `Shipping ${quote.originCountry} → ${quote.destinationRegion ?? quote.destinationCountry}`,
      amount: quote.converted.shipping,
      formula: formulaOf(original.shipping, quote.converted.shipping),
      source: `carrier rate (logistics shipping option ${quote.shippingOptionId})`,
      ...checkout,
    },
  ];
  for (const charge of quote.charges) {
    lines.push({
      kind: charge.kind,
      ...describeCharge(charge, quote, fresh),
      amount: charge.converted,
      formula: formulaOf(charge.original, charge.converted),
      collectedAt: charge.collectedAt,
      remitter: charge.remitter === null ? null : (charge.remitter as LandedCostLineModel['remitter']),
      paidBy: charge.paidBy,
    });
  }
  const fee = quote.paymentFee;
  const percents = [
    `${percent(fee.percentBp)}`,
    ...(fee.crossBorderBp > 0 ? [`${percent(fee.crossBorderBp)} cross-border`] : []),
    ...(fee.fxSpreadBp > 0 ? [`${percent(fee.fxSpreadBp)} FX spread`] : []),
  ];
  const ban = fresh?.surchargeBan;
  lines.push({
    kind: 'FEE',
    description:
      fee.paidBy === 'SELLER'
        ? `Payment fee (${fee.provider}), borne by the seller: it may not be surcharged to a consumer in ${quote.destinationCountry}`
        : `Payment fee (${fee.provider})`,
    amount: fee.fee,
    formula: `(${percents.join(' + ')}) × ${text(fee.base)} + ${text(fee.fixed)} fixed = ${text(fee.fee)} (rounded half-up by the provider)`,
    source: `${fee.provider} fee quote, schedule ${fee.schedule}${ban ? `; ${citationOf(ban)}` : ''}`,
    collectedAt: 'CHECKOUT',
    remitter: null,
    paidBy: fee.paidBy,
  });

  const sources = [original.item, original.shipping, ...quote.charges.map((charge) => charge.original)].map((money) => money.currency);
  for (const from of [...new Set(sources)].filter((code) => code !== currency).sort()) {
    const rate = rateShown(from, currency, rates);
    lines.push({
      kind: 'FX',
      description: `${from} → ${currency} at the euro reference rate`,
      amount: fromMinor(0n, currency),
      formula: `1 ${from} = ${rate} ${currency} (cross rate through EUR: ${currency} ${perEuro(quote, currency)} / ${from} ${perEuro(quote, from)} per EUR)`,
      source: `${quote.rates.source}, reference rates of ${quote.rates.date}${fresh ? ` (${fresh.rates.source.url})` : ''}`,
      ...checkout,
    });
  }
  return lines;
}

const text = (money: Money): string => `${toDecimalString(money)} ${money.currency}`;

/** 290 → "2.90%", on integers. */
const percent = (bp: number): string => `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

const perEuro = (quote: Quote, currency: Money['currency']): string => (currency === 'EUR' ? '1' : (quote.rates.perEuro[currency] ?? '?'));

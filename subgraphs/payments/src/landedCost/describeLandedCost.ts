import { convert } from '#packages/fx/index.js';
import { fromMinor, toDecimalString, type Money } from '#packages/money/index.js';
import type { Quote } from '#packages/quotes/index.js';
import type { LandedCostLineModel } from '../models.js';
import { ratesOfQuote } from './convertParts.js';
import type { CustomsLine } from './readShippingOption.js';

/** What only a fresh quote knows (the token keeps amounts, not customs' citations). */
export interface CustomsDetail {
  readonly deMinimisApplied: boolean;
  readonly collectedAtSale: boolean;
  readonly lines: readonly CustomsLine[];
  readonly rulesDate: string;
}

/**
 * The lines that explain a quote: one per part (item, shipping, duties, taxes, import fees), the
 * payment fee with its formula and provider, and one FX line per rate used. The FX lines carry a
 * zero amount — a reference-rate conversion costs nothing by itself; the provider's FX spread is in
 * its fee — so the amounts of all lines add up to `total`.
 *
 * Built from the quote alone (plus customs' citations when fresh), so `Query.quote` shows the same
 * figures and rates from a token as the search that issued it.
 */
export function describeLandedCost(quote: Quote, customs?: CustomsDetail): LandedCostLineModel[] {
  const { original, converted, currency } = quote;
  const rates = ratesOfQuote(quote.rates);
  const formulaOf = (from: Money, to: Money): string => {
    if (from.currency === to.currency) return `${text(to)} (no conversion)`;
    const { rate } = convert(from, to.currency, rates);
    return `${text(from)} × ${rate.rate} ${to.currency}/${from.currency} = ${text(to)} (exact, rounded once ${rate.rounding})`;
  };
  const customsSource = (kind: string): string => {
    const cited =
      customs?.lines.filter((line) => line.kind === kind).map((line) => `${line.description}: ${line.formula} [${line.source}]`) ?? [];
    const rules = customs ? `customs rules of ${customs.rulesDate}` : 'customs, as quoted';
    return cited.length > 0 ? `${rules}; ${cited.join('; ')}` : rules;
  };
  const destination = quote.destinationCountry;

  const lines: LandedCostLineModel[] = [
    {
      kind: 'ITEM',
      description: `Goods, as priced by the seller in ${quote.originCountry}`,
      amount: converted.item,
      formula: formulaOf(original.item, converted.item),
      source: 'catalog offer price × quantity (logistics consignment)',
    },
    {
      kind: 'SHIPPING',
      description: `Shipping ${quote.originCountry} → ${destination}`,
      amount: converted.shipping,
      formula: formulaOf(original.shipping, converted.shipping),
      source: `carrier rate (logistics shipping option ${quote.shippingOptionId})`,
    },
    {
      kind: 'DUTY',
      description: `Import duties in ${destination}` + (customs?.deMinimisApplied ? ' (de minimis applied)' : ''),
      amount: converted.duties,
      formula: formulaOf(original.duties, converted.duties),
      source: customsSource('DUTY'),
    },
    {
      kind: 'TAX',
      description: `Import taxes in ${destination}` + (customs?.collectedAtSale ? ' (collected at sale)' : ''),
      amount: converted.taxes,
      formula: formulaOf(original.taxes, converted.taxes),
      source: customsSource('TAX'),
    },
  ];
  if (original.importFees.minor !== 0n) {
    lines.push({
      kind: 'FEE',
      description: `Import fees in ${destination}`,
      amount: converted.importFees,
      formula: formulaOf(original.importFees, converted.importFees),
      source: customsSource('FEE'),
    });
  }
  const fee = quote.paymentFee;
  const percents = [
    `${percent(fee.percentBp)}`,
    ...(fee.crossBorderBp > 0 ? [`${percent(fee.crossBorderBp)} cross-border`] : []),
    ...(fee.fxSpreadBp > 0 ? [`${percent(fee.fxSpreadBp)} FX spread`] : []),
  ];
  lines.push({
    kind: 'FEE',
    description: `Payment fee (${fee.provider})`,
    amount: fee.fee,
    formula: `(${percents.join(' + ')}) × ${text(fee.base)} + ${text(fee.fixed)} fixed = ${text(fee.fee)} (rounded half-up by the provider)`,
    source: `${fee.provider} fee quote, schedule ${fee.schedule}`,
  });

  const sourceCurrencies = [...new Set(Object.values(original).map((money) => money.currency))].filter((code) => code !== currency).sort();
  for (const from of sourceCurrencies) {
    const { rate } = convert(fromMinor(1n, from), currency, rates);
    lines.push({
      kind: 'FX',
      description: `${from} → ${currency} at the euro reference rate`,
      amount: fromMinor(0n, currency),
      formula: `1 ${from} = ${rate.rate} ${currency} (cross rate through EUR: ${currency} ${perEuro(quote, currency)} / ${from} ${perEuro(quote, from)} per EUR)`,
      source: `${quote.rates.source}, reference rates of ${quote.rates.date} (${quote.rates.url})`,
    });
  }
  return lines;
}

const text = (money: Money): string => `${toDecimalString(money)} ${money.currency}`;

/** 290 → "2.90%", on integers. */
const percent = (bp: number): string => `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

const perEuro = (quote: Quote, currency: Money['currency']): string => (currency === 'EUR' ? '1' : (quote.rates.perEuro[currency] ?? '?'));

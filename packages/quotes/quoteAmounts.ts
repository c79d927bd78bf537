import { addMoney, fromMinor, type CurrencyCode, type Money } from '../money/index.js';
import type { Payer, Quote, QuoteCharge } from './Quote.js';

/** The parts a quote is made of; every other amount of it is a sum of these. */
export interface QuoteComponents {
  readonly currency: CurrencyCode;
  /** Goods and shipping, converted into `currency`. */
  readonly item: Money;
  readonly shipping: Money;
  readonly charges: readonly QuoteCharge[];
  /** The provider's fee, and who pays it (SELLER where a surcharge is forbidden: then it is out of the total). */
  readonly fee: Money;
  readonly feePaidBy: Payer;
}

/** The sums of a quote, each exact to the minor unit. */
export type QuoteSums = Pick<Quote, 'fees' | 'total' | 'payableAtCheckout' | 'payableOnDelivery'> & {
  readonly original: Pick<Quote['original'], 'duties' | 'taxes' | 'importFees'>;
  readonly converted: Pick<Quote['converted'], 'duties' | 'taxes' | 'importFees'>;
  readonly base: Money;
};

/**
 * What goes through the payment provider at checkout, before its fee: goods, shipping and the
 * customs charges the buyer pays at checkout. Payment-law charges (a card issuer's tax) are levied
 * on the payment itself, so they are not part of it; duties collected on delivery are paid to the carrier.
 */
export function paymentBase(item: Money, shipping: Money, charges: readonly QuoteCharge[]): Money {
  return sum(
    charges.filter((c) => c.rule === undefined && c.paidBy === 'BUYER' && c.collectedAt === 'CHECKOUT').map((c) => c.converted),
    addMoney(item, shipping),
  );
}

/**
 * Every sum of a quote from its parts, the one definition both the quote's maker and the token
 * reader use: duties, taxes and import fees are the buyer's charges of each kind (before conversion:
 * customs' own, in customs' currency); fees add the payment fee where the buyer pays it; total is
 * the sum of the buyer's lines, split into what is paid at checkout and on delivery.
 */
export function quoteAmounts(parts: QuoteComponents): QuoteSums {
  const { currency, charges } = parts;
  const zero = fromMinor(0n, currency);
  // Customs answers in the destination's currency; with no customs charge at all, the buyer's stands in.
  const customsZero = fromMinor(0n, charges.find((c) => c.rule === undefined)?.original.currency ?? currency);
  const buyerFee = parts.feePaidBy === 'BUYER' ? parts.fee : zero;
  const goods = addMoney(parts.item, parts.shipping);
  // One pass over the charges (a search prices 42 quotes at once): each sum adds exactly the charges
  // its definition above names, so the result is the same whatever the order of additions.
  const converted = { DUTY: zero, TAX: zero, FEE: zero };
  const original = { DUTY: customsZero, TAX: customsZero, FEE: customsZero };
  let payableAtCheckout = addMoney(goods, buyerFee);
  let payableOnDelivery = zero;
  for (const charge of charges) {
    if (charge.paidBy !== 'BUYER') continue;
    const customs = charge.rule === undefined;
    converted[charge.kind] = addMoney(converted[charge.kind], charge.converted);
    if (customs) original[charge.kind] = addMoney(original[charge.kind], charge.original);
    if (charge.collectedAt === 'CHECKOUT') payableAtCheckout = addMoney(payableAtCheckout, charge.converted);
    else payableOnDelivery = addMoney(payableOnDelivery, charge.converted);
  }
  return {
    original: { duties: original.DUTY, taxes: original.TAX, importFees: original.FEE },
    converted: { duties: converted.DUTY, taxes: converted.TAX, importFees: converted.FEE },
    base: paymentBase(parts.item, parts.shipping, charges),
    fees: addMoney(converted.FEE, buyerFee),
    total: addMoney(payableAtCheckout, payableOnDelivery),
    payableAtCheckout,
    payableOnDelivery,
  };
}

function sum(parts: readonly Money[], start: Money): Money {
  let total = start;
  for (const part of parts) total = addMoney(total, part);
  return total;
}

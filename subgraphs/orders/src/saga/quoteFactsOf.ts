import { fromMinor, toMoneyOutput } from '#packages/money/index.js';
import { QuoteError, type Quote } from '#packages/quotes/index.js';
import type { QuoteFacts } from '../store/OrderStore.js';

/**
 * What booking needs from a verified quote, as plain strings: the offer and quantity (read from
 * the shipping option id, which logistics makes readable by any service: base64url of
 * `["ShippingOption", offerId, carrierId, service, to, quantity]`), and the unit price the
 * marketplace must still ask.
 *
 * @throws QuoteError `QUOTE_INVALID` when the option id or the amounts do not read as expected.
 */
export function quoteFactsOf(quote: Quote): QuoteFacts {
  const option = readShippingOptionId(quote.shippingOptionId);
  if (option.to !== quote.destinationCountry) throw invalid('its shipping option is for another destination');
  const item = quote.original.item;
  // The quoted goods value is the unit price times the quantity, exactly; anything else is not our quote.
  if (item.minor % BigInt(option.quantity) !== 0n) throw invalid('its goods value does not divide by its quantity');
  return {
    shippingOptionId: quote.shippingOptionId,
    offerId: option.offerId,
    quantity: option.quantity,
    originCountry: quote.originCountry,
    destinationCountry: quote.destinationCountry,
    item: toMoneyOutput(item),
    unitPrice: toMoneyOutput(fromMinor(item.minor / BigInt(option.quantity), item.currency)),
    total: toMoneyOutput(quote.total),
    paymentProvider: quote.paymentFee.provider,
    expiresAt: quote.expiresAt,
  };
}

interface ShippingOptionKey {
  readonly offerId: string;
  readonly to: string;
  readonly quantity: number;
}

function readShippingOptionId(id: string): ShippingOptionKey {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    throw invalid('its shipping option id is unreadable');
  }
  if (!Array.isArray(parts) || parts.length !== 6 || parts[0] !== 'ShippingOption') throw invalid('its shipping option id is unreadable');
  const [, offerId, , , to, quantity] = parts as unknown[];
  if (typeof offerId !== 'string' || typeof to !== 'string' || typeof quantity !== 'number') {
    throw invalid('its shipping option id is unreadable');
  }
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw invalid('its quantity is not a positive whole number');
  return { offerId, to, quantity };
}

/** The carrier a shipping option id names (`["ShippingOption", offerId, carrierId, …]`), if it is readable. */
export function carrierOfShippingOption(id: string): string | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    return Array.isArray(parts) && typeof parts[2] === 'string' ? parts[2] : undefined;
  } catch {
    return undefined;
  }
}

function invalid(why: string): QuoteError {
  return new QuoteError('QUOTE_INVALID', `not a quote this API can book: ${why}`);
}

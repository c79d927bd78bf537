import { convert } from '#packages/fx/index.js';
import { compareMoney, parseMoney, toDecimalString, type Money } from '#packages/money/index.js';
import { referenceRatesOf, type Quote } from '#packages/quotes/index.js';
import type { SellerTrustLevel } from './Participants.js';

/** The most an order may total, in euros, and still be paid without escrow, per trust level that may go without. */
export type EscrowLimits = Readonly<Record<'ESTABLISHED' | 'TRUSTED', string>>;

/** The limits without configuration: a TRUSTED seller's order goes without escrow up to 2,000 EUR, an ESTABLISHED one's up to 500 EUR. */
export const DEFAULT_ESCROW_LIMITS: EscrowLimits = { ESTABLISHED: '500', TRUSTED: '2000' };

export interface EscrowDecision {
  readonly escrow: boolean;
  /** Why, in one sentence the order's AUTHORIZE_PAYMENT step shows. */
  readonly reason: string;
}

/**
 * Whether the buyer's payment is held in escrow until delivery, rather than paid out at pickup,
 * and why. Escrow follows the seller's trust: a domestic order goes without; a cross-border one is
 * escrowed when the seller is below ESTABLISHED, when its trust cannot be read (escrow is the safe
 * side), or when its total, in euros at the quote's own reference rates, is above the limit of the
 * seller's level (`ESCROW_LIMITS_EUR`).
 */
export function decideEscrow(
  quote: Pick<Quote, 'originCountry' | 'destinationCountry' | 'total' | 'rates'>,
  trust: SellerTrustLevel | undefined,
  limits: EscrowLimits,
): EscrowDecision {
  if (quote.originCountry === quote.destinationCountry) return { escrow: false, reason: 'no escrow: a domestic order' };
  if (trust === undefined) return { escrow: true, reason: "escrow: the seller's trust could not be read" };
  const standing = `the seller's trust is ${trust.level} (score ${trust.score})`;
  if (trust.level === 'NEW' || trust.level === 'BASIC') return { escrow: true, reason: `escrow: ${standing}, below ESTABLISHED` };
  const limit = parseMoney(limits[trust.level], 'EUR');
  const totalEur: Money = quote.total.currency === 'EUR' ? quote.total : convert(quote.total, 'EUR', referenceRatesOf(quote.rates)).money;
  const total = `${toDecimalString(totalEur)} EUR`;
  if (compareMoney(totalEur, limit) > 0) {
    return { escrow: true, reason: `escrow: ${standing}, but the total (${total}) is above its limit of ${limits[trust.level]} EUR` };
  }
  return { escrow: false, reason: `no escrow: ${standing} and the total (${total}) is within its limit of ${limits[trust.level]} EUR` };
}

import type { QuoteFacts } from '../store/OrderStore.js';

/**
 * Whether the buyer's payment is held in escrow until delivery, rather than paid out to the
 * seller at pickup.
 *
 * The rule: **every cross-border order goes through escrow; a domestic one does not.** Trust
 * between strangers is the obstacle the design names for cross-border trade, and a buyer abroad
 * has the least recourse if goods never arrive. The seller-level signals that could refine this
 * (months active, share of positive feedback) are kept by the marketplaces but not yet exposed
 * by any subgraph: the quote and the offer give origin and destination, and nothing about the
 * seller's track record. When the `trust` subgraph exposes them, this is the one place to change
 * (e.g. "cross-border and the seller has < 12 months or < 95 % positive feedback").
 */
export function needsEscrow(quote: Pick<QuoteFacts, 'originCountry' | 'destinationCountry'>): boolean {
  return quote.originCountry !== quote.destinationCountry;
}

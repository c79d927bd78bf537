import type { PlatformRecord } from './PlatformRecord.js';
import type { VerificationLevel } from './trustModel.js';

/** One order of the seller's on the platform, as the order events told it. */
export interface OrderOutcome {
  readonly orderId: string;
  /** When the order was confirmed (ms): the age its weight decays by. */
  readonly confirmedAt: number;
  /** Whether the parcel arrived within the promised days; null when not delivered yet, or nothing was promised. */
  readonly onTime: boolean | null;
  readonly cancelledBySeller: boolean;
  /** The dispute on it: none, open, lost by the seller (refunded) or won (released). */
  readonly dispute: 'NONE' | 'OPEN' | 'LOST' | 'WON';
  /** Whether the buyer sent it back: because the goods were not what was owed (the seller's fault), or on a change of mind. */
  readonly returned: 'NONE' | 'SELLER_AT_FAULT' | 'CHANGED_MIND';
}

/** A buyer rating as the marketplace reports it, on its own scale. */
export interface MarketplaceRating {
  readonly average: number;
  readonly worst: number;
  readonly best: number;
  readonly count: number;
}

/** Everything the score is made of, for one seller. */
export interface SellerEvidence {
  readonly sellerId: string;
  /** Undefined when the marketplace does not report one. */
  readonly verification: VerificationLevel | undefined;
  readonly rating: MarketplaceRating | undefined;
  /** The seller's orders on the platform, summed up at the instant scored. */
  readonly record: PlatformRecord;
  /** When the platform last learnt something of the seller (ms); undefined without orders. */
  readonly lastEventAt: number | undefined;
}

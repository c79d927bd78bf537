import type { DeadLetter } from '#packages/events/index.js';
import type { OrderOutcome } from '../score/SellerEvidence.js';

/** What one order event changes in a seller's track record. */
export type TrackRecordChange =
  | {
      readonly kind: 'confirmed';
      readonly orderId: string;
      readonly sellerId: string;
      readonly marketplaceId: string;
      readonly confirmedAt: number;
    }
  | { readonly kind: 'delivered'; readonly orderId: string; readonly onTime: boolean | null }
  | { readonly kind: 'cancelledBySeller'; readonly orderId: string }
  | { readonly kind: 'dispute'; readonly orderId: string; readonly dispute: 'OPEN' | 'LOST' | 'WON' }
  | { readonly kind: 'returned'; readonly orderId: string; readonly sellerAtFault: boolean };

/** The sellers' records as the order events told them, kept by trust alone. */
export interface TrackRecordStore {
  /**
   * Applies the changes of a batch of events in one transaction, skipping events already applied
   * (delivery is at least once): `eventId` is remembered with its change.
   */
  apply(changes: readonly { readonly eventId: string; readonly at: number; readonly change: TrackRecordChange | undefined }[]): void;
  /** Each seller's orders and the time of its last event; sellers without orders are absent. */
  recordsOf(sellerIds: readonly string[]): ReadonlyMap<string, { readonly orders: readonly OrderOutcome[]; readonly lastEventAt: number }>;
  addDeadLetter(letter: DeadLetter, at: number): void;
  close(): void;
}

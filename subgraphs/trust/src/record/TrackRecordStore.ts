import type { DeadLetter } from '#packages/events/index.js';
import type { OrderOutcome } from '../score/SellerEvidence.js';
import type { OrderTally } from './OrderTally.js';

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
   * (delivery is at least once): `eventId` is remembered with its change, and each seller's tally
   * moves with its orders.
   */
  apply(changes: readonly { readonly eventId: string; readonly at: number; readonly change: TrackRecordChange | undefined }[]): void;
  /** Each seller's tally, one row a seller however many orders it has; sellers without orders are absent. */
  talliesOf(sellerIds: readonly string[]): ReadonlyMap<string, OrderTally>;
  /** Each seller's orders, its whole history, and the time of its last event; sellers without orders are absent. */
  ordersOf(sellerIds: readonly string[]): ReadonlyMap<string, { readonly orders: readonly OrderOutcome[]; readonly lastEventAt: number }>;
  addDeadLetter(letter: DeadLetter, at: number): void;
  close(): void;
}

import { recordOfOrders } from '../score/PlatformRecord.js';
import type { TrackRecord } from '../context.js';
import { recordAt } from './OrderTally.js';
import type { TrackRecordStore } from './TrackRecordStore.js';

/**
 * The sellers' track records at `now`, in the order asked: from each seller's tally, one row
 * whatever its history. Only a seller with an order confirmed after `now` (another clock ahead of
 * this one) is read order by order, so that such an order weighs 1 as it always has.
 */
export function readTrackRecords(store: TrackRecordStore, sellerIds: readonly string[], now: number): TrackRecord[] {
  const records = new Map<string, TrackRecord>();
  const ahead: string[] = [];
  for (const [sellerId, tally] of store.talliesOf(sellerIds)) {
    const record = recordAt(tally, now);
    if (record) records.set(sellerId, { record, lastEventAt: tally.lastEventAt });
    else ahead.push(sellerId);
  }
  if (ahead.length > 0)
    for (const [sellerId, history] of store.ordersOf(ahead))
      records.set(sellerId, { record: recordOfOrders(history.orders, now), lastEventAt: history.lastEventAt });
  return sellerIds.map((sellerId) => records.get(sellerId) ?? { record: recordOfOrders([], now), lastEventAt: undefined });
}

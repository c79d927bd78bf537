import type { ParcelRecord, TrackingEventRecord, TrackingStatus } from '../adapters/ports.js';

export interface TrackingSummary {
  readonly status: TrackingStatus;
  /** Every leg's events, oldest first (legs in order where two happen at once). */
  readonly events: readonly TrackingEventRecord[];
}

/**
 * One status for a shipment of one or more legs, each tracked by its own carrier:
 * - every label cancelled: CANCELLED; only some: EXCEPTION (someone must look at it);
 * - else the latest status of the last leg that has moved past LABEL_CREATED (the last mile's label
 *   exists from booking, but the parcel is the line haul's until handed over); EXCEPTION if a leg's
 *   latest word is an exception.
 */
export function summarizeTracking(legs: readonly ParcelRecord[]): TrackingSummary {
  const events = legs
    .flatMap((leg, legIndex) => leg.events.map((event, index) => ({ event, legIndex, index })))
    .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.legIndex - b.legIndex || a.index - b.index)
    .map(({ event }) => event);
  const cancelled = legs.filter((leg) => leg.cancelled).length;
  if (cancelled > 0) return { status: cancelled === legs.length ? 'CANCELLED' : 'EXCEPTION', events };
  const latest = legs.map((leg) => leg.events.at(-1)?.status ?? 'LABEL_CREATED');
  if (latest.includes('EXCEPTION')) return { status: 'EXCEPTION', events };
  const moving = latest.findLastIndex((status) => status !== 'LABEL_CREATED');
  return { status: moving < 0 ? 'LABEL_CREATED' : latest[moving]!, events };
}

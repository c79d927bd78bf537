import type { EventReader } from '#packages/events/index.js';
import { changeOfEvent } from './changeOfEvent.js';
import type { TrackRecordStore } from './TrackRecordStore.js';

/** The trust reader of the order events: each delivered batch is applied in one transaction, idempotent by event id. */
export function createTrackRecordReader(options: { name: string; store: TrackRecordStore; now?: () => number }): EventReader {
  const now = options.now ?? Date.now;
  return {
    name: options.name,
    async handle(events) {
      options.store.apply(events.map((event) => ({ eventId: event.id, at: Date.parse(event.occurredAt), change: changeOfEvent(event) })));
    },
    async deadLetter(letter) {
      options.store.addDeadLetter(letter, now());
    },
  };
}

import type { OrderEvent } from '../OrderEvent.js';

/** An event that was delivered but cannot be used, kept with why. */
export interface DeadLetter {
  /** The event's id, when it could be read. */
  readonly eventId: string | null;
  /** The event as received (JSON text). */
  readonly payload: string;
  readonly error: string;
  /** The transport's position of it: `outbox:<seq>` or `jetstream:<stream seq>`. */
  readonly source: string;
}

/**
 * A reader of the order events: insights today; webhooks and seller trust next. Adding one is a
 * name and a handler: `startEventReader(transport, reader)`.
 */
export interface EventReader {
  /** Its durable name, one per reader (e.g. `insights`): its position in the outbox, its JetStream consumer. */
  readonly name: string;
  /**
   * Handles events in stream order. Delivery is at least once: the same event may come again, so
   * a handler is idempotent by `event.id`. Throwing leaves the batch undelivered: it comes again
   * after a pause. Throwing `MalformedEventError` for one event instead keeps it as a dead letter.
   */
  handle(events: readonly OrderEvent[]): Promise<void>;
  /** Keeps an event that does not read as the schema says, or that the handler refused as malformed. */
  deadLetter(letter: DeadLetter): Promise<void>;
}

/** Thrown by a handler for an event that reads but cannot be used (e.g. a currency without a rate): kept, not retried. */
export class MalformedEventError extends Error {
  constructor(
    readonly eventId: string,
    message: string,
  ) {
    super(message);
    this.name = 'MalformedEventError';
  }
}

import type { OrderEvent } from '../OrderEvent.js';
import { parseOrderEvent } from '../parseOrderEvent.js';
import { MalformedEventError, type EventReader } from './EventReader.js';

/** One delivered message, whatever the transport: its text and where it sits in the stream. */
export interface DeliveredMessage {
  readonly payload: string;
  readonly source: string;
}

/**
 * Hands a transport's batch to a reader: malformed events go to its dead letters with their error
 * (never dropped, never blocking the stream), the rest to `handle` in order. An event the handler
 * refuses as malformed is dead-lettered and the batch handled again without it. Any other error
 * propagates, so the transport delivers the batch again.
 */
export async function deliverBatch(reader: EventReader, messages: readonly DeliveredMessage[]): Promise<void> {
  let events: Array<{ event: OrderEvent; message: DeliveredMessage }> = [];
  for (const message of messages) {
    const parsed = parseOrderEvent(message.payload);
    if (parsed.ok) events.push({ event: parsed.event, message });
    else
      await reader.deadLetter({
        eventId: eventIdOf(message.payload),
        payload: message.payload,
        error: parsed.error,
        source: message.source,
      });
  }
  for (;;) {
    if (events.length === 0) return;
    try {
      await reader.handle(events.map((entry) => entry.event));
      return;
    } catch (error) {
      if (!(error instanceof MalformedEventError)) throw error;
      const refused = events.find((entry) => entry.event.id === error.eventId);
      if (!refused) throw error;
      await reader.deadLetter({
        eventId: refused.event.id,
        payload: refused.message.payload,
        error: error.message,
        source: refused.message.source,
      });
      events = events.filter((entry) => entry !== refused);
    }
  }
}

function eventIdOf(payload: string): string | null {
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

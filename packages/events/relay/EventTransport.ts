import type { EventReader } from './EventReader.js';

/** A reader attached to a transport: it runs until stopped. */
export interface RunningReader {
  /** Delivers what is waiting now, once; resolves with how many events were delivered. Tests and tools use it. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/** How events reach readers: polling the outbox in process (default) or a JetStream durable consumer (`NATS_URL`). */
export interface EventTransport {
  readonly kind: 'outbox' | 'jetstream';
  /** Starts delivering to `reader` in the background. */
  start(reader: EventReader): Promise<RunningReader>;
  close(): Promise<void>;
}

/** One row of the orders service's `order_events` table: its place in the stream and the event's JSON. */
export interface OutboxRow {
  readonly seq: number;
  readonly id: string;
  readonly orderId: string;
  readonly type: string;
  readonly payload: string;
}

/**
 * The outbox as the relays read it. Two implementations on the same tables: SQLite (the orders
 * file, read from another process) and PostgreSQL (`DATABASE_URL`, shared by replicas).
 */
export interface OutboxReader {
  /**
   * Hands the rows after `reader`'s position, oldest first, to `deliver`, and moves the position
   * past them once `deliver` resolves; when it throws, the position stays and the rows come again.
   * On PostgreSQL one process at a time delivers for a reader name. Returns the rows delivered.
   */
  deliverNext(reader: string, limit: number, deliver: (rows: readonly OutboxRow[]) => Promise<void>): Promise<number>;
  /** The same for the rows not yet published to JetStream, marked published once `publish` resolves. */
  publishNext(limit: number, publish: (rows: readonly OutboxRow[]) => Promise<void>): Promise<number>;
  /** Where `reader` stands: the last `seq` it was handed, 0 before the first. */
  positionOf(reader: string): Promise<number>;
  close(): Promise<void>;
}

/** True for the error of a store whose tables the orders service has not created yet (it migrates at start). */
export function isMissingOutbox(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /no such table: order_event|relation "order_event\w*" does not exist/.test(message);
}

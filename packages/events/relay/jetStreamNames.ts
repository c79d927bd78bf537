/** Where order events live in JetStream: a stream and one subject per order, so a reader could shard by order. */
export interface JetStreamNames {
  /** The stream's name. Default: `ORDER_EVENTS`. */
  readonly stream: string;
  /** Subjects are `<prefix>.<order id>`. Default: `tradegraph.order-events`. */
  readonly subjectPrefix: string;
}

export const DEFAULT_JETSTREAM_NAMES: JetStreamNames = { stream: 'ORDER_EVENTS', subjectPrefix: 'tradegraph.order-events' };

/** The subject of an order's events; characters NATS gives meaning to (`.`, `*`, `>`, spaces) are replaced. */
export function orderSubject(names: JetStreamNames, orderId: string): string {
  return `${names.subjectPrefix}.${orderId.replace(/[.*>\s]/g, '_')}`;
}

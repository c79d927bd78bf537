export {
  ORDER_EVENT_TYPES,
  type EventLeg,
  type EventMoney,
  type EventShippingMode,
  type OrderEvent,
  type OrderEventOf,
  type OrderEventType,
  type OrderTrade,
} from './OrderEvent.js';
export { parseOrderEvent, type ParsedOrderEvent } from './parseOrderEvent.js';
export { OrderEventSchema, OrderTradeSchema } from './schema/orderEventSchemas.js';
export { isMissingOutbox, type OutboxReader, type OutboxRow } from './outbox/OutboxReader.js';
export { createSqliteOutboxReader } from './outbox/createSqliteOutboxReader.js';
export { createPostgresOutboxReader } from './outbox/createPostgresOutboxReader.js';
export { MalformedEventError, type DeadLetter, type EventReader } from './relay/EventReader.js';
export type { EventTransport, RunningReader } from './relay/EventTransport.js';
export { deliverBatch, type DeliveredMessage } from './relay/deliverBatch.js';
export { createOutboxTransport, type OutboxTransportOptions } from './relay/createOutboxTransport.js';
export { createJetStreamTransport, type JetStreamTransportOptions } from './relay/createJetStreamTransport.js';
export { startJetStreamPublisher, type JetStreamPublisher } from './relay/startJetStreamPublisher.js';
export { DEFAULT_JETSTREAM_NAMES, orderSubject, type JetStreamNames } from './relay/jetStreamNames.js';
export { openEventTransport, openOutboxReader, type OutboxLocation } from './relay/openEventTransport.js';

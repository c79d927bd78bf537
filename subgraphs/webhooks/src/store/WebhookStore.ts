import type { DeadLetter, OrderEventType } from '#packages/events/index.js';

/** An endpoint one API key registered. */
export interface WebhookRecord {
  readonly id: string;
  /** The API key id that registered it; it is sent the events of that key's orders only. */
  readonly owner: string;
  readonly url: string;
  readonly events: readonly OrderEventType[];
  /** The HMAC key deliveries are signed with (`whsec_…`). */
  readonly secret: string;
  /** ms since the epoch. */
  readonly createdAt: number;
}

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/** One event queued for one endpoint. */
export interface DeliveryRecord {
  readonly id: string;
  readonly webhookId: string;
  readonly eventId: string;
  readonly eventType: OrderEventType;
  readonly orderId: string;
  /** The event's JSON, exactly as it is sent and signed. */
  readonly payload: string;
  readonly status: DeliveryStatus;
  /** Instants in ms since the epoch. */
  readonly createdAt: number;
  readonly nextAttemptAt: number;
  /** After this instant a failed attempt makes the delivery FAILED instead of scheduling another. */
  readonly retryUntil: number;
  readonly deliveredAt: number | null;
  /** Attempts made since it was queued or last redelivered: the backoff's exponent. */
  readonly attemptsInRound: number;
}

export interface AttemptRecord {
  readonly deliveryId: string;
  readonly at: number;
  readonly responseStatus: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/** A delivery due now, with the endpoint it goes to. */
export interface DueDelivery {
  readonly delivery: DeliveryRecord;
  readonly webhook: WebhookRecord;
}

/** What became of an attempt: delivered, or scheduled again at `nextAttemptAt`, or given up (FAILED). */
export type AttemptOutcome =
  { readonly status: 'DELIVERED' } | { readonly status: 'PENDING'; readonly nextAttemptAt: number } | { readonly status: 'FAILED' };

/**
 * Where endpoints, their queued deliveries and each attempt are kept. Deliveries are written
 * before any is sent, so a restart loses none: what is PENDING is sent when it is due.
 */
export interface WebhookStore {
  migrate(): Promise<void>;
  addWebhook(webhook: WebhookRecord): Promise<void>;
  /** The key's endpoints, oldest first. */
  listWebhooks(owner: string): Promise<WebhookRecord[]>;
  /** Endpoints of `owner` subscribed to `type`. */
  subscribers(owner: string, type: OrderEventType): Promise<WebhookRecord[]>;
  /** Deletes the endpoint of `owner` with its deliveries and attempts; false when there was none. */
  deleteWebhook(owner: string, id: string): Promise<boolean>;
  /**
   * Queues deliveries; one per (webhook, event) at most, so an event delivered again by the relay
   * (at least once) is queued once.
   */
  enqueue(deliveries: readonly DeliveryRecord[]): Promise<void>;
  /**
   * Deliveries due at `now`, oldest first, each the oldest PENDING one of its (webhook, order):
   * an order's events reach an endpoint in the order they happened, a later one waiting while an
   * earlier one is retried.
   */
  due(now: number, limit: number): Promise<DueDelivery[]>;
  /** Records an attempt and its outcome together. */
  recordAttempt(attempt: AttemptRecord, outcome: AttemptOutcome): Promise<void>;
  /** The delivery, when it belongs to one of `owner`'s endpoints. */
  getDelivery(owner: string, id: string): Promise<DeliveryRecord | undefined>;
  /** A webhook's deliveries, newest first. */
  listDeliveries(webhookId: string, options: { first: number; status?: DeliveryStatus | undefined }): Promise<DeliveryRecord[]>;
  /** Attempts of each delivery, oldest first. */
  listAttempts(deliveryIds: readonly string[]): Promise<Map<string, AttemptRecord[]>>;
  /** Makes the delivery PENDING and due at `now`, with a new retry window until `retryUntil`. */
  redeliver(id: string, now: number, retryUntil: number): Promise<DeliveryRecord>;
  /** Keeps an event that could not be read. */
  addDeadLetter(letter: DeadLetter, at: number): Promise<void>;
  close(): Promise<void>;
}

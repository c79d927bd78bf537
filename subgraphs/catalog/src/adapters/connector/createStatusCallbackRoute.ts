import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Cache } from '#packages/cache/index.js';
import type { Logger } from '#packages/log/index.js';
import { BodyTooLargeError, readBody, type RouteHandler } from '#packages/server/index.js';
import type { ConnectorMarketplace } from './ConnectorMarketplace.js';
import { OrderStatusEvent, type ErrorCodeWord } from './protocol.js';
import { verifySignature } from './signRequest.js';

/** Where marketplaces send `orderStatusChanged` callbacks, with `?marketplace=<id>` (the order's `callbackUrl`). */
export const STATUS_CALLBACK_PATH = '/connector/order-status';

/** A callback is one small event; anything larger is not one. */
const MAX_BODY_BYTES = 16 * 1024;

/** The protocol retries a callback for at least 24 hours: an event id is remembered well past that. */
const SEEN_TTL_SECONDS = 3 * 86_400;

/** One verified status change of a marketplace's order, in our words. */
export interface MarketplaceOrderStatus {
  readonly marketplaceId: string;
  readonly eventId: string;
  /** The marketplace's own id of the order (`MarketplaceOrder.nativeId`). */
  readonly orderNativeId: string;
  readonly status: z.infer<typeof OrderStatusEvent>['status'];
  readonly occurredAt: string;
  readonly cancelledBy: z.infer<typeof OrderStatusEvent>['cancelledBy'];
}

export interface StatusCallbackOptions {
  /** The connector marketplace of an id, as `MARKETPLACES_FILE` lists it now. */
  readonly connector: (marketplaceId: string) => ConnectorMarketplace | undefined;
  /** Event ids already applied (a prefixed view of the catalog's cache, Redis when configured). */
  seen: Cache;
  /** Applies a verified status; a throw answers `503`, so the marketplace sends the event again. */
  readonly onStatus: (status: MarketplaceOrderStatus) => Promise<void>;
  logger: Logger;
  now?: () => number;
}

/**
 * Receives a marketplace's signed `orderStatusChanged` callback (connector/openapi.yaml, `webhooks`).
 * The threat is a forged or replayed status: the marketplace is named in the URL, the request must
 * carry its key id and a signature over method, target and body with its secret, signed within the
 * 300-second window; only then is the body read. An event id already applied answers `204` again
 * and changes nothing, as the protocol asks of a receiver.
 */
export function createStatusCallbackRoute(options: StatusCallbackOptions): RouteHandler {
  const { connector, seen, onStatus, logger, now = Date.now } = options;
  return async (request, response) => {
    if (request.method !== 'POST') return refuse(response, 405, 'INVALID_REQUEST', 'callbacks are POST');
    const target = request.url ?? '/';
    const marketplaceId = new URL(target, 'http://callback').searchParams.get('marketplace') ?? '';
    const entry = connector(marketplaceId);
    if (entry === undefined) return refuse(response, 404, 'NOT_FOUND', 'marketplace: no connector marketplace has this id');
    if (entry.credentials.scheme !== 'hmac')
      return refuse(response, 401, 'UNAUTHENTICATED', 'no signing key is configured for this marketplace');

    let body: string;
    try {
      body = await readBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return refuse(response, 413, 'INVALID_REQUEST', `the body exceeds ${MAX_BODY_BYTES} bytes`);
      throw error;
    }
    const verdict = verifySignature(entry.credentials, request.headers, { method: request.method, target, body }, now());
    if (!verdict.ok) {
      logger.warn('connector callback refused', { marketplace: marketplaceId, reason: verdict.reason });
      return refuse(response, 401, 'UNAUTHENTICATED', verdict.reason);
    }

    const event = OrderStatusEvent.safeParse(parseJson(body));
    if (!event.success) {
      const issue = event.error.issues[0];
      const field = issue?.path.join('.') || 'body';
      return refuse(response, 400, 'INVALID_REQUEST', `${field}: ${issue?.message ?? 'not an OrderStatusEvent'}`);
    }
    const key = `${marketplaceId}:${event.data.eventId}`;
    if ((await seen.get(key)) !== undefined) return accepted(response);
    try {
      await onStatus({
        marketplaceId,
        eventId: event.data.eventId,
        orderNativeId: event.data.orderId,
        status: event.data.status,
        occurredAt: event.data.occurredAt,
        cancelledBy: event.data.cancelledBy,
      });
    } catch (error) {
      logger.error('connector callback not applied; the marketplace will send it again', { marketplace: marketplaceId, error });
      return refuse(response, 503, 'UNAVAILABLE', 'the status could not be recorded now; send it again later');
    }
    await seen.set(key, event.data.occurredAt, SEEN_TTL_SECONDS);
    return accepted(response);
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function accepted(response: ServerResponse): void {
  response.statusCode = 204;
  response.end();
}

/** The protocol's `Error` body, so a marketplace reads our refusals as it reads its own. */
function refuse(response: ServerResponse, status: number, code: ErrorCodeWord, message: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ error: { code, message } }));
}

import { UpstreamError } from '#packages/errors/index.js';
import { createUpstreamClient, type UpstreamClient } from '#packages/http/index.js';
import type { Logger } from '#packages/log/index.js';
import { PayloadError } from '#packages/validate/index.js';
import { ParticipantError, isExpectedFailureCode } from './ParticipantError.js';
import { SERVICE_SECRET_HEADER } from '#packages/server/index.js';

export interface ParticipantClientOptions {
  /** The participant subgraph's name, e.g. `catalog`. */
  participant: string;
  /** Its GraphQL endpoint, e.g. `http://127.0.0.1:4001/graphql`. */
  url: string;
  serviceSecret: string;
  timeoutMs: number;
  logger: Logger;
}

export interface ParticipantClient {
  /**
   * Sends one operation and reads its `data` with `read`. Throws `ParticipantError` for every
   * failure, classified (see `ParticipantFailureKind`).
   */
  execute<T>(query: string, variables: Record<string, unknown>, read: (data: unknown) => T): Promise<T>;
  close(): Promise<void>;
}

/**
 * Codes that say our request was refused as such: sending it again cannot succeed (a malformed
 * request, a wrong secret, an object in a state that forbids it, a key used for another request).
 */
const REJECTED_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'STATE_CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

interface GraphQLResponseBody {
  data?: unknown;
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown; retryable?: unknown } }>;
}

/**
 * Calls one participant subgraph directly (not through the gateway: its write operations are
 * `@inaccessible`), over the shared undici client with the service secret. Every write carries an
 * idempotency key, so the client may repeat a request after a network error or a 5xx.
 */
export function createParticipantClient(options: ParticipantClientOptions): ParticipantClient {
  const { participant, logger } = options;
  const url = new URL(options.url);
  const http: UpstreamClient = createUpstreamClient({
    upstream: participant,
    baseUrl: url.origin,
    timeoutMs: options.timeoutMs,
    retries: 1,
    logger,
  });

  async function execute<T>(query: string, variables: Record<string, unknown>, read: (data: unknown) => T): Promise<T> {
    let status: number;
    let text: string;
    try {
      const response = await http.request({
        method: 'POST',
        path: url.pathname,
        headers: { 'content-type': 'application/json', [SERVICE_SECRET_HEADER]: options.serviceSecret },
        body: JSON.stringify({ query, variables }),
        idempotent: true, // every write operation carries an idempotency key
      });
      status = response.status;
      text = response.text;
    } catch (error) {
      const message = error instanceof UpstreamError ? error.message : `${participant} could not be called`;
      throw new ParticipantError(participant, 'transient', error instanceof UpstreamError ? error.code : 'UPSTREAM_UNAVAILABLE', message, {
        cause: error,
      });
    }

    let body: GraphQLResponseBody;
    try {
      body = JSON.parse(text) as GraphQLResponseBody;
    } catch (cause) {
      throw new ParticipantError(participant, 'transient', 'UPSTREAM_BAD_RESPONSE', `${participant} answered HTTP ${status} without JSON`, {
        cause,
      });
    }
    const [first] = body.errors ?? [];
    if (first !== undefined) {
      const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
      const message = typeof first.message === 'string' ? first.message : `${participant} failed with ${code}`;
      // `retryable: true` (e.g. CARRIER_UNAVAILABLE when the carrier could not be reached): the
      // participant does not know whether its vendor acted; the same key may be sent again.
      if (first.extensions?.retryable === true) throw new ParticipantError(participant, 'transient', code, message);
      if (isExpectedFailureCode(code)) throw new ParticipantError(participant, 'refused', code, message);
      if (REJECTED_CODES.has(code)) {
        logger.error('participant refused our request: a bug or a misconfiguration (service secret?)', { participant, code, message });
        throw new ParticipantError(participant, 'rejected', code, message);
      }
      throw new ParticipantError(participant, 'transient', code, message);
    }
    if (status < 200 || status >= 300 || body.data == null) {
      throw new ParticipantError(participant, 'transient', 'UPSTREAM_BAD_RESPONSE', `${participant} answered HTTP ${status} without data`);
    }
    try {
      return read(body.data);
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      // A 200 we cannot read may still have taken effect: repeat it with the same key.
      throw new ParticipantError(
        participant,
        'transient',
        'UPSTREAM_BAD_RESPONSE',
        `${participant} answered in an unexpected shape: ${error.message}`,
        {
          cause: error,
        },
      );
    }
  }

  return { execute, close: () => http.close() };
}

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
  /**
   * For a batch read (`_entities`) where one entity's error must not fail the others: `read` gets
   * the data with the errors beside it, each with its path; only a call with no data at all throws.
   */
  executePartial<T>(
    query: string,
    variables: Record<string, unknown>,
    read: (data: unknown, errors: readonly PartialError[]) => T,
  ): Promise<T>;
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

/** An error of a partial answer, at its path (e.g. `['_entities', 3, 'tracking']`). */
export interface PartialError {
  readonly message: string;
  readonly path: ReadonlyArray<string | number>;
  readonly code: string;
  /** The participant said the same request may succeed later (`retryable: true`, or `reached: false`). */
  readonly transient: boolean;
}

interface GraphQLResponseBody {
  data?: unknown;
  errors?: Array<{ message?: unknown; path?: unknown; extensions?: { code?: unknown; retryable?: unknown; reached?: unknown } }>;
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
    return send(query, variables, read, false);
  }

  async function executePartial<T>(
    query: string,
    variables: Record<string, unknown>,
    read: (data: unknown, errors: readonly PartialError[]) => T,
  ): Promise<T> {
    return send(query, variables, read, true);
  }

  async function send<T>(
    query: string,
    variables: Record<string, unknown>,
    read: (data: unknown, errors: readonly PartialError[]) => T,
    partial: boolean,
  ): Promise<T> {
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
      const kind = error instanceof UpstreamError && !error.reached ? 'unreached' : 'transient';
      throw new ParticipantError(participant, kind, error instanceof UpstreamError ? error.code : 'UPSTREAM_UNAVAILABLE', message, {
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
    const partialErrors = partial && body.data != null ? (body.errors ?? []).map(toPartialError) : undefined;
    if (first !== undefined && partialErrors === undefined) {
      const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
      const message = typeof first.message === 'string' ? first.message : `${participant} failed with ${code}`;
      // `reached: false`: the participant's vendor refused the connection or its circuit is open,
      // so the vendor did nothing; the step fails now instead of waiting for a vendor that is down.
      if (first.extensions?.reached === false) throw new ParticipantError(participant, 'unreached', code, message);
      // `retryable: true` (e.g. CARRIER_UNAVAILABLE after a timeout): the participant does not know
      // whether its vendor acted; the same key may be sent again.
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
      return read(body.data, partialErrors ?? []);
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

  return { execute, executePartial, close: () => http.close() };
}

function toPartialError(error: NonNullable<GraphQLResponseBody['errors']>[number]): PartialError {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
  return {
    message: typeof error.message === 'string' ? error.message : code,
    path: Array.isArray(error.path) ? (error.path as Array<string | number>) : [],
    code,
    transient: error.extensions?.retryable === true || error.extensions?.reached === false,
  };
}

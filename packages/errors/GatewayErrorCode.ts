/**
 * The gateway's own refusals, on top of the platform's `ErrorCode`s (UNAUTHENTICATED, FORBIDDEN).
 * Names follow Apollo Router's where it has one, so clients written for either read them alike.
 * Kept here, beside `ErrorCode`, so the error-code catalog describes them too.
 */
export const GatewayErrorCode = {
  RATE_LIMITED: 'RATE_LIMITED',
  COST_ESTIMATED_TOO_EXPENSIVE: 'COST_ESTIMATED_TOO_EXPENSIVE',
  MAX_DEPTH_LIMIT: 'MAX_DEPTH_LIMIT',
  MAX_ALIASES_LIMIT: 'MAX_ALIASES_LIMIT',
  /** Too many fields that each call many upstreams (`search`) in one operation. */
  MAX_FAN_OUT_FIELDS_LIMIT: 'MAX_FAN_OUT_FIELDS_LIMIT',
  PERSISTED_QUERY_NOT_IN_LIST: 'PERSISTED_QUERY_NOT_IN_LIST',
  /**
   * A subgraph gave no answer (connection refused or dropped, timeout): send the operation again,
   * a mutation with the same idempotency key. `extensions.retryable` is true.
   */
  RETRYABLE: 'RETRYABLE',
  /** The query text is longer than MAX_QUERY_LENGTH (refused before parsing). */
  MAX_QUERY_LENGTH_LIMIT: 'MAX_QUERY_LENGTH_LIMIT',
  /** A string literal in the query is longer than MAX_STRING_LITERAL_LENGTH (refused before parsing). */
  MAX_STRING_LITERAL_LIMIT: 'MAX_STRING_LITERAL_LIMIT',
  /** The supergraph gives the query planner no way to fetch a root field the operation asks for; the message names it. */
  QUERY_PLANNING_FAILED: 'QUERY_PLANNING_FAILED',
} as const;

export type GatewayErrorCode = (typeof GatewayErrorCode)[keyof typeof GatewayErrorCode];

/**
 * HTTP status of a request the gateway refuses as a whole with the code. `RETRYABLE` is an error on
 * a field's path, in an answer that is otherwise 200; 503 is what it means for the request.
 */
export const gatewayHttpStatusOf: Record<GatewayErrorCode, number> = {
  RATE_LIMITED: 429,
  COST_ESTIMATED_TOO_EXPENSIVE: 400,
  MAX_DEPTH_LIMIT: 400,
  MAX_ALIASES_LIMIT: 400,
  MAX_FAN_OUT_FIELDS_LIMIT: 400,
  PERSISTED_QUERY_NOT_IN_LIST: 400,
  RETRYABLE: 503,
  MAX_QUERY_LENGTH_LIMIT: 400,
  MAX_STRING_LITERAL_LIMIT: 400,
  QUERY_PLANNING_FAILED: 400,
};

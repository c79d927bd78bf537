import { ErrorCode, httpStatusOf } from './ErrorCode.js';
import { GatewayErrorCode, gatewayHttpStatusOf } from './GatewayErrorCode.js';

/** Every code a client can see from us: the platform's `ErrorCode`s and the gateway's refusals. */
export type CatalogCode = ErrorCode | GatewayErrorCode;

/** What a client needs to know of one error code. */
export interface ErrorCodeEntry {
  readonly code: CatalogCode;
  /** What it means, for the developer reading it. */
  readonly meaning: string;
  /** The HTTP status of a request that failed as a whole with it. */
  readonly httpStatus: number;
  /** Whether sending the same request again, later, can succeed. */
  readonly retryable: boolean;
}

/** Where the catalog is published, relative to the repository root; each error's `extensions.docs` links its entry. */
export const ERROR_CATALOG_PATH = 'packages/errors/ERRORS.md';

/**
 * Every code of `ErrorCode` and `GatewayErrorCode`, explained: a `Record` over both, so a new code
 * does not compile until it is described here. `npm run errors:catalog` writes ERRORS.md from it.
 */
const DESCRIBED: Record<CatalogCode, Omit<ErrorCodeEntry, 'code' | 'httpStatus'>> = {
  BAD_USER_INPUT: {
    meaning: 'An argument or input field is wrong; `extensions.argumentName` names it and the message says the accepted form.',
    retryable: false,
  },
  NOT_FOUND: { meaning: 'The thing named does not exist, or is not the caller’s to see.', retryable: false },
  UNAUTHENTICATED: { meaning: 'The operation needs an API key (`x-api-key`), and none valid was sent.', retryable: false },
  FORBIDDEN: { meaning: 'The API key may not do this: it lacks the scope the message names.', retryable: false },
  UPSTREAM_UNAVAILABLE: {
    meaning: 'A vendor API (marketplace, carrier, payment provider) could not be reached or refused the call.',
    retryable: true,
  },
  UPSTREAM_TIMEOUT: { meaning: 'A vendor API did not answer in time.', retryable: true },
  UPSTREAM_RATE_LIMITED: { meaning: 'A vendor API asked us to slow down; `Retry-After` is honoured.', retryable: true },
  UPSTREAM_BAD_RESPONSE: { meaning: 'A vendor API answered with something we could not read.', retryable: false },
  INTERNAL_SERVER_ERROR: {
    meaning: 'A fault of ours; the message says no more in production. Logged with the request id.',
    retryable: true,
  },
  OUT_OF_STOCK: { meaning: 'The marketplace has not enough stock, or the stock held for the buyer is gone.', retryable: false },
  PRICE_CHANGED: { meaning: 'The marketplace now asks another price than the quote fixed: quote again.', retryable: false },
  PAYMENT_DECLINED: { meaning: 'The payment provider declined the payment.', retryable: false },
  CARRIER_UNAVAILABLE: {
    meaning: 'The carrier could not book: it refused the parcel, or could not be reached (then `retryable` is true).',
    retryable: true,
  },
  MARKETPLACE_UNAVAILABLE: { meaning: 'The marketplace could not be reached or did not answer usably.', retryable: true },
  QUOTE_INVALID: { meaning: 'A quote token that is not ours, or was edited.', retryable: false },
  QUOTE_EXPIRED: { meaning: 'A genuine quote token whose time is up: quote again.', retryable: false },
  IDEMPOTENCY_KEY_REUSED: {
    meaning: 'An idempotency key sent again with a different request: make a new key for a new request.',
    retryable: false,
  },
  STATE_CONFLICT: {
    meaning:
      'The object’s state forbids the operation (releasing ordered stock, cancelling a parcel in transit, refunding a payment not captured).',
    retryable: false,
  },
  RATE_LIMITED: {
    meaning: 'Too many requests for the caller’s tier in the current window; `Retry-After` says when to try again.',
    retryable: true,
  },
  COST_ESTIMATED_TOO_EXPENSIVE: {
    meaning: 'The operation’s estimated cost is above the key tier’s budget (`extensions.cost`, `budget`): ask for less.',
    retryable: false,
  },
  MAX_DEPTH_LIMIT: { meaning: 'The operation nests fields deeper than the gateway allows.', retryable: false },
  MAX_ALIASES_LIMIT: { meaning: 'The operation uses more aliases than the gateway allows.', retryable: false },
  MAX_FAN_OUT_FIELDS_LIMIT: {
    meaning: 'Too many fields that each call many upstreams (`search`) in one operation (`extensions.field`, `count`, `max`).',
    retryable: false,
  },
  PERSISTED_QUERY_NOT_IN_LIST: {
    meaning: 'The gateway runs only the operations of its persisted list, and this one is not in it.',
    retryable: false,
  },
  RETRYABLE: {
    meaning:
      'A service gave no answer (connection refused or dropped, timeout): send the operation again, a mutation with the same idempotency key, which never books twice.',
    retryable: true,
  },
  MAX_QUERY_LENGTH_LIMIT: { meaning: 'The query text is longer than the gateway reads; refused before parsing.', retryable: false },
  MAX_STRING_LITERAL_LIMIT: {
    meaning: 'A string literal in the query is longer than the gateway allows; refused before parsing. Pass long values as variables.',
    retryable: false,
  },
  QUERY_PLANNING_FAILED: {
    meaning:
      'The operation is valid against the schema, but no subgraph can resolve a root field it asks for with the selection under it; the message names the field. Nothing was fetched.',
    retryable: false,
  },
};

const HTTP_STATUS: Record<CatalogCode, number> = { ...httpStatusOf, ...gatewayHttpStatusOf };

/** The catalog's codes, the platform's first. */
const CATALOG_CODES: readonly CatalogCode[] = [...Object.values(ErrorCode), ...Object.values(GatewayErrorCode)];

export const ERROR_CATALOG: readonly ErrorCodeEntry[] = CATALOG_CODES.map((code) => ({
  code,
  httpStatus: HTTP_STATUS[code],
  ...DESCRIBED[code],
}));

const CATALOGUED = new Set<string>(CATALOG_CODES);

/** Whether `code` has an entry in the catalog. */
export function isCatalogCode(code: string): code is CatalogCode {
  return CATALOGUED.has(code);
}

/** The link an error's `extensions.docs` carries: the catalog's entry for `code`. */
export function errorDocsLink(code: CatalogCode): string {
  return `${ERROR_CATALOG_PATH}#${code.toLowerCase()}`;
}

/** The catalog as markdown: one section per code, so `#<code>` anchors land on it. */
export function errorCatalogMarkdown(): string {
  const lines = [
    '# Error codes',
    '',
    'Generated from `packages/errors/errorCatalog.ts` by `npm run errors:catalog`: do not edit. Every error a',
    'client sees has `extensions.code` (one of these, or a GraphQL validation code of Apollo Server) and',
    '`extensions.docs`, a link to its entry here. HTTP status is that of a request that failed as a whole.',
    '',
    '| code | HTTP | retry can help |',
    '| --- | --- | --- |',
    ...ERROR_CATALOG.map(
      (entry) => `| [\`${entry.code}\`](#${entry.code.toLowerCase()}) | ${entry.httpStatus} | ${entry.retryable ? 'yes' : 'no'} |`,
    ),
    '',
  ];
  for (const entry of ERROR_CATALOG) {
    lines.push(
      `## ${entry.code}`,
      '',
      entry.meaning,
      '',
      `HTTP ${entry.httpStatus}; ${entry.retryable ? 'a retry later can help' : 'retrying the same request will not help'}.`,
      '',
    );
  }
  return lines.join('\n');
}

import { ErrorCode, httpStatusOf } from './ErrorCode.js';

/** What a client needs to know of one error code. */
export interface ErrorCodeEntry {
  readonly code: ErrorCode;
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
 * Every code of `ErrorCode`, explained: a `Record` over the enum, so a new code does not compile
 * until it is described here. `npm run errors:catalog` writes ERRORS.md from it.
 */
const DESCRIBED: Record<ErrorCode, Omit<ErrorCodeEntry, 'code' | 'httpStatus'>> = {
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
    meaning: 'The object’s state forbids the operation (releasing ordered stock, cancelling a parcel in transit).',
    retryable: false,
  },
};

export const ERROR_CATALOG: readonly ErrorCodeEntry[] = Object.values(ErrorCode).map((code) => ({
  code,
  httpStatus: httpStatusOf[code],
  ...DESCRIBED[code],
}));

/** The link an error's `extensions.docs` carries: the catalog's entry for `code`. */
export function errorDocsLink(code: ErrorCode): string {
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

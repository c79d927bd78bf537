/** The one error vocabulary. Clients branch on `extensions.code`; messages are for people. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  UPSTREAM_RATE_LIMITED: 'UPSTREAM_RATE_LIMITED',
  UPSTREAM_BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // Booking: expected failures of the participants' write operations, which the `orders` saga
  // turns into user errors (or compensations). They are answers, not faults.
  /** The marketplace has not enough stock, or the stock held for the buyer is gone (reservation expired or released). */
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  /** The marketplace now asks another price than the quote fixed. */
  PRICE_CHANGED: 'PRICE_CHANGED',
  /** The payment provider declined the payment. */
  PAYMENT_DECLINED: 'PAYMENT_DECLINED',
  /** The carrier could not book (refused the parcel, or could not be reached: see `retryable`). */
  CARRIER_UNAVAILABLE: 'CARRIER_UNAVAILABLE',
  /** The marketplace could not be reached or did not answer usably (see `retryable`). */
  MARKETPLACE_UNAVAILABLE: 'MARKETPLACE_UNAVAILABLE',
  /** A quote token that is not ours, or was edited. */
  QUOTE_INVALID: 'QUOTE_INVALID',
  /** A genuine quote token whose time is up. */
  QUOTE_EXPIRED: 'QUOTE_EXPIRED',
  /** An idempotency key sent again with a different request. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** The upstream object's state forbids the operation (releasing ordered stock, cancelling a parcel in transit, voiding a capture). */
  STATE_CONFLICT: 'STATE_CONFLICT',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status that goes with a code when the whole request fails for that reason. */
export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_RATE_LIMITED: 503,
  UPSTREAM_BAD_RESPONSE: 502,
  INTERNAL_SERVER_ERROR: 500,
  OUT_OF_STOCK: 409,
  PRICE_CHANGED: 409,
  PAYMENT_DECLINED: 402,
  CARRIER_UNAVAILABLE: 503,
  MARKETPLACE_UNAVAILABLE: 503,
  QUOTE_INVALID: 400,
  QUOTE_EXPIRED: 410,
  IDEMPOTENCY_KEY_REUSED: 409,
  STATE_CONFLICT: 409,
};

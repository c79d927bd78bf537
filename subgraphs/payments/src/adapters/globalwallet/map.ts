import { parseMoney, type CurrencyCode, type Money } from '#packages/money/index.js';
import { asArray, asNonEmptyString, asRecord, asString, optional, PayloadError, type VendorRecord } from '#packages/validate/index.js';
import { readPercent } from '../readPercent.js';
import type { Authorization, AuthorizationStatus, FeeQuote, FeeRefusalReason } from '../ports.js';
import type { ProviderRefusalReason } from '../ProviderRefusal.js';

export const PROVIDER_ID = 'globalwallet';

const REASONS: Readonly<Record<string, FeeRefusalReason>> = {
  CURRENCY_NOT_SUPPORT: 'CURRENCY_NOT_SUPPORTED',
  REGION_NOT_SUPPORT: 'COUNTRY_NOT_SUPPORTED',
  PAYMENT_AMOUNT_BELOW_MIN: 'BELOW_MINIMUM',
  PAYMENT_AMOUNT_EXCEED_LIMIT: 'ABOVE_MAXIMUM',
};

const STATUSES: Readonly<Record<string, AuthorizationStatus>> = {
  AUTHORIZED: 'AUTHORIZED',
  CAPTURED: 'CAPTURED',
  CANCELLED: 'VOIDED',
  FAILED: 'DECLINED',
  ESCROW_HELD: 'IN_ESCROW',
  SETTLED: 'RELEASED',
  REFUNDED: 'REFUNDED',
};

/** GlobalWallet's `resultCode`s (status F) for refused writes, in our words. */
export const REFUSALS: Readonly<Record<string, ProviderRefusalReason>> = {
  ORDER_NOT_EXIST: 'NOT_FOUND',
  ORDER_STATUS_INVALID: 'STATE_CONFLICT',
  ESCROW_NOT_HELD: 'STATE_CONFLICT',
  REFUND_NOT_ALLOWED: 'STATE_CONFLICT',
  REPEAT_REQ_INCONSISTENT: 'IDEMPOTENCY_KEY_REUSED',
  PARAM_ILLEGAL: 'INVALID_REQUEST',
  CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT: 'INVALID_REQUEST',
  REFUND_AMOUNT_EXCEED: 'INVALID_REQUEST',
};

/** A secured transaction is captured into escrow; a standard one straight to the merchant. */
export const ESCROW_PRODUCT = 'ESCROW_PAYMENT';

/** Thrown for `resultStatus` F (the wallet refused) or U (it does not know: try again). */
export class WalletResultError extends Error {
  override name = 'WalletResultError';
  constructor(
    readonly status: 'F' | 'U',
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Opens `{result: {resultStatus, resultCode, resultMessage}, …}`: the payload, or the wallet's refusal. */
export function openResult(body: unknown): VendorRecord {
  const root = asRecord(body, '$');
  const result = asRecord(root.result, '$.result');
  const status = asString(result.resultStatus, '$.result.resultStatus');
  if (status === 'S') return root;
  if (status !== 'F' && status !== 'U') throw new PayloadError('$.result.resultStatus', 'S, F or U', status);
  const code = asString(result.resultCode, '$.result.resultCode');
  throw new WalletResultError(status, code, optional(result.resultMessage, '$.result.resultMessage', asString) ?? code);
}

/** `{value: "12.34", currency: "EUR"}`, checked to be in the currency we asked for. */
export function readAmount(value: unknown, path: string, currency: CurrencyCode): Money {
  const amount = asRecord(value, path);
  if (amount.currency !== currency) throw new PayloadError(`${path}.currency`, currency, amount.currency);
  try {
    return parseMoney(asString(amount.value, `${path}.value`), currency);
  } catch (error) {
    if (error instanceof PayloadError) throw error;
    throw new PayloadError(`${path}.value`, `an amount in ${currency}`, amount.value);
  }
}

export function toFeeQuotes(payload: VendorRecord, ids: readonly string[], currencies: readonly CurrencyCode[]): FeeQuote[] {
  const quotes = asArray(payload.quotes, '$.quotes');
  const byId = new Map(
    quotes.map((value, index) => [
      asNonEmptyString(asRecord(value, `$.quotes[${index}]`).requestId, `$.quotes[${index}].requestId`),
      index,
    ]),
  );
  return ids.map((id, position) => {
    const index = byId.get(id);
    if (index === undefined) throw new PayloadError('$.quotes', `a quote for ${id}`, undefined);
    const path = `$.quotes[${index}]`;
    const quote = asRecord(quotes[index], path);
    const currency = currencies[position]!;
    const status = asString(quote.quoteStatus, `${path}.quoteStatus`);
    if (status === 'UNAVAILABLE') {
      const code = asString(quote.reasonCode, `${path}.reasonCode`);
      return {
        accepted: false,
        reason: REASONS[code] ?? 'UNKNOWN',
        message: optional(quote.reasonMessage, `${path}.reasonMessage`, asString) ?? code,
      };
    }
    if (status !== 'AVAILABLE') throw new PayloadError(`${path}.quoteStatus`, 'AVAILABLE or UNAVAILABLE', status);
    const components = asRecord(quote.feeComponents, `${path}.feeComponents`);
    return {
      accepted: true,
      fee: readAmount(quote.fee, `${path}.fee`, currency),
      breakdown: {
        schedule: asNonEmptyString(quote.pricingVersion, `${path}.pricingVersion`),
        percentBp: readPercent(components.ratePercent, `${path}.feeComponents.ratePercent`),
        crossBorderBp: readPercent(components.crossBorderPercent, `${path}.feeComponents.crossBorderPercent`),
        fxSpreadBp: readPercent(components.fxSpreadPercent, `${path}.feeComponents.fxSpreadPercent`),
        fixed: readAmount(components.fixedAmount, `${path}.feeComponents.fixedAmount`, currency),
      },
    };
  });
}

export function toAuthorization(payload: VendorRecord, currency: CurrencyCode): Authorization {
  const status = STATUSES[asString(payload.paymentStatus, '$.paymentStatus')];
  if (status === undefined) throw new PayloadError('$.paymentStatus', 'a payment status', payload.paymentStatus);
  const declineReason = optional(payload.failureReason, '$.failureReason', asString);
  return {
    id: asNonEmptyString(payload.paymentId, '$.paymentId'),
    status,
    amount: readAmount(payload.paymentAmount, '$.paymentAmount', currency),
    captured: readAmount(payload.capturedAmount, '$.capturedAmount', currency),
    escrow: payload.productCode === ESCROW_PRODUCT,
    ...(declineReason !== undefined && { declineReason }),
  };
}

import { fromMinor, type CurrencyCode, type Money } from '#packages/money/index.js';
import {
  asArray,
  asBoolean,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  PayloadError,
} from '#packages/validate/index.js';
import type { Authorization, AuthorizationStatus, FeeQuote, FeeRefusalReason, Refund } from '../ports.js';
import type { ProviderRefusalReason } from '../ProviderRefusal.js';

export const PROVIDER_ID = 'cardnet';

const REASONS: Readonly<Record<string, FeeRefusalReason>> = {
  currency_not_supported: 'CURRENCY_NOT_SUPPORTED',
  card_country_not_supported: 'COUNTRY_NOT_SUPPORTED',
  amount_too_small: 'BELOW_MINIMUM',
  amount_too_large: 'ABOVE_MAXIMUM',
};

const STATUSES: Readonly<Record<string, AuthorizationStatus>> = {
  authorized: 'AUTHORIZED',
  captured: 'CAPTURED',
  voided: 'VOIDED',
  declined: 'DECLINED',
  held: 'IN_ESCROW',
  released: 'RELEASED',
};

/** Cardnet's error `code`s for refused writes, in our words. */
export const REFUSALS: Readonly<Record<string, ProviderRefusalReason>> = {
  resource_missing: 'NOT_FOUND',
  authorization_unexpected_state: 'STATE_CONFLICT',
  authorization_not_held: 'STATE_CONFLICT',
  charge_not_captured: 'STATE_CONFLICT',
  idempotency_key_reused: 'IDEMPOTENCY_KEY_REUSED',
  idempotency_key_missing: 'INVALID_REQUEST',
  amount_too_large: 'INVALID_REQUEST',
  parameter_missing: 'INVALID_REQUEST',
  parameter_invalid: 'INVALID_REQUEST',
};

/** Reads `{object: "list", data: [fee_quote…]}` into one answer per request id, in `ids` order. */
export function toFeeQuotes(body: unknown, ids: readonly string[], currencies: readonly CurrencyCode[]): FeeQuote[] {
  const root = asRecord(body, '$');
  const data = asArray(root.data, '$.data');
  const byId = new Map(
    data.map((value, index) => [asNonEmptyString(asRecord(value, `$.data[${index}]`).id, `$.data[${index}].id`), index]),
  );
  return ids.map((id, position) => {
    const index = byId.get(id);
    if (index === undefined) throw new PayloadError(`$.data`, `a quote with id ${id}`, undefined);
    return toFeeQuote(data[index], `$.data[${index}]`, currencies[position]!);
  });
}

function toFeeQuote(value: unknown, path: string, currency: CurrencyCode): FeeQuote {
  const quote = asRecord(value, path);
  const status = asString(quote.status, `${path}.status`);
  if (status === 'declined') {
    const code = asString(quote.decline_code, `${path}.decline_code`);
    return { accepted: false, reason: REASONS[code] ?? 'UNKNOWN', message: optional(quote.message, `${path}.message`, asString) ?? code };
  }
  if (status !== 'priced') throw new PayloadError(`${path}.status`, '"priced" or "declined"', status);
  if (asString(quote.currency, `${path}.currency`).toUpperCase() !== currency)
    throw new PayloadError(`${path}.currency`, currency, quote.currency);
  const details = asRecord(quote.fee_details, `${path}.fee_details`);
  return {
    accepted: true,
    fee: fromMinor(asNonNegativeInteger(quote.fee, `${path}.fee`), currency),
    breakdown: {
      schedule: asNonEmptyString(quote.schedule, `${path}.schedule`),
      percentBp: asNonNegativeInteger(details.percent_bp, `${path}.fee_details.percent_bp`),
      crossBorderBp: asNonNegativeInteger(details.cross_border_bp, `${path}.fee_details.cross_border_bp`),
      fxSpreadBp: asNonNegativeInteger(details.fx_spread_bp, `${path}.fee_details.fx_spread_bp`),
      fixed: fromMinor(asNonNegativeInteger(details.fixed, `${path}.fee_details.fixed`), currency),
    },
  };
}

export function toAuthorization(body: unknown, currency: CurrencyCode): Authorization {
  const root = asRecord(body, '$');
  const status = STATUSES[asString(root.status, '$.status')];
  if (status === undefined) throw new PayloadError('$.status', 'an authorization status', root.status);
  const amount = (value: unknown, path: string): Money => fromMinor(asNonNegativeInteger(value, path), currency);
  const declineReason = optional(root.decline_code, '$.decline_code', asString);
  return {
    id: asNonEmptyString(root.id, '$.id'),
    status,
    amount: amount(root.amount, '$.amount'),
    captured: amount(root.amount_captured, '$.amount_captured'),
    escrow: optional(root.escrow, '$.escrow', asBoolean) ?? false,
    ...(declineReason !== undefined && { declineReason }),
  };
}

/** A `refund` object; its currency must be the payment's. */
export function toRefund(body: unknown, currency: CurrencyCode): Refund {
  const root = asRecord(body, '$');
  if (asString(root.status, '$.status') !== 'succeeded') throw new PayloadError('$.status', '"succeeded"', root.status);
  if (asString(root.currency, '$.currency').toUpperCase() !== currency) throw new PayloadError('$.currency', currency, root.currency);
  return {
    id: asNonEmptyString(root.id, '$.id'),
    authorizationId: asNonEmptyString(root.authorization, '$.authorization'),
    amount: fromMinor(asNonNegativeInteger(root.amount, '$.amount'), currency),
  };
}

/** `{error: {type, code, message}}`, the vendor's error body, when there is one. */
export function errorOf(body: unknown): { type: string; code: string; message: string } | undefined {
  try {
    const error = asRecord(asRecord(body, '$').error, '$.error');
    return {
      type: asString(error.type, '$.error.type'),
      code: optional(error.code, '$.error.code', asString) ?? '',
      message: optional(error.message, '$.error.message', asString) ?? '',
    };
  } catch {
    return undefined;
  }
}

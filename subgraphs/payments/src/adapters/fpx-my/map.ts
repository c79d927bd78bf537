import { parseMoney, type Money } from '#packages/money/index.js';
import { PayloadError } from '#packages/validate/index.js';
import { readPercent } from '../readPercent.js';
import type { Authorization, AuthorizationStatus, FeeQuote, FeeRefusalReason } from '../ports.js';
import type { ProviderRefusalReason } from '../ProviderRefusal.js';

export const PROVIDER_ID = 'fpx-my';

const REASONS: Readonly<Record<string, FeeRefusalReason>> = {
  '1A': 'CURRENCY_NOT_SUPPORTED',
  '1B': 'COUNTRY_NOT_SUPPORTED',
  '2A': 'BELOW_MINIMUM',
  '2B': 'ABOVE_MAXIMUM',
};

const STATUSES: Readonly<Record<string, AuthorizationStatus>> = {
  AUTHORISED: 'AUTHORIZED',
  CAPTURED: 'CAPTURED',
  REVERSED: 'VOIDED',
  DECLINED: 'DECLINED',
  HELD: 'IN_ESCROW',
  SETTLED: 'RELEASED',
  REFUNDED: 'REFUNDED',
};

/** FPX `fpx_respCode`s of refused messages, in our words. */
export const REFUSALS: Readonly<Record<string, ProviderRefusalReason>> = {
  '76': 'NOT_FOUND',
  '12': 'STATE_CONFLICT',
  '14': 'STATE_CONFLICT',
  '15': 'STATE_CONFLICT',
  '94': 'IDEMPOTENCY_KEY_REUSED',
  '13': 'INVALID_REQUEST',
  '30': 'INVALID_REQUEST',
};

/** Thrown when `fpx_respCode` is not `00` for the message as a whole. */
export class FpxResponseError extends Error {
  override name = 'FpxResponseError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A name/value answer: the fields, or the exchange's refusal of the whole message. */
export function openReply(text: string): URLSearchParams {
  const fields = new URLSearchParams(text);
  const code = required(fields, 'fpx_respCode');
  if (code !== '00' && !fields.has('fpx_fpxTxnId')) throw new FpxResponseError(code, fields.get('fpx_respDesc') ?? code);
  return fields;
}

export function readRinggit(fields: URLSearchParams, name: string): Money {
  const text = required(fields, name);
  if (!/^\d+\.\d{2}$/.test(text)) throw new PayloadError(name, 'ringgit with two decimals', text);
  return parseMoney(text, 'MYR');
}

export function toFeeQuotes(fields: URLSearchParams, refs: readonly string[]): FeeQuote[] {
  const count = Number(required(fields, 'fpx_count'));
  if (!Number.isInteger(count) || count !== refs.length) throw new PayloadError('fpx_count', String(refs.length), fields.get('fpx_count'));
  const schedule = required(fields, 'fpx_schedule');
  const byRef = new Map(refs.map((_, index) => [required(fields, `fpx_ref_${index}`), index]));
  return refs.map((ref) => {
    const i = byRef.get(ref);
    if (i === undefined) throw new PayloadError('fpx_ref_*', `an answer for ${ref}`, undefined);
    const code = required(fields, `fpx_respCode_${i}`);
    if (code !== '00') return { accepted: false, reason: REASONS[code] ?? 'UNKNOWN', message: fields.get(`fpx_respDesc_${i}`) ?? code };
    return {
      accepted: true,
      fee: readRinggit(fields, `fpx_fee_${i}`),
      breakdown: {
        schedule,
        percentBp: readPercent(fields.get(`fpx_feeRate_${i}`), `fpx_feeRate_${i}`),
        crossBorderBp: readPercent(fields.get(`fpx_feeCrossBorderRate_${i}`), `fpx_feeCrossBorderRate_${i}`),
        fxSpreadBp: readPercent(fields.get(`fpx_feeFxRate_${i}`), `fpx_feeFxRate_${i}`),
        fixed: readRinggit(fields, `fpx_feeFixed_${i}`),
      },
    };
  });
}

export function toAuthorization(fields: URLSearchParams): Authorization {
  const status = STATUSES[required(fields, 'fpx_txnStatus')];
  if (status === undefined) throw new PayloadError('fpx_txnStatus', 'a transaction status', fields.get('fpx_txnStatus'));
  const code = required(fields, 'fpx_respCode');
  return {
    id: required(fields, 'fpx_fpxTxnId'),
    status,
    amount: readRinggit(fields, 'fpx_txnAmount'),
    captured: readRinggit(fields, 'fpx_capturedAmount'),
    escrow: fields.get('fpx_escrow') === 'Y',
    ...(status === 'DECLINED' && { declineReason: code }),
  };
}

function required(fields: URLSearchParams, name: string): string {
  const value = fields.get(name);
  if (value === null || value === '') throw new PayloadError(name, 'a value', value ?? undefined);
  return value;
}

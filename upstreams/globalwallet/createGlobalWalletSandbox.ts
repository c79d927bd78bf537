import { timingSafeEqual } from 'node:crypto';
import type { SandboxRequest, SandboxResponse, SandboxUpstream } from '#packages/sandbox/index.js';
import { createSandboxServer } from '#packages/sandbox/index.js';
import {
  createPaymentLedger,
  keyedTransition,
  type LedgerEntry,
  type PaymentLedger,
  type TransitionError,
} from '#packages/sandbox/index.js';
import { priceFee, type FeeRefusal } from '#packages/sandbox/index.js';
import { GLOBALWALLET_FEES, MAX_QUOTES_PER_CALL, SANDBOX_CLIENT_ID, SANDBOX_SIGNING_SECRET } from './feeSchedule.js';
import { walletSignature } from './signature.js';

const CLOCK_SKEW_MS = 5 * 60_000;
const REASONS: Record<FeeRefusal, string> = {
  CURRENCY: 'CURRENCY_NOT_SUPPORT',
  COUNTRY: 'REGION_NOT_SUPPORT',
  BELOW_MINIMUM: 'PAYMENT_AMOUNT_BELOW_MIN',
  ABOVE_MAXIMUM: 'PAYMENT_AMOUNT_EXCEED_LIMIT',
};

/**
 * GlobalWallet (globalwallet): a cross-border wallet. Signed JSON without OAuth (client id,
 * timestamp and HMAC signature headers), amounts as `{value: "12.34", currency}` decimal strings,
 * and every answer in a `{result: {resultStatus: S|F|U, resultCode, resultMessage}}` envelope —
 * business failures under HTTP 200, authentication failures under 401. A payment made with
 * `productCode: "ESCROW_PAYMENT"` (a secured transaction) is captured into escrow (`ESCROW_HELD`)
 * and settled to the merchant by `releaseEscrow` (`SETTLED`); `inquiryPayment` reads a payment.
 * Capture, cancel and release take an `Idempotency-Key` header like authorize.
 */
export const globalWalletSandbox = {
  id: 'globalwallet',
  description: 'GlobalWallet, a cross-border wallet (HMAC-signed JSON, decimal amounts, result envelopes)',
  defaultPort: 4141,
  create: ({ logger, fault }) => {
    const ledger = createPaymentLedger('GW2026');
    const route = (path: string, endpoint: string, handle: (body: Body, request: SandboxRequest) => SandboxResponse) => ({
      method: 'POST',
      path,
      endpoint,
      handle: (request: SandboxRequest) => signed(request, handle),
    });
    return createSandboxServer({
      id: 'globalwallet',
      logger,
      fault,
      routes: [
        ...ledger.routes,
        route('/v2/pricing/inquiryFees', 'pricing.inquiryFees', inquiryFees),
        route('/v2/payments/authorize', 'payments.authorize', (body, request) => authorize(body, request, ledger)),
        route('/v2/payments/capture', 'payments.capture', (body, request) =>
          transition(body, request, ledger, 'capture', (id) =>
            ledger.capture(id, body.captureAmount === undefined ? undefined : minorOf(body.captureAmount)),
          ),
        ),
        route('/v2/payments/cancel', 'payments.cancel', (body, request) =>
          transition(body, request, ledger, 'cancel', (id) => ledger.void(id)),
        ),
        route('/v2/payments/releaseEscrow', 'payments.releaseEscrow', (body, request) =>
          transition(body, request, ledger, 'release', (id) => ledger.release(id)),
        ),
        route('/v2/payments/inquiryPayment', 'payments.inquiryPayment', (body) => {
          const entry = typeof body.paymentId === 'string' ? ledger.get(body.paymentId) : undefined;
          return entry ? success(render(entry)) : failure('ORDER_NOT_EXIST', `No payment ${String(body.paymentId)}`);
        }),
      ],
      garbage: () => ({ body: { result: { resultStatus: 'S', resultCode: 'SUCCESS' }, quotes: [{ requestId: 7, fee: '∞' }] } }),
    });
  },
} satisfies SandboxUpstream;

type Body = Record<string, unknown>;

function signed(request: SandboxRequest, handle: (body: Body, request: SandboxRequest) => SandboxResponse): SandboxResponse {
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : '';
  };
  const timestamp = header('x-gw-timestamp');
  const expected = walletSignature(SANDBOX_SIGNING_SECRET, timestamp, request.method, request.path, request.body);
  const given = Buffer.from(header('x-gw-signature'));
  if (header('x-gw-client-id') !== SANDBOX_CLIENT_ID) return failure('INVALID_CLIENT', 'Unknown client id', 401);
  if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp) * 1000) > CLOCK_SKEW_MS) {
    return failure('INVALID_SIGNATURE', 'Request timestamp outside the allowed window', 401);
  }
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
    return failure('INVALID_SIGNATURE', 'Signature verification failed', 401);
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return failure('PARAM_ILLEGAL', 'Body is not JSON', 400);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return failure('PARAM_ILLEGAL', 'Body is not a JSON object', 400);
  return handle(body as Body, request);
}

function inquiryFees(body: Body): SandboxResponse {
  const requests = body.requests;
  if (!Array.isArray(requests) || requests.length === 0) return failure('PARAM_ILLEGAL', 'requests: a non-empty list');
  if (requests.length > MAX_QUOTES_PER_CALL) return failure('PARAM_ILLEGAL', `requests: at most ${MAX_QUOTES_PER_CALL}`);
  const quotes: unknown[] = [];
  for (const value of requests) {
    const payment = paymentOf(value);
    if (payment === undefined) return failure('PARAM_ILLEGAL', 'a request is malformed');
    const price = priceFee(GLOBALWALLET_FEES, payment);
    quotes.push(
      price.ok
        ? {
            requestId: payment.id,
            quoteStatus: 'AVAILABLE',
            fee: amount(price.feeMinor, payment.currency),
            feeComponents: {
              ratePercent: percent(price.percentBp),
              crossBorderPercent: percent(price.crossBorderBp),
              fxSpreadPercent: percent(price.fxSpreadBp),
              fixedAmount: amount(BigInt(price.fixedMinor), payment.currency),
            },
            pricingVersion: GLOBALWALLET_FEES.name,
          }
        : { requestId: payment.id, quoteStatus: 'UNAVAILABLE', reasonCode: REASONS[price.refusal], reasonMessage: price.message },
    );
  }
  return success({ quotes });
}

function authorize(body: Body, request: SandboxRequest, ledger: PaymentLedger): SandboxResponse {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key === '') return failure('PARAM_ILLEGAL', 'Idempotency-Key header required', 400);
  const payment = paymentOf(body);
  if (payment === undefined) return failure('PARAM_ILLEGAL', 'paymentAmount and payerRegion required');
  // The signature header differs per attempt, so the body alone identifies "the same request".
  const remembered = ledger.once(key, request.body, () => {
    const price = priceFee(GLOBALWALLET_FEES, payment);
    return ledger.open(
      {
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        reference: payment.id,
        escrow: body.productCode === 'ESCROW_PAYMENT',
      },
      price.ok ? undefined : REASONS[price.refusal],
    );
  });
  if (remembered.kind === 'conflict') return failure('REPEAT_REQ_INCONSISTENT', 'Idempotency-Key reused with another request', 409);
  return success(render(remembered.value));
}

function transition(
  body: Body,
  request: SandboxRequest,
  ledger: PaymentLedger,
  operation: string,
  apply: (id: string) => LedgerEntry | TransitionError,
): SandboxResponse {
  if (typeof body.paymentId !== 'string') return failure('PARAM_ILLEGAL', 'paymentId required');
  const id = body.paymentId;
  // The signature header differs per attempt, so the body alone identifies "the same request".
  const remembered = keyedTransition(ledger, operation, request.headers['idempotency-key'], request.body, () => apply(id));
  if (remembered.kind === 'conflict') return failure('REPEAT_REQ_INCONSISTENT', 'Idempotency-Key reused with another request', 409);
  const result = remembered.value;
  switch (result) {
    case 'NOT_FOUND':
      return failure('ORDER_NOT_EXIST', `No payment ${body.paymentId}`);
    case 'NOT_AUTHORIZED':
      return failure('ORDER_STATUS_INVALID', 'The payment is not in a state that allows this');
    case 'AMOUNT_TOO_LARGE':
      return failure('CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT', 'Capture amount exceeds the authorized amount');
    case 'NOT_IN_ESCROW':
      return failure('ESCROW_NOT_HELD', 'Only a payment held in escrow can be released');
    default:
      return success(render(result));
  }
}

const STATUS: Record<LedgerEntry['state'], string> = {
  AUTHORIZED: 'AUTHORIZED',
  CAPTURED: 'CAPTURED',
  VOIDED: 'CANCELLED',
  DECLINED: 'FAILED',
  ESCROWED: 'ESCROW_HELD',
  RELEASED: 'SETTLED',
};

function render(entry: LedgerEntry): Body {
  return {
    paymentId: entry.id,
    paymentRequestId: entry.reference,
    paymentStatus: STATUS[entry.state],
    productCode: entry.escrow ? 'ESCROW_PAYMENT' : 'STANDARD_PAYMENT',
    paymentAmount: amount(entry.amountMinor, entry.currency),
    capturedAmount: amount(entry.capturedMinor, entry.currency),
    ...(entry.declineReason ? { failureReason: entry.declineReason } : {}),
  };
}

interface WalletPayment {
  id: string;
  amountMinor: bigint;
  currency: string;
  buyerCountry: string;
  merchantCountry: string;
  settlementCurrency: string;
}

function paymentOf(value: unknown): WalletPayment | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Body;
  const paid = v.paymentAmount as Body | undefined;
  const amountMinor = minorOf(paid);
  if (amountMinor === undefined || typeof v.payerRegion !== 'string') return undefined;
  const currency = String(paid?.currency);
  return {
    id: typeof v.requestId === 'string' ? v.requestId : typeof v.paymentRequestId === 'string' ? v.paymentRequestId : '',
    amountMinor,
    currency,
    buyerCountry: v.payerRegion,
    merchantCountry: typeof v.merchantRegion === 'string' ? v.merchantRegion : v.payerRegion,
    settlementCurrency: typeof v.settlementCurrency === 'string' ? v.settlementCurrency : currency,
  };
}

/** `{value: "12.34", currency: "EUR"}` → 1234n; the currency's own decimals, from the fee schedule's currency list. */
function minorOf(value: unknown): bigint | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { value: text, currency } = value as Body;
  if (typeof text !== 'string' || typeof currency !== 'string' || !/^\d+(\.\d{1,3})?$/.test(text)) return undefined;
  const decimals = decimalsOf(currency);
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length > decimals) return undefined;
  return BigInt(whole + fraction.padEnd(decimals, '0'));
}

function amount(minor: bigint, currency: string): { value: string; currency: string } {
  const decimals = decimalsOf(currency);
  const digits = minor.toString().padStart(decimals + 1, '0');
  return { value: decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`, currency };
}

/** Zero-decimal currencies among those a wallet meets; everything else here has two. */
const decimalsOf = (currency: string): number => (['JPY', 'KRW', 'CLP', 'VND'].includes(currency) ? 0 : 2);

/** 290 → "2.90", on integers. */
const percent = (bp: number): string => `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;

function success(payload: Body): SandboxResponse {
  return { body: { result: { resultStatus: 'S', resultCode: 'SUCCESS', resultMessage: 'success' }, ...payload } };
}

function failure(code: string, message: string, status = 200): SandboxResponse {
  return { status, body: { result: { resultStatus: 'F', resultCode: code, resultMessage: message } } };
}

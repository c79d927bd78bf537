import type { SandboxRequest, SandboxResponse, SandboxUpstream } from '#packages/sandbox/index.js';
import { createSandboxServer } from '#packages/sandbox/index.js';
import {
  createPaymentLedger,
  keyedTransition,
  type LedgerEntry,
  type PaymentLedger,
  type TransitionError,
} from '#packages/sandbox/index.js';
import { CARDNET_FEES, MAX_QUOTES_PER_CALL, SANDBOX_SECRET_KEY } from './feeSchedule.js';
import { priceFee, type FeeRefusal } from '#packages/sandbox/index.js';

const DECLINE_CODES: Record<FeeRefusal, string> = {
  CURRENCY: 'currency_not_supported',
  COUNTRY: 'card_country_not_supported',
  BELOW_MINIMUM: 'amount_too_small',
  ABOVE_MAXIMUM: 'amount_too_large',
};

/**
 * Cardnet (cardnet): a card processor in the style of modern card APIs. JSON both ways, a secret
 * API key as a Bearer token, amounts as integers in minor units with lower-case currency codes,
 * errors as `{"error": {"type", "code", "message"}}` with a 4xx status, and an `Idempotency-Key`
 * header on writes. An authorization made with `"escrow": true` is captured into a hold (`held`)
 * and paid out to the seller by `release_funds` (`released`); `GET /v1/authorizations?ids=` reads
 * authorizations back.
 */
export const cardnetSandbox = {
  id: 'cardnet',
  description: 'Cardnet, a card processor (JSON, API key, integer minor units, Idempotency-Key)',
  defaultPort: 4140,
  create: ({ logger, fault }) => {
    const ledger = createPaymentLedger('auth_');
    return createSandboxServer({
      id: 'cardnet',
      logger,
      fault,
      routes: [
        ...ledger.routes,
        { method: 'POST', path: '/v1/fee_quotes', endpoint: 'fee_quotes.create', handle: authenticated(feeQuotes) },
        {
          method: 'POST',
          path: '/v1/authorizations',
          endpoint: 'authorizations.create',
          handle: authenticated((r) => authorize(r, ledger)),
        },
        {
          method: 'POST',
          path: '/v1/authorizations/capture',
          endpoint: 'authorizations.capture',
          handle: authenticated((r) => transition(r, ledger, 'capture', (id, body) => ledger.capture(id, optionalMinor(body.amount)))),
        },
        {
          method: 'POST',
          path: '/v1/authorizations/void',
          endpoint: 'authorizations.void',
          handle: authenticated((r) => transition(r, ledger, 'void', (id) => ledger.void(id))),
        },
        {
          method: 'POST',
          path: '/v1/authorizations/release_funds',
          endpoint: 'authorizations.release_funds',
          handle: authenticated((r) => transition(r, ledger, 'release', (id) => ledger.release(id))),
        },
        { method: 'GET', path: '/v1/authorizations', endpoint: 'authorizations.list', handle: (r) => list(r, ledger) },
      ],
      garbage: () => ({ body: { object: 'list', data: 'fee_quotes unavailable' } }),
    });
  },
} satisfies SandboxUpstream;

type Body = Record<string, unknown>;

function authenticated(handle: (request: SandboxRequest) => SandboxResponse): (request: SandboxRequest) => SandboxResponse {
  return (request) => {
    if (request.headers.authorization !== `Bearer ${SANDBOX_SECRET_KEY}`) {
      return error(401, 'authentication_error', 'invalid_api_key', 'Invalid API key provided');
    }
    if (readJson(request.body) === undefined)
      return error(400, 'invalid_request_error', 'parse_error', 'Request body is not a JSON object');
    return handle(request);
  };
}

function feeQuotes(request: SandboxRequest): SandboxResponse {
  const quotes = (readJson(request.body) ?? {}).quotes;
  if (!Array.isArray(quotes) || quotes.length === 0)
    return error(400, 'invalid_request_error', 'parameter_missing', 'quotes: a non-empty list');
  if (quotes.length > MAX_QUOTES_PER_CALL) {
    return error(400, 'invalid_request_error', 'too_many_quotes', `quotes: at most ${MAX_QUOTES_PER_CALL} per request`);
  }
  const data: unknown[] = [];
  for (const [index, value] of quotes.entries()) {
    const quote = paymentOf(value);
    if (quote === undefined) return error(400, 'invalid_request_error', 'parameter_invalid', `quotes[${index}] is malformed`);
    const price = priceFee(CARDNET_FEES, quote);
    data.push(
      price.ok
        ? {
            id: quote.id,
            object: 'fee_quote',
            status: 'priced',
            amount: Number(quote.amountMinor),
            currency: quote.currency.toLowerCase(),
            fee: Number(price.feeMinor),
            fee_details: {
              percent_bp: price.percentBp,
              cross_border_bp: price.crossBorderBp,
              fx_spread_bp: price.fxSpreadBp,
              fixed: price.fixedMinor,
            },
            schedule: CARDNET_FEES.name,
          }
        : { id: quote.id, object: 'fee_quote', status: 'declined', decline_code: DECLINE_CODES[price.refusal], message: price.message },
    );
  }
  return { body: { object: 'list', data } };
}

function authorize(request: SandboxRequest, ledger: PaymentLedger): SandboxResponse {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key === '')
    return error(400, 'invalid_request_error', 'idempotency_key_missing', 'Idempotency-Key header required');
  const payment = paymentOf(readJson(request.body));
  if (payment === undefined) return error(400, 'invalid_request_error', 'parameter_invalid', 'amount, currency, buyer_country required');
  const remembered = ledger.once(key, request.body, () => {
    const price = priceFee(CARDNET_FEES, payment);
    return ledger.open(
      {
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        reference: payment.id,
        escrow: readJson(request.body)?.escrow === true,
      },
      price.ok ? undefined : DECLINE_CODES[price.refusal],
    );
  });
  if (remembered.kind === 'conflict') {
    return error(
      409,
      'idempotency_error',
      'idempotency_key_reused',
      'Keys for idempotent requests can only be used with the same parameters',
    );
  }
  return { headers: remembered.kind === 'replay' ? { 'idempotent-replayed': 'true' } : {}, body: render(remembered.value) };
}

function transition(
  request: SandboxRequest,
  ledger: PaymentLedger,
  operation: string,
  apply: (id: string, body: Body) => LedgerEntry | TransitionError,
): SandboxResponse {
  const body = readJson(request.body) ?? {};
  if (typeof body.authorization !== 'string') return error(400, 'invalid_request_error', 'parameter_missing', 'authorization required');
  const id = body.authorization;
  const remembered = keyedTransition(ledger, operation, request.headers['idempotency-key'], request.body, () => apply(id, body));
  if (remembered.kind === 'conflict') {
    return error(
      409,
      'idempotency_error',
      'idempotency_key_reused',
      'Keys for idempotent requests can only be used with the same parameters',
    );
  }
  const result = remembered.value;
  switch (result) {
    case 'NOT_FOUND':
      return error(404, 'invalid_request_error', 'resource_missing', `No such authorization: ${body.authorization}`);
    case 'NOT_AUTHORIZED':
      return error(409, 'invalid_request_error', 'authorization_unexpected_state', 'The authorization is not in a state that allows this');
    case 'AMOUNT_TOO_LARGE':
      return error(400, 'invalid_request_error', 'amount_too_large', 'Capture amount exceeds the authorized amount');
    case 'NOT_IN_ESCROW':
      return error(409, 'invalid_request_error', 'authorization_not_held', 'Only funds captured into a hold can be released');
    default:
      return { body: render(result) };
  }
}

/** `GET /v1/authorizations?ids=a,b`: the authorizations it knows, in a list; unknown ids are left out. */
function list(request: SandboxRequest, ledger: PaymentLedger): SandboxResponse {
  if (request.headers.authorization !== `Bearer ${SANDBOX_SECRET_KEY}`)
    return error(401, 'authentication_error', 'invalid_api_key', 'Invalid API key provided');
  const ids = (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0 || ids.length > 100)
    return error(400, 'invalid_request_error', 'parameter_invalid', 'ids: 1 to 100 authorization ids');
  const found = ids.map((id) => ledger.get(id)).filter((entry) => entry !== undefined);
  return { body: { object: 'list', data: found.map(render) } };
}

const STATUSES: Record<LedgerEntry['state'], string> = {
  AUTHORIZED: 'authorized',
  CAPTURED: 'captured',
  VOIDED: 'voided',
  DECLINED: 'declined',
  ESCROWED: 'held',
  RELEASED: 'released',
};

function render(entry: LedgerEntry): Record<string, unknown> {
  return {
    id: entry.id,
    object: 'authorization',
    status: STATUSES[entry.state],
    escrow: entry.escrow,
    amount: Number(entry.amountMinor),
    amount_captured: Number(entry.capturedMinor),
    currency: entry.currency.toLowerCase(),
    reference: entry.reference,
    decline_code: entry.declineReason ?? null,
  };
}

interface CardPayment {
  id: string;
  amountMinor: bigint;
  currency: string;
  buyerCountry: string;
  merchantCountry: string;
  settlementCurrency: string;
}

function paymentOf(value: unknown): CardPayment | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Body;
  const code = (x: unknown, length: number) => typeof x === 'string' && x.length === length;
  if (!Number.isSafeInteger(v.amount) || (v.amount as number) < 0 || !code(v.currency, 3) || !code(v.buyer_country, 2)) return undefined;
  return {
    id: typeof v.id === 'string' ? v.id : typeof v.reference === 'string' ? v.reference : '',
    amountMinor: BigInt(v.amount as number),
    currency: (v.currency as string).toUpperCase(),
    buyerCountry: v.buyer_country as string,
    merchantCountry: typeof v.merchant_country === 'string' ? v.merchant_country : (v.buyer_country as string),
    settlementCurrency:
      typeof v.settlement_currency === 'string' ? v.settlement_currency.toUpperCase() : (v.currency as string).toUpperCase(),
  };
}

function optionalMinor(value: unknown): bigint | undefined {
  return Number.isSafeInteger(value) ? BigInt(value as number) : undefined;
}

function readJson(text: string): Body | undefined {
  try {
    const value: unknown = JSON.parse(text || 'null');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}

function error(status: number, type: string, code: string, message: string): SandboxResponse {
  return { status, body: { error: { type, code, message } } };
}

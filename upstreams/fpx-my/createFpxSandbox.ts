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
import { priceFee, type FeeRefusal, type FeeRequest } from '#packages/sandbox/index.js';
import { fpxChecksum } from './checksum.js';
import { FPX_FEES, MAX_QUOTES_PER_CALL, SANDBOX_CHECKSUM_KEY, SANDBOX_EXCHANGE_ID } from './feeSchedule.js';

export const FPX_API_PATH = '/FPXMain/api';

/** FPX response codes: `00` approved; the rest as the sandbox documents them. */
const REFUSAL_CODES: Record<FeeRefusal, string> = { CURRENCY: '1A', COUNTRY: '1B', BELOW_MINIMUM: '2A', ABOVE_MAXIMUM: '2B' };
const MESSAGE_TYPES: Record<string, string> = {
  FQ: 'fee-enquiry',
  AR: 'authorisation',
  AC: 'capture',
  AV: 'reversal',
  AS: 'settlement-release',
  AE: 'enquiry',
};

/**
 * FPX (fpx-my), Malaysian online banking, in the style of its merchant interface: one endpoint,
 * form-encoded name/value pairs both ways (`fpx_msgType` picks the message: FQ fee enquiry,
 * AR authorisation, AC capture, AV reversal), a checksum over the fields, ringgit as decimal
 * strings, indexed fields (`fpx_amount_0`, `fpx_amount_1`, …) for batches, and every outcome
 * under HTTP 200 with `fpx_respCode` (`00` approved). An AR with `fpx_escrow=Y` is captured into
 * the exchange's hold (`HELD`) and released to the seller by AS (`SETTLED`); AE enquires about a
 * transaction. AC, AV and AS take an `Idempotency-Key` header like AR.
 */
export const fpxSandbox = {
  id: 'fpx-my',
  description: 'FPX, Malaysian online banking (MYR, payers in MY; form-encoded name/value pairs, checksum, respCode)',
  defaultPort: 4143,
  create: ({ logger, fault }) => {
    const ledger = createPaymentLedger('FPX26');
    return createSandboxServer({
      id: 'fpx-my',
      logger,
      fault,
      routes: [
        ...ledger.routes,
        {
          method: 'POST',
          path: FPX_API_PATH,
          endpoint: (request) => MESSAGE_TYPES[new URLSearchParams(request.body).get('fpx_msgType') ?? ''] ?? 'unknown',
          handle: (request) => handle(request, ledger),
        },
      ],
      garbage: () => ({
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'fpx_msgType=FR&fpx_respCode=00&fpx_count=two',
      }),
    });
  },
} satisfies SandboxUpstream;

function handle(request: SandboxRequest, ledger: PaymentLedger): SandboxResponse {
  const fields = new URLSearchParams(request.body);
  const given = Buffer.from(fields.get('fpx_checkSum') ?? '');
  const expected = Buffer.from(fpxChecksum(fields, SANDBOX_CHECKSUM_KEY));
  if (fields.get('fpx_sellerExId') !== SANDBOX_EXCHANGE_ID) return reply({ fpx_respCode: '48', fpx_respDesc: 'Invalid seller exchange' });
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return reply({ fpx_respCode: '48', fpx_respDesc: 'Checksum verification failed' });
  }
  switch (fields.get('fpx_msgType')) {
    case 'FQ':
      return feeEnquiry(fields);
    case 'AR':
      return authorise(fields, request, ledger);
    case 'AC':
      return transition(fields, request, ledger, (id) => ledger.capture(id, optionalRinggit(fields.get('fpx_txnAmount'))));
    case 'AV':
      return transition(fields, request, ledger, (id) => ledger.void(id));
    case 'AS':
      return transition(fields, request, ledger, (id) => ledger.release(id));
    case 'AE': {
      const entry = ledger.get(fields.get('fpx_fpxTxnId') ?? '');
      return entry ? reply(render(entry)) : reply({ fpx_respCode: '76', fpx_respDesc: 'Transaction not found' });
    }
    default:
      return reply({ fpx_respCode: '30', fpx_respDesc: 'Unknown message type' });
  }
}

function feeEnquiry(fields: URLSearchParams): SandboxResponse {
  const count = Number(fields.get('fpx_count'));
  if (!Number.isInteger(count) || count < 1 || count > MAX_QUOTES_PER_CALL) {
    return reply({ fpx_respCode: '30', fpx_respDesc: `fpx_count must be 1 to ${MAX_QUOTES_PER_CALL}` });
  }
  const answer: Record<string, string> = { fpx_msgType: 'FR', fpx_respCode: '00', fpx_count: String(count), fpx_schedule: FPX_FEES.name };
  for (let i = 0; i < count; i++) {
    const payment = paymentOf(fields, `_${i}`);
    if (payment === undefined) return reply({ fpx_respCode: '30', fpx_respDesc: `Fields of quote ${i} are missing or malformed` });
    const price = priceFee(FPX_FEES, payment);
    answer[`fpx_ref_${i}`] = fields.get(`fpx_ref_${i}`) ?? '';
    if (!price.ok) {
      answer[`fpx_respCode_${i}`] = REFUSAL_CODES[price.refusal];
      answer[`fpx_respDesc_${i}`] = price.message;
      continue;
    }
    Object.assign(answer, {
      [`fpx_respCode_${i}`]: '00',
      [`fpx_fee_${i}`]: ringgit(price.feeMinor),
      [`fpx_feeRate_${i}`]: percent(price.percentBp),
      [`fpx_feeCrossBorderRate_${i}`]: percent(price.crossBorderBp),
      [`fpx_feeFxRate_${i}`]: percent(price.fxSpreadBp),
      [`fpx_feeFixed_${i}`]: ringgit(BigInt(price.fixedMinor)),
    });
  }
  return reply(answer);
}

function authorise(fields: URLSearchParams, request: SandboxRequest, ledger: PaymentLedger): SandboxResponse {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key === '') return reply({ fpx_respCode: '30', fpx_respDesc: 'Idempotency-Key header required' });
  const payment = paymentOf(fields, '');
  if (payment === undefined)
    return reply({ fpx_respCode: '30', fpx_respDesc: 'fpx_txnAmount, fpx_txnCurrency, fpx_buyerCountry required' });
  // The checksum is part of the body and the same for the same fields, so the body is the fingerprint.
  const remembered = ledger.once(key, request.body, () => {
    const price = priceFee(FPX_FEES, payment);
    return ledger.open(
      {
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        reference: fields.get('fpx_sellerOrderNo') ?? '',
        escrow: fields.get('fpx_escrow') === 'Y',
      },
      price.ok ? undefined : REFUSAL_CODES[price.refusal],
    );
  });
  if (remembered.kind === 'conflict') return reply({ fpx_respCode: '94', fpx_respDesc: 'Duplicate transmission with other fields' });
  return reply(render(remembered.value));
}

function transition(
  fields: URLSearchParams,
  request: SandboxRequest,
  ledger: PaymentLedger,
  apply: (id: string) => LedgerEntry | TransitionError,
): SandboxResponse {
  const id = fields.get('fpx_fpxTxnId');
  if (!id) return reply({ fpx_respCode: '30', fpx_respDesc: 'fpx_fpxTxnId required' });
  // The checksum is part of the body and the same for the same fields, so the body is the fingerprint.
  const remembered = keyedTransition(ledger, fields.get('fpx_msgType') ?? '', request.headers['idempotency-key'], request.body, () =>
    apply(id),
  );
  if (remembered.kind === 'conflict') return reply({ fpx_respCode: '94', fpx_respDesc: 'Duplicate transmission with other fields' });
  const result = remembered.value;
  switch (result) {
    case 'NOT_FOUND':
      return reply({ fpx_respCode: '76', fpx_respDesc: 'Transaction not found' });
    case 'NOT_AUTHORIZED':
      return reply({ fpx_respCode: '12', fpx_respDesc: 'Transaction not in an authorised state' });
    case 'AMOUNT_TOO_LARGE':
      return reply({ fpx_respCode: '13', fpx_respDesc: 'Amount exceeds the authorised amount' });
    case 'NOT_IN_ESCROW':
      return reply({ fpx_respCode: '14', fpx_respDesc: 'Transaction is not held: nothing to release' });
    default:
      return reply(render(result));
  }
}

const STATES: Record<LedgerEntry['state'], string> = {
  AUTHORIZED: 'AUTHORISED',
  CAPTURED: 'CAPTURED',
  VOIDED: 'REVERSED',
  DECLINED: 'DECLINED',
  ESCROWED: 'HELD',
  RELEASED: 'SETTLED',
};

function render(entry: LedgerEntry): Record<string, string> {
  return {
    fpx_respCode: entry.state === 'DECLINED' ? (entry.declineReason ?? '05') : '00',
    fpx_fpxTxnId: entry.id,
    fpx_txnStatus: STATES[entry.state],
    fpx_txnAmount: ringgit(entry.amountMinor),
    fpx_capturedAmount: ringgit(entry.capturedMinor),
    fpx_txnCurrency: entry.currency,
    fpx_sellerOrderNo: entry.reference,
    fpx_escrow: entry.escrow ? 'Y' : 'N',
  };
}

function paymentOf(fields: URLSearchParams, suffix: string): (FeeRequest & { id: string }) | undefined {
  const get = (name: string) => fields.get(`fpx_${name}${suffix}`) ?? undefined;
  const amountMinor = optionalRinggit(get('txnAmount'));
  const currency = get('txnCurrency');
  const buyerCountry = get('buyerCountry');
  if (amountMinor === undefined || currency === undefined || buyerCountry === undefined) return undefined;
  return {
    id: get('ref') ?? '',
    amountMinor,
    currency,
    buyerCountry,
    merchantCountry: get('sellerCountry') ?? buyerCountry,
    settlementCurrency: get('settleCurrency') ?? currency,
  };
}

function optionalRinggit(text: string | null | undefined): bigint | undefined {
  return text != null && /^\d{1,9}\.\d{2}$/.test(text) ? BigInt(text.replace('.', '')) : undefined;
}

function ringgit(minor: bigint): string {
  const digits = minor.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const percent = (bp: number): string => `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;

function reply(fields: Record<string, string>): SandboxResponse {
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
}

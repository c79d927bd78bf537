import { setting } from '#packages/config/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import { exponentOf, toDecimalString } from '#packages/money/index.js';
import { badResponse } from '../badResponse.js';
import { inChunks } from '../inChunks.js';
import type { FeeQuote, FeeQuoteRequest, PaymentProviderModule } from '../ports.js';
import { providerRefusal } from '../ProviderRefusal.js';
import { fpxChecksum } from './fpxChecksum.js';
import { FpxResponseError, PROVIDER_ID, REFUSALS, openReply, toAuthorization, toFeeQuotes } from './map.js';

const API_PATH = '/FPXMain/api';
/** The exchange's limit on quotes per fee enquiry. */
const QUOTES_PER_CALL = 1_000;
/** Response codes the exchange documents as "try again later" (system busy, bank offline). */
const RETRYABLE_CODES = new Set(['09', '91']);

const settings = {
  /** FPX merchant interface base URL. Default: the sandbox on 127.0.0.1:4143. */
  FPX_MY_URL: setting.url({ default: 'http://127.0.0.1:4143' }),
  /** Seller exchange id. Default: the sandbox's. */
  FPX_MY_EXCHANGE_ID: setting.string({ default: 'EX00012345' }),
  /** Key for the message checksum. Default: the sandbox's. */
  FPX_MY_CHECKSUM_KEY: setting.string({ default: 'fpx-sandbox-checksum-key' }),
};

export default {
  id: PROVIDER_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: PROVIDER_ID,
      baseUrl: config.FPX_MY_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });

    /** Sends one message (fields + exchange id + checksum) and reads the name/value answer. */
    async function send(msgType: string, values: Record<string, string>, options: { key?: string; signal?: AbortSignal } = {}) {
      const fields = new URLSearchParams({ fpx_msgType: msgType, fpx_sellerExId: config.FPX_MY_EXCHANGE_ID, ...values });
      fields.set('fpx_checkSum', fpxChecksum(fields, config.FPX_MY_CHECKSUM_KEY));
      const response = await client.request({
        method: 'POST',
        path: API_PATH,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.key && { 'idempotency-key': options.key }) },
        body: fields.toString(),
        // Enquiries are reads; AR, AC, AV, AS and AF carry an idempotency key the exchange honours.
        idempotent: true,
        signal: options.signal,
      });
      try {
        if (response.status !== 200)
          throw new UpstreamError({
            upstream: PROVIDER_ID,
            failure: 'rejected',
            status: response.status,
            message: `${PROVIDER_ID} answered HTTP ${response.status}`,
          });
        return openReply(response.text);
      } catch (error) {
        if (error instanceof FpxResponseError && !RETRYABLE_CODES.has(error.code)) {
          throw providerRefusal({
            upstream: PROVIDER_ID,
            operation: msgType,
            code: error.code,
            refusals: REFUSALS,
            status: response.status,
            detail: error.message,
          });
        }
        if (error instanceof FpxResponseError) {
          throw new UpstreamError({
            upstream: PROVIDER_ID,
            failure: RETRYABLE_CODES.has(error.code) ? 'unavailable' : 'rejected',
            status: response.status,
            message: `${PROVIDER_ID} refused ${msgType}: code ${error.code}`,
            detail: error.message,
          });
        }
        throw badResponse(PROVIDER_ID, msgType, error);
      }
    }

    const read = <T>(msgType: string, readFields: () => T): T => {
      try {
        return readFields();
      } catch (error) {
        throw badResponse(PROVIDER_ID, msgType, error);
      }
    };

    async function quoteChunk(chunk: readonly FeeQuoteRequest[], signal?: AbortSignal): Promise<FeeQuote[]> {
      const refs = chunk.map((_, index) => `f${index}`);
      const values: Record<string, string> = { fpx_count: String(chunk.length) };
      chunk.forEach((request, i) => {
        Object.assign(values, {
          [`fpx_ref_${i}`]: refs[i],
          [`fpx_txnAmount_${i}`]: toDecimalString(request.amount),
          [`fpx_txnCurrency_${i}`]: request.amount.currency,
          [`fpx_buyerCountry_${i}`]: request.buyerCountry,
          [`fpx_sellerCountry_${i}`]: request.merchantCountry,
          [`fpx_settleCurrency_${i}`]: request.settlementCurrency,
        });
      });
      const fields = await send('FQ', values, { signal });
      return read('FQ', () => toFeeQuotes(fields, refs));
    }

    return {
      info: { id: PROVIDER_ID, name: 'FPX (Malaysia)', methods: ['FPX'], country: 'MY' },

      async quoteFees(requests, signal) {
        // Amounts are written with two decimals and one malformed quote fails the whole message:
        // a currency with other decimals (JPY, KWD) is refused here rather than sent.
        const answers: Array<FeeQuote | undefined> = requests.map((request) =>
          exponentOf(request.amount.currency) === 2
            ? undefined
            : { accepted: false, reason: 'CURRENCY_NOT_SUPPORTED', message: `FPX does not move ${request.amount.currency}` },
        );
        const asked = requests.filter((_, index) => answers[index] === undefined);
        const priced = asked.length === 0 ? [] : await inChunks(asked, QUOTES_PER_CALL, (chunk) => quoteChunk(chunk, signal));
        let next = 0;
        return answers.map((answer) => answer ?? priced[next++]!);
      },

      async authorize(request, signal) {
        const fields = await send(
          'AR',
          {
            fpx_sellerOrderNo: request.reference,
            fpx_txnAmount: toDecimalString(request.amount),
            fpx_txnCurrency: request.amount.currency,
            fpx_buyerCountry: request.buyerCountry,
            fpx_sellerCountry: request.merchantCountry,
            fpx_settleCurrency: request.settlementCurrency,
            fpx_escrow: request.escrow ? 'Y' : 'N',
          },
          { key: request.idempotencyKey, signal },
        );
        return read('AR', () => toAuthorization(fields));
      },

      async capture(request, signal) {
        const fields = await send(
          'AC',
          { fpx_fpxTxnId: request.authorizationId, ...(request.amount && { fpx_txnAmount: toDecimalString(request.amount) }) },
          { key: request.idempotencyKey, signal },
        );
        return read('AC', () => toAuthorization(fields));
      },

      async void(request, signal) {
        const fields = await send('AV', { fpx_fpxTxnId: request.authorizationId }, { key: request.idempotencyKey, signal });
        return read('AV', () => toAuthorization(fields));
      },

      async releaseEscrow(request, signal) {
        const fields = await send('AS', { fpx_fpxTxnId: request.authorizationId }, { key: request.idempotencyKey, signal });
        return read('AS', () => toAuthorization(fields));
      },

      async refund(request, signal) {
        const fields = await send(
          'AF',
          { fpx_fpxTxnId: request.authorizationId, ...(request.amount && { fpx_txnAmount: toDecimalString(request.amount) }) },
          { key: request.idempotencyKey, signal },
        );
        return read('AF', () => toAuthorization(fields));
      },

      async retrieve(authorizationId, signal) {
        const fields = await send('AE', { fpx_fpxTxnId: authorizationId }, { signal });
        return read('AE', () => toAuthorization(fields));
      },

      close: () => client.close(),
    };
  },
} satisfies PaymentProviderModule<typeof settings>;

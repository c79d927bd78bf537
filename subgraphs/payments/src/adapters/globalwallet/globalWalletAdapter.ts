import { setting } from '#packages/config/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import { currencyCode, toDecimalString, type Money } from '#packages/money/index.js';
import { asRecord, parseJson, type VendorRecord } from '#packages/validate/index.js';
import { badResponse } from '../badResponse.js';
import { inChunks } from '../inChunks.js';
import type { PaymentProviderModule } from '../ports.js';
import { providerRefusal } from '../ProviderRefusal.js';
import { ESCROW_PRODUCT, PROVIDER_ID, REFUSALS, WalletResultError, openResult, toAuthorization, toFeeQuotes } from './map.js';
import { signRequest } from './signRequest.js';

/** The vendor's limit on requests per `inquiryFees`. */
const QUOTES_PER_CALL = 1_000;

const settings = {
  /** GlobalWallet API base URL. Default: the sandbox on 127.0.0.1:4141. */
  GLOBALWALLET_URL: setting.url({ default: 'http://127.0.0.1:4141' }),
  /** Merchant client id. Default: the sandbox's. */
  GLOBALWALLET_CLIENT_ID: setting.string({ default: 'gw-sandbox-merchant' }),
  /** Secret that signs every request (HMAC-SHA256). Default: the sandbox's. */
  GLOBALWALLET_SIGNING_SECRET: setting.string({ default: 'gw-sandbox-signing-secret' }),
};

export default {
  id: PROVIDER_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: PROVIDER_ID,
      baseUrl: config.GLOBALWALLET_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });
    const amount = (money: Money) => ({ value: toDecimalString(money), currency: money.currency });

    /** Posts a signed request and opens the result envelope. Every call here is safe to repeat (reads, or keyed writes). */
    async function call(path: string, payload: unknown, options: { key?: string; signal?: AbortSignal } = {}): Promise<VendorRecord> {
      const body = JSON.stringify(payload);
      const response = await client.request({
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/json',
          ...signRequest({
            clientId: config.GLOBALWALLET_CLIENT_ID,
            secret: config.GLOBALWALLET_SIGNING_SECRET,
            method: 'POST',
            path,
            body,
          }),
          ...(options.key && { 'idempotency-key': options.key }),
        },
        body,
        idempotent: true,
        signal: options.signal,
      });
      try {
        return openResult(parseJson(response.text));
      } catch (error) {
        if (error instanceof WalletResultError && error.status === 'F') {
          throw providerRefusal({
            upstream: PROVIDER_ID,
            operation: path,
            code: error.code,
            refusals: REFUSALS,
            status: response.status,
            detail: error.message,
          });
        }
        if (error instanceof WalletResultError) {
          throw new UpstreamError({
            upstream: PROVIDER_ID,
            failure: error.status === 'U' ? 'unavailable' : 'rejected',
            status: response.status,
            message: `${PROVIDER_ID} refused ${path}: ${error.code}`,
            detail: error.message,
          });
        }
        throw badResponse(PROVIDER_ID, path, error);
      }
    }

    const read = <T>(path: string, readPayload: () => T): T => {
      try {
        return readPayload();
      } catch (error) {
        throw badResponse(PROVIDER_ID, path, error);
      }
    };
    const currencyOf = (payload: VendorRecord) => currencyCode(String(asRecord(payload.paymentAmount, '$.paymentAmount').currency));

    return {
      info: { id: PROVIDER_ID, name: 'GlobalWallet', methods: ['WALLET'], country: null },

      quoteFees: (requests, signal) =>
        inChunks(requests, QUOTES_PER_CALL, async (chunk) => {
          const ids = chunk.map((_, index) => `r${index}`);
          const payload = await call(
            '/v2/pricing/inquiryFees',
            {
              requests: chunk.map((request, index) => ({
                requestId: ids[index],
                paymentAmount: amount(request.amount),
                payerRegion: request.buyerCountry,
                merchantRegion: request.merchantCountry,
                settlementCurrency: request.settlementCurrency,
              })),
            },
            { signal },
          );
          return read('inquiryFees', () =>
            toFeeQuotes(
              payload,
              ids,
              chunk.map((request) => request.amount.currency),
            ),
          );
        }),

      async authorize(request, signal) {
        const payload = await call(
          '/v2/payments/authorize',
          {
            paymentRequestId: request.reference,
            paymentAmount: amount(request.amount),
            payerRegion: request.buyerCountry,
            merchantRegion: request.merchantCountry,
            settlementCurrency: request.settlementCurrency,
            productCode: request.escrow ? ESCROW_PRODUCT : 'STANDARD_PAYMENT',
          },
          { key: request.idempotencyKey, signal },
        );
        return read('payments.authorize', () => toAuthorization(payload, request.amount.currency));
      },

      async capture(request, signal) {
        const payload = await call(
          '/v2/payments/capture',
          { paymentId: request.authorizationId, ...(request.amount && { captureAmount: amount(request.amount) }) },
          { key: request.idempotencyKey, signal },
        );
        return read('payments.capture', () => toAuthorization(payload, currencyOf(payload)));
      },

      async void(request, signal) {
        const payload = await call('/v2/payments/cancel', { paymentId: request.authorizationId }, { key: request.idempotencyKey, signal });
        return read('payments.cancel', () => toAuthorization(payload, currencyOf(payload)));
      },

      async releaseEscrow(request, signal) {
        const payload = await call(
          '/v2/payments/releaseEscrow',
          { paymentId: request.authorizationId },
          { key: request.idempotencyKey, signal },
        );
        return read('payments.releaseEscrow', () => toAuthorization(payload, currencyOf(payload)));
      },

      async refund(request, signal) {
        const payload = await call(
          '/v2/payments/refund',
          {
            paymentId: request.authorizationId,
            ...(request.amount && { refundAmount: amount(request.amount) }),
            ...(request.reason !== undefined && { refundReason: request.reason }),
          },
          { key: request.idempotencyKey, signal },
        );
        return read('payments.refund', () => toAuthorization(payload, currencyOf(payload)));
      },

      async retrieve(authorizationId, signal) {
        const payload = await call('/v2/payments/inquiryPayment', { paymentId: authorizationId }, { signal });
        return read('payments.inquiryPayment', () => toAuthorization(payload, currencyOf(payload)));
      },

      close: () => client.close(),
    };
  },
} satisfies PaymentProviderModule<typeof settings>;

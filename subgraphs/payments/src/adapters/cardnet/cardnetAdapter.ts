import { setting } from '#packages/config/index.js';
import { currencyCode } from '#packages/money/index.js';
import { createUpstreamClient, type UpstreamResponse } from '#packages/http/index.js';
import { asArray, asRecord, parseJson } from '#packages/validate/index.js';
import { badResponse } from '../badResponse.js';
import { inChunks } from '../inChunks.js';
import type { Authorization, PaymentProviderModule } from '../ports.js';
import { ProviderRefusal, providerRefusal } from '../ProviderRefusal.js';
import { PROVIDER_ID, REFUSALS, errorOf, toAuthorization, toFeeQuotes } from './map.js';

/** The vendor's limit on quotes per `POST /v1/fee_quotes`. */
const QUOTES_PER_CALL = 1_000;

const settings = {
  /** Cardnet API base URL. Default: the sandbox on 127.0.0.1:4140. */
  CARDNET_URL: setting.url({ default: 'http://127.0.0.1:4140' }),
  /** Cardnet secret API key (sent as a Bearer token). Default: the sandbox's key. */
  CARDNET_SECRET_KEY: setting.string({ default: 'sk_sandbox_cardnet_4d1f0c' }),
};

export default {
  id: PROVIDER_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: PROVIDER_ID,
      baseUrl: config.CARDNET_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });
    const headers = (extra: Record<string, string> = {}) => ({
      authorization: `Bearer ${config.CARDNET_SECRET_KEY}`,
      'content-type': 'application/json',
      ...extra,
    });

    /** Posts JSON; a 2xx body is returned, a vendor error body becomes an `UpstreamError`. */
    async function post(path: string, body: unknown, options: { idempotent: boolean; key?: string; signal?: AbortSignal }) {
      const response = await client.request({
        method: 'POST',
        path,
        headers: headers(options.key ? { 'idempotency-key': options.key } : {}),
        body: JSON.stringify(body),
        idempotent: options.idempotent,
        signal: options.signal,
      });
      return readBody(response, path);
    }

    return {
      info: { id: PROVIDER_ID, name: 'Cardnet', methods: ['CARD'], country: null },

      quoteFees: (requests, signal) =>
        inChunks(requests, QUOTES_PER_CALL, async (chunk) => {
          const ids = chunk.map((_, index) => `q${index}`);
          const quotes = chunk.map((request, index) => ({
            id: ids[index],
            amount: Number(request.amount.minor),
            currency: request.amount.currency.toLowerCase(),
            buyer_country: request.buyerCountry,
            merchant_country: request.merchantCountry,
            settlement_currency: request.settlementCurrency.toLowerCase(),
          }));
          // Pricing changes nothing at the vendor: safe to retry.
          const body = await post('/v1/fee_quotes', { quotes }, { idempotent: true, signal });
          try {
            return toFeeQuotes(
              body,
              ids,
              chunk.map((request) => request.amount.currency),
            );
          } catch (error) {
            throw badResponse(PROVIDER_ID, 'fee_quotes', error);
          }
        }),

      async authorize(request, signal) {
        const body = {
          amount: Number(request.amount.minor),
          currency: request.amount.currency.toLowerCase(),
          buyer_country: request.buyerCountry,
          merchant_country: request.merchantCountry,
          settlement_currency: request.settlementCurrency.toLowerCase(),
          reference: request.reference,
          escrow: request.escrow,
        };
        // The idempotency key makes a retried write harmless: the vendor replays the first answer.
        const answer = await post('/v1/authorizations', body, { idempotent: true, key: request.idempotencyKey, signal });
        try {
          return toAuthorization(answer, request.amount.currency);
        } catch (error) {
          throw badResponse(PROVIDER_ID, 'authorizations.create', error);
        }
      },

      // Capture, void and release carry our idempotency key, which Cardnet honours: retried like reads.
      capture: async (request, signal) => {
        const body = { authorization: request.authorizationId, ...(request.amount && { amount: Number(request.amount.minor) }) };
        const answer = await post('/v1/authorizations/capture', body, { idempotent: true, key: request.idempotencyKey, signal });
        return readAuthorizationWithCurrency(answer, '/v1/authorizations/capture');
      },

      void: async (request, signal) => {
        const body = { authorization: request.authorizationId };
        const answer = await post('/v1/authorizations/void', body, { idempotent: true, key: request.idempotencyKey, signal });
        return readAuthorizationWithCurrency(answer, '/v1/authorizations/void');
      },

      releaseEscrow: async (request, signal) => {
        const body = { authorization: request.authorizationId };
        const answer = await post('/v1/authorizations/release_funds', body, { idempotent: true, key: request.idempotencyKey, signal });
        return readAuthorizationWithCurrency(answer, '/v1/authorizations/release_funds');
      },

      refund: async (request, signal) => {
        const body = {
          authorization: request.authorizationId,
          ...(request.amount && { amount: Number(request.amount.minor) }),
          ...(request.reason !== undefined && { reason: request.reason }),
        };
        const answer = await post('/v1/refunds', body, { idempotent: true, key: request.idempotencyKey, signal });
        return readAuthorizationWithCurrency(answer, '/v1/refunds');
      },

      async retrieve(authorizationId, signal) {
        const response = await client.request({ path: '/v1/authorizations', query: { ids: authorizationId }, headers: headers(), signal });
        const list = readBody(response, '/v1/authorizations');
        const [found] = readAuthorizationList(list);
        if (found === undefined) {
          throw new ProviderRefusal({
            upstream: PROVIDER_ID,
            reason: 'NOT_FOUND',
            message: `${PROVIDER_ID} has no authorization ${authorizationId}`,
          });
        }
        return readAuthorizationWithCurrency(found, '/v1/authorizations');
      },

      close: () => client.close(),
    };

    function readAuthorizationList(body: unknown): readonly unknown[] {
      try {
        return asArray(asRecord(body, '$').data, '$.data');
      } catch (error) {
        throw badResponse(PROVIDER_ID, '/v1/authorizations', error);
      }
    }

    // Capture and void answers carry their own currency: read it from the body.
    function readAuthorizationWithCurrency(answer: unknown, path: string): Authorization {
      try {
        const stated = (answer as { currency?: unknown }).currency;
        const currency = (typeof stated === 'string' ? stated : '').toUpperCase();
        return toAuthorization(answer, currencyCode(currency));
      } catch (error) {
        throw badResponse(PROVIDER_ID, path, error);
      }
    }
  },
} satisfies PaymentProviderModule<typeof settings>;

function readBody(response: UpstreamResponse, path: string): unknown {
  let body: unknown;
  try {
    body = parseJson(response.text);
  } catch (error) {
    throw badResponse(PROVIDER_ID, path, error);
  }
  if (response.status >= 200 && response.status < 300) return body;
  const error = errorOf(body);
  throw providerRefusal({
    upstream: PROVIDER_ID,
    operation: path,
    code: error?.code ?? '',
    refusals: REFUSALS,
    status: response.status,
    detail: error?.message,
  });
}

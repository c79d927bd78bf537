import { setting } from '#packages/config/index.js';
import { createUpstreamClient, type UpstreamRequest } from '#packages/http/index.js';
import { exponentOf, toDecimalString, type Money } from '#packages/money/index.js';
import { parseJson } from '#packages/validate/index.js';
import { badResponse } from '../badResponse.js';
import { inChunks } from '../inChunks.js';
import type { FeeQuote, FeeQuoteRequest, PaymentProviderModule } from '../ports.js';
import { providerRefusal } from '../ProviderRefusal.js';
import { PROVIDER_ID, REFUSALS, problemOf, problemTypeOf, toAuthorization, toFeeQuotes } from './map.js';

/** The vendor's limit on cotações per call. */
const QUOTES_PER_CALL = 1_000;

const settings = {
  /** Pix PSP API base URL. Default: the sandbox on 127.0.0.1:4142. */
  PIX_BR_URL: setting.url({ default: 'http://127.0.0.1:4142' }),
  /** Client id issued by the PSP. Default: the sandbox's. */
  PIX_BR_CLIENT_ID: setting.string({ default: 'pix-sandbox-client' }),
  /** Client secret issued by the PSP. Default: the sandbox's. */
  PIX_BR_CLIENT_SECRET: setting.string({ default: 'pix-sandbox-secret' }),
};

export default {
  id: PROVIDER_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: PROVIDER_ID,
      baseUrl: config.PIX_BR_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });
    const authorization = `Basic ${Buffer.from(`${config.PIX_BR_CLIENT_ID}:${config.PIX_BR_CLIENT_SECRET}`).toString('base64')}`;

    /** Posts JSON; every call here is safe to repeat (a read, or a write carrying an idempotency key the PSP honours). */
    async function post(path: string, payload: unknown, options: { key?: string; signal?: AbortSignal } = {}): Promise<unknown> {
      return send({
        method: 'POST',
        path,
        headers: { authorization, 'content-type': 'application/json', ...(options.key && { 'idempotency-key': options.key }) },
        body: JSON.stringify(payload),
        idempotent: true,
        signal: options.signal,
      });
    }

    async function send(request: UpstreamRequest): Promise<unknown> {
      const path = request.path;
      const response = await client.request(request);
      let body: unknown;
      try {
        body = parseJson(response.text);
      } catch (error) {
        throw badResponse(PROVIDER_ID, path, error);
      }
      if (response.status >= 200 && response.status < 300) return body;
      throw providerRefusal({
        upstream: PROVIDER_ID,
        operation: path,
        code: problemTypeOf(body),
        refusals: REFUSALS,
        status: response.status,
        detail: problemOf(body),
      });
    }

    const read = <T>(path: string, readBody: () => T): T => {
      try {
        return readBody();
      } catch (error) {
        throw badResponse(PROVIDER_ID, path, error);
      }
    };
    const reais = (money: Money) => toDecimalString(money);

    async function quoteChunk(chunk: readonly FeeQuoteRequest[], signal?: AbortSignal): Promise<FeeQuote[]> {
      const ids = chunk.map((_, index) => `c${index}`);
      const body = await post(
        '/pix/v1/tarifas/cotacoes',
        {
          cotacoes: chunk.map((request, index) => ({
            id: ids[index],
            valor: reais(request.amount),
            moeda: request.amount.currency,
            paisPagador: request.buyerCountry,
            paisRecebedor: request.merchantCountry,
            moedaLiquidacao: request.settlementCurrency,
          })),
        },
        { signal },
      );
      return read('tarifas.cotacoes', () => toFeeQuotes(body, ids));
    }

    return {
      info: { id: PROVIDER_ID, name: 'Pix (Brazil)', methods: ['PIX'], country: 'BR' },

      async quoteFees(requests, signal) {
        // The API writes every amount with two decimals, and one malformed cotação fails the whole
        // call: a currency with other decimals (JPY, KWD) is refused here rather than sent.
        const answers: Array<FeeQuote | undefined> = requests.map((request) =>
          exponentOf(request.amount.currency) === 2
            ? undefined
            : { accepted: false, reason: 'CURRENCY_NOT_SUPPORTED', message: `Pix does not move ${request.amount.currency}` },
        );
        const asked = requests.filter((_, index) => answers[index] === undefined);
        const priced = asked.length === 0 ? [] : await inChunks(asked, QUOTES_PER_CALL, (chunk) => quoteChunk(chunk, signal));
        let next = 0;
        return answers.map((answer) => answer ?? priced[next++]!);
      },

      async authorize(request, signal) {
        const body = await post(
          '/pix/v1/cobrancas',
          {
            valor: reais(request.amount),
            moeda: request.amount.currency,
            paisPagador: request.buyerCountry,
            paisRecebedor: request.merchantCountry,
            moedaLiquidacao: request.settlementCurrency,
            referencia: request.reference,
            custodia: request.escrow,
          },
          { key: request.idempotencyKey, signal },
        );
        return read('cobrancas.criar', () => toAuthorization(body));
      },

      async capture(request, signal) {
        const body = await post(
          '/pix/v1/cobrancas/captura',
          { txid: request.authorizationId, ...(request.amount && { valor: reais(request.amount) }) },
          { key: request.idempotencyKey, signal },
        );
        return read('cobrancas.captura', () => toAuthorization(body));
      },

      async void(request, signal) {
        const body = await post(
          '/pix/v1/cobrancas/cancelamento',
          { txid: request.authorizationId },
          { key: request.idempotencyKey, signal },
        );
        return read('cobrancas.cancelamento', () => toAuthorization(body));
      },

      async releaseEscrow(request, signal) {
        const body = await post('/pix/v1/cobrancas/liberacao', { txid: request.authorizationId }, { key: request.idempotencyKey, signal });
        return read('cobrancas.liberacao', () => toAuthorization(body));
      },

      async refund(request, signal) {
        const body = await post(
          '/pix/v1/cobrancas/devolucao',
          { txid: request.authorizationId, ...(request.amount && { valor: reais(request.amount) }) },
          { key: request.idempotencyKey, signal },
        );
        return read('cobrancas.devolucao', () => toAuthorization(body));
      },

      async retrieve(authorizationId, signal) {
        const body = await send({ path: '/pix/v1/cobrancas', query: { txid: authorizationId }, headers: { authorization }, signal });
        return read('cobrancas.consultar', () => toAuthorization(body));
      },

      close: () => client.close(),
    };
  },
} satisfies PaymentProviderModule<typeof settings>;

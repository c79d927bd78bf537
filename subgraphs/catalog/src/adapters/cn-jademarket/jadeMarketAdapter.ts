import { setting } from '#packages/config/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import { PayloadError, parseJson, type VendorRecord } from '#packages/validate/index.js';
import { MarketplaceRefusal } from '../MarketplaceRefusal.js';
import type { MarketplaceAdapterModule } from '../ports.js';
import { TRADE_REFUSALS, createJadeMarketBooking } from './createJadeMarketBooking.js';
import { JadeMarketError, MARKETPLACE_ID, itemsOf, openEnvelope, shopsOf, toOfferRecord, toSellerRecord } from './map.js';
import { chinaTimestamp, signParams } from './sign.js';

const PAGE_SIZE = 40;
/** The vendor's limit on ids per `jade.items.get` / `jade.shops.get` call. */
const IDS_PER_CALL = 40;
/** Error codes the vendor documents as "try again later" (flow control, service busy). */
const RETRYABLE_CODES = new Set([7, 520]);

const settings = {
  /** Jade Market API base URL. Default: the sandbox on 127.0.0.1:4101. */
  CN_JADEMARKET_URL: setting.url({ default: 'http://127.0.0.1:4101' }),
  /** App key issued by Jade Market. Default: the sandbox's key. */
  CN_JADEMARKET_APP_KEY: setting.string({ default: 'jade-sandbox-app' }),
  /** App secret used to sign requests. Default: the sandbox's secret. */
  CN_JADEMARKET_APP_SECRET: setting.string({ default: 'jade-sandbox-secret' }),
};

export default {
  id: MARKETPLACE_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: MARKETPLACE_ID,
      baseUrl: config.CN_JADEMARKET_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });

    /**
     * Calls one RPC method, signed, and opens its envelope. Reads are GETs; writes are POSTs of the
     * same parameters, and are retried like reads because the vendor honours their `out_request_id`.
     */
    async function call(method: string, params: Record<string, string>, signal?: AbortSignal, write = false): Promise<VendorRecord> {
      const query: Record<string, string> = {
        method,
        app_key: config.CN_JADEMARKET_APP_KEY,
        timestamp: chinaTimestamp(),
        format: 'json',
        v: '2.0',
        sign_method: 'md5',
        ...params,
      };
      query.sign = signParams(query, config.CN_JADEMARKET_APP_SECRET);
      const response = write
        ? await client.request({
            method: 'POST',
            path: '/router/rest',
            headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
            body: new URLSearchParams(query).toString(),
            idempotent: true,
            signal,
          })
        : await client.request({ path: '/router/rest', query, signal });
      try {
        if (response.status !== 200) throw new PayloadError('$', 'HTTP 200', response.status);
        return openEnvelope(parseJson(response.text), method.replaceAll('.', '_') + '_response');
      } catch (error) {
        if (error instanceof JadeMarketError) {
          const reason = write ? TRADE_REFUSALS[error.subCode] : undefined;
          if (reason !== undefined) {
            throw new MarketplaceRefusal({
              upstream: MARKETPLACE_ID,
              reason,
              message: `${MARKETPLACE_ID} refused ${method}: ${error.subCode}`,
              detail: error.message,
            });
          }
          throw new UpstreamError({
            upstream: MARKETPLACE_ID,
            failure: RETRYABLE_CODES.has(error.code) ? 'unavailable' : 'rejected',
            status: response.status,
            message: `${MARKETPLACE_ID} refused ${method}: ${error.message}`,
            detail: `code ${error.code} ${error.subCode}`,
          });
        }
        throw badResponse(method, error);
      }
    }

    const readOffer = (value: unknown, path: string) => toOfferRecord(value, path, logger);

    async function inChunks<T>(ids: readonly string[], fetch: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += IDS_PER_CALL) chunks.push(ids.slice(i, i + IDS_PER_CALL));
      return (await Promise.all(chunks.map(fetch))).flat();
    }

    return {
      marketplace: { id: MARKETPLACE_ID, name: 'Jade Market', country: 'CN', currency: 'CNY', continent: 'ASIA' },

      async searchPage({ query, position, signal }) {
        const pageNo = position === null ? 1 : Number(position);
        const response = await call('jade.items.search', { q: query, page_no: String(pageNo), page_size: String(PAGE_SIZE) }, signal);
        const offers = readList(() => itemsOf(response, '$'), 'jade.items.search', readOffer);
        const total = Number(response.total_results);
        if (!Number.isInteger(total))
          throw badResponse('jade.items.search', new PayloadError('$.total_results', 'a whole number', response.total_results));
        return { offers, next: pageNo * PAGE_SIZE < total ? String(pageNo + 1) : null };
      },

      async getOffers(nativeIds, signal) {
        const offers = await inChunks(nativeIds, async (chunk) => {
          const response = await call('jade.items.get', { num_iids: chunk.join(',') }, signal);
          return readList(() => itemsOf(response, '$'), 'jade.items.get', readOffer);
        });
        return new Map(offers.map((offer) => [offer.nativeId, offer]));
      },

      async getSellers(nativeIds, signal) {
        const sellers = await inChunks(nativeIds, async (chunk) => {
          const response = await call('jade.shops.get', { seller_ids: chunk.join(',') }, signal);
          return readList(() => shopsOf(response, '$'), 'jade.shops.get', toSellerRecord);
        });
        return new Map(sellers.map((seller) => [seller.nativeId, seller]));
      },

      ...createJadeMarketBooking((method, params, signal) => call(method, params, signal, true)),

      close: () => client.close(),
    };
  },
} satisfies MarketplaceAdapterModule<typeof settings>;

function readList<T>(items: () => readonly unknown[], method: string, read: (value: unknown, path: string) => T): T[] {
  try {
    return items().map((item, index) => read(item, `$[${index}]`));
  } catch (error) {
    throw badResponse(method, error);
  }
}

function badResponse(method: string, error: unknown): UpstreamError {
  return new UpstreamError({
    upstream: MARKETPLACE_ID,
    failure: 'bad-response',
    message: `${MARKETPLACE_ID} sent an unreadable ${method} answer`,
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

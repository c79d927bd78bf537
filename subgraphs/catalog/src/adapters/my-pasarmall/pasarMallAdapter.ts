import { setting } from '#packages/config/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import { PayloadError, asArray, asBoolean, asNonNegativeInteger, parseJson, type VendorRecord } from '#packages/validate/index.js';
import { refusedWrite } from '../MarketplaceRefusal.js';
import type { MarketplaceAdapterModule } from '../ports.js';
import { WRITE_REFUSALS, createPasarMallBooking } from './createPasarMallBooking.js';
import { MARKETPLACE_ID, PasarMallError, openEnvelope, toOfferRecord, toSellerRecord } from './map.js';
import { signCall } from './sign.js';

const PAGE_SIZE = 50;
/** The platform's limit on ids per `get_item_base_info` / `get_shop_base_info` call. */
const IDS_PER_CALL = 50;
/** Envelope errors the platform documents as transient, worth asking again later. */
const TRANSIENT_ERRORS = new Set(['error_server', 'error_busy', 'error_inner']);

const SEARCH = '/api/v2/product/search_item';
const ITEMS = '/api/v2/product/get_item_base_info';
const SHOPS = '/api/v2/shop/get_shop_base_info';

const settings = {
  /** PasarMall open-platform base URL. Default: the sandbox on 127.0.0.1:4103. */
  MY_PASARMALL_URL: setting.url({ default: 'http://127.0.0.1:4103' }),
  /** Partner id issued by PasarMall. Default: the sandbox's, 2001984. */
  MY_PASARMALL_PARTNER_ID: setting.string({ default: '2001984' }),
  /** Partner key that signs every call. Default: the sandbox's key. */
  MY_PASARMALL_PARTNER_KEY: setting.string({ default: 'pasar-sandbox-partner-key' }),
};

export default {
  id: MARKETPLACE_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: MARKETPLACE_ID,
      baseUrl: config.MY_PASARMALL_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });
    const credentials = { partnerId: config.MY_PASARMALL_PARTNER_ID, partnerKey: config.MY_PASARMALL_PARTNER_KEY };

    /**
     * Calls one signed endpoint and opens its envelope: a GET with `params`, or a write POSTing
     * `body` as JSON (retried like a read: the platform honours its `partner_request_id`).
     */
    async function call(
      apiPath: string,
      params: Record<string, string | number>,
      signal?: AbortSignal,
      body?: Record<string, unknown>,
    ): Promise<VendorRecord> {
      const query = { ...signCall(apiPath, credentials), ...params };
      const response = await client.request(
        body === undefined
          ? { path: apiPath, query, signal }
          : {
              method: 'POST',
              path: apiPath,
              query,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
              idempotent: true,
              signal,
            },
      );
      try {
        return openEnvelope(parseJson(response.text), response.status);
      } catch (error) {
        if (!(error instanceof PasarMallError)) throw badResponse(apiPath, error);
        if (body !== undefined && !TRANSIENT_ERRORS.has(error.error)) {
          throw refusedWrite({
            upstream: MARKETPLACE_ID,
            operation: apiPath,
            code: error.error,
            refusals: WRITE_REFUSALS,
            status: response.status,
            detail: error.message,
          });
        }
        throw new UpstreamError({
          upstream: MARKETPLACE_ID,
          failure: TRANSIENT_ERRORS.has(error.error) ? 'unavailable' : 'rejected',
          status: response.status,
          message: `${MARKETPLACE_ID} refused ${apiPath}: ${error.error}`,
          detail: error.message,
        });
      }
    }

    /** Batch lookups by numeric id; an id that is not a number cannot exist there, so it is not sent. */
    async function lookup<T>(
      apiPath: string,
      listName: string,
      ids: readonly string[],
      read: (response: VendorRecord) => T[],
      signal?: AbortSignal,
    ) {
      const numeric = [...new Set(ids.filter((id) => /^\d{1,15}$/.test(id)))];
      const chunks: string[][] = [];
      for (let i = 0; i < numeric.length; i += IDS_PER_CALL) chunks.push(numeric.slice(i, i + IDS_PER_CALL));
      const pages = await Promise.all(chunks.map(async (chunk) => read(await call(apiPath, { [listName]: chunk.join(',') }, signal))));
      return pages.flat();
    }

    return {
      marketplace: { id: MARKETPLACE_ID, name: 'PasarMall', country: 'MY', currency: 'MYR', continent: 'ASIA' },

      async searchPage({ query, position, signal }) {
        const offset = position === null ? 0 : Number(position);
        const response = await call(SEARCH, { keyword: query, offset, page_size: PAGE_SIZE }, signal);
        return readPayload(SEARCH, () => {
          const offers = asArray(response.item, '$.response.item').map((item, index) =>
            toOfferRecord(item, `$.response.item[${index}]`, logger),
          );
          if (!asBoolean(response.has_next_page, '$.response.has_next_page')) return { offers, next: null };
          const nextOffset = asNonNegativeInteger(response.next_offset, '$.response.next_offset');
          // A next page that does not move forward would have us page forever.
          if (nextOffset <= offset) throw new PayloadError('$.response.next_offset', `an offset after ${offset}`, nextOffset);
          return { offers, next: String(nextOffset) };
        });
      },

      async getOffers(nativeIds, signal) {
        const offers = await lookup(
          ITEMS,
          'item_id_list',
          nativeIds,
          (response) =>
            readPayload(ITEMS, () =>
              asArray(response.item_list, '$.response.item_list').map((item, index) =>
                toOfferRecord(item, `$.response.item_list[${index}]`, logger),
              ),
            ),
          signal,
        );
        return new Map(offers.map((offer) => [offer.nativeId, offer]));
      },

      async getSellers(nativeIds, signal) {
        const sellers = await lookup(
          SHOPS,
          'shop_id_list',
          nativeIds,
          (response) =>
            readPayload(SHOPS, () =>
              asArray(response.shop_list, '$.response.shop_list').map((shop, index) =>
                toSellerRecord(shop, `$.response.shop_list[${index}]`),
              ),
            ),
          signal,
        );
        return new Map(sellers.map((seller) => [seller.nativeId, seller]));
      },

      ...createPasarMallBooking((apiPath, body, signal) => call(apiPath, {}, signal, body)),

      close: () => client.close(),
    };
  },
} satisfies MarketplaceAdapterModule<typeof settings>;

function readPayload<T>(apiPath: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw badResponse(apiPath, error);
  }
}

function badResponse(apiPath: string, error: unknown): UpstreamError {
  return new UpstreamError({
    upstream: MARKETPLACE_ID,
    failure: 'bad-response',
    message: `${MARKETPLACE_ID} sent an unreadable ${apiPath} answer`,
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}
